package dev.backstack.panel.views.fleet;

import static dev.backstack.panel.views.fleet.ClusterTableView.column;

import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Verdict;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.views.fx.Styles;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Failing policy results as a list a person can read: a title (what is listed, "and K more"), a
 * table with one column per fact (result, policy, rule, resource kind/name, namespace, cluster,
 * message; every column resizes, a long message shows whole in its tooltip), and a details pane
 * under it with the selected result's whole message, wrapped. The table takes the keyboard focus
 * (Tab), the arrow keys move through the results and the details pane follows.
 */
public final class FailureTable {

    private FailureTable() {}

    /**
     * @param id    the table's id; the title is {@code id-title}, the details pane {@code id-detail}
     * @param title what the list holds (bound)
     */
    public static VBox of(
            String id, ObservableList<FailingResource> items, ObservableValue<String> title, String placeholder) {
        TableView<FailingResource> t = new TableView<>(items);
        t.setId(id);
        TableColumn<FailingResource, Verdict> result = column("Result", FailingResource::result, 76);
        result.setCellFactory(c -> new ResultCell());
        t.getColumns().add(result);
        t.getColumns().add(column("Policy", FailingResource::policy, 190));
        t.getColumns().add(column("Rule", FailingResource::rule, 140));
        t.getColumns().add(column("Resource", FailingResource::kindName, 200));
        t.getColumns().add(column("Namespace", f -> f.namespace().isEmpty() ? "-" : f.namespace(), 110));
        t.getColumns().add(column("Cluster", FailingResource::cluster, 110));
        TableColumn<FailingResource, String> message = column("Message", FailingResource::message, 460);
        message.setCellFactory(c -> new MessageCell());
        t.getColumns().add(message);
        dev.backstack.panel.views.fx.TextCells.columnFills(t, message);
        t.setPlaceholder(new Label(placeholder));
        t.setAccessibleText("Failing policy results");

        Label heading = new Label();
        heading.setId(id + "-title");
        heading.getStyleClass().add(Styles.SECTION);
        heading.setWrapText(true);
        heading.textProperty().bind(title);

        Label detail = new Label();
        detail.setId(id + "-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        detail.getStyleClass().add(Styles.MUTED);
        detail.textProperty()
                .bind(t.getSelectionModel()
                        .selectedItemProperty()
                        .map(FailingResource::detail)
                        .orElse("Select a result (arrow keys) to read its whole message here."));

        VBox box = new VBox(4, heading, t, detail);
        VBox.setVgrow(t, Priority.ALWAYS);
        return box;
    }

    /** The verdict in the health colours of the other tables: fail and error red, warn amber. */
    static final class ResultCell extends TableCell<FailingResource, Verdict> {
        @Override
        protected void updateItem(Verdict item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                Styles.health(this, null);
                setText(null);
                return;
            }
            setText("\u25CF " + item.label());
            Styles.health(this, item == Verdict.WARN ? Health.MISSING : Health.DEGRADED);
        }
    }

    /** One line of the message (ellipsised by the column's width); the whole message in its tooltip. */
    static final class MessageCell extends TableCell<FailingResource, String> {
        private final Tooltip tooltip = new Tooltip();

        MessageCell() {
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(640);
            tooltip.setShowDuration(Duration.INDEFINITE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item.replaceAll("\\s*\\R\\s*", " "));
            tooltip.setText(item);
            setTooltip(item.isEmpty() ? null : tooltip);
        }
    }
}
