package dev.backstack.panel.views.wizard;

import dev.backstack.panel.views.fx.Styles;
import java.util.List;
import java.util.Objects;
import javafx.beans.value.ObservableBooleanValue;
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

    private Forms() {}

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

    /** A row of a form: its label and its field (control, help, problem). */
    public record Row(Label label, VBox field) {

        /** Shows the row only while {@code when} holds. */
        public void showWhen(ObservableBooleanValue when) {
            for (Node n : List.of(label, field)) {
                n.visibleProperty().bind(when);
                n.managedProperty().bind(when);
            }
        }
    }

    /**
     * Adds a row: a label with a mnemonic ({@code "GitOps _repository"}) for {@code control}, and
     * under the control its help text and its problem (shown only when there is one).
     */
    public static Row row(GridPane grid, String label, Node control, String help, ObservableStringValue problem) {
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
        // not getRowCount(): it skips hidden (unmanaged) rows, and the next row would land on them
        int row = grid.getChildren().stream()
                        .mapToInt(n -> Objects.requireNonNullElse(GridPane.getRowIndex(n), 0))
                        .max()
                        .orElse(-1)
                + 1;
        grid.add(l, 0, row);
        grid.add(field, 1, row);
        GridPane.setValignment(l, VPos.TOP);
        GridPane.setMargin(l, new Insets(5, 0, 0, 0));
        return new Row(l, field);
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
