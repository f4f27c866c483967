package dev.backstack.panel.views.wizard;

import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.views.fx.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One preflight finding: PASS, FAIL or WARN, what was checked, what was found, and the hint. */
final class FindingCell extends ListCell<PreflightFinding> {

    private final Label verdict = new Label();
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Label hint = new Label();
    private final HBox box;

    FindingCell() {
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        verdict.setPrefWidth(62);
        verdict.setAlignment(Pos.CENTER);
        title.getStyleClass().add(Styles.FIELD_LABEL);
        detail.setWrapText(true);
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.FIELD_HELP);
        VBox text = new VBox(2, title, detail, hint);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        text.prefWidthProperty().bind(widthProperty().subtract(100));
        box = new HBox(10, verdict, text);
        box.setAlignment(Pos.TOP_LEFT);
    }

    @Override
    protected void updateItem(PreflightFinding f, boolean empty) {
        super.updateItem(f, empty);
        if (empty || f == null) {
            setGraphic(null);
            return;
        }
        verdict.getStyleClass().removeAll(Styles.FINDING_PASS, Styles.FINDING_FAIL, Styles.FINDING_WARN);
        verdict.setText(f.passed() ? "PASS" : f.blocks() ? "FAIL" : "WARN");
        verdict.getStyleClass()
                .add(f.passed() ? Styles.FINDING_PASS : f.blocks() ? Styles.FINDING_FAIL : Styles.FINDING_WARN);
        title.setText(f.title() + (f.passed() ? "" : f.blocks() ? "  (blocking)" : "  (warning)"));
        detail.setText(f.detail());
        detail.setVisible(!f.detail().isEmpty());
        detail.setManaged(detail.isVisible());
        hint.setText(f.hint().isEmpty() ? "" : "\u2192 " + f.hint());
        hint.setVisible(!f.hint().isEmpty());
        hint.setManaged(hint.isVisible());
        setGraphic(box);
    }
}
