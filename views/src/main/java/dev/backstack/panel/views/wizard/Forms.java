package dev.backstack.panel.views.wizard;

import dev.backstack.panel.views.fx.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Form layout shared by wizard pages: a label column and a field column with help and problems. */
public final class Forms {

    private Forms() {
    }

    /** A two-column grid: labels on the left, fields growing on the right. */
    public static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(12);
        g.setPadding(new Insets(18, 22, 18, 22));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Label.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    /**
     * Adds a row: a label with a mnemonic ({@code "GitOps _repository"}) for {@code control}, and
     * under the control its help text and its problem (shown only when there is one).
     */
    public static VBox row(GridPane grid, String label, Node control, String help, ObservableStringValue problem) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(control);
        l.getStyleClass().add(Styles.FIELD_LABEL);
        VBox field = new VBox(4, control);
        if (help != null && !help.isEmpty()) {
            field.getChildren().add(help(help));
        }
        if (problem != null) {
            field.getChildren().add(problem(problem));
        }
        int row = grid.getRowCount();
        grid.add(l, 0, row);
        grid.add(field, 1, row);
        GridPane.setValignment(l, VPos.TOP);
        GridPane.setMargin(l, new Insets(5, 0, 0, 0));
        return field;
    }

    public static Label help(String text) {
        Label h = new Label(text);
        h.setWrapText(true);
        h.getStyleClass().add(Styles.FIELD_HELP);
        return h;
    }

    /** A problem message in the danger colour, hidden while empty. */
    public static Label problem(ObservableStringValue problem) {
        Label p = new Label();
        p.setWrapText(true);
        p.getStyleClass().add(Styles.FIELD_PROBLEM);
        p.textProperty().bind(problem);
        p.visibleProperty().bind(p.textProperty().isNotEmpty());
        p.managedProperty().bind(p.visibleProperty());
        return p;
    }

    public static Label section(String text) {
        Label s = new Label(text);
        s.getStyleClass().add(Styles.SECTION);
        return s;
    }
}
