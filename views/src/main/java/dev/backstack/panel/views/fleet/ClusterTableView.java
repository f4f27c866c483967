package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.Health;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.fx.TextCells;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The fleet as a sortable table; selecting a row selects the cluster. */
public final class ClusterTableView extends TableView<ClusterRow> {

    /** The cluster last selected in this table, kept across its row being replaced. */
    private String selectedId;

    public ClusterTableView(DashboardViewModel vm) {
        setId("cluster-table");
        SortedList<ClusterRow> sorted = new SortedList<>(vm.clusters());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getColumns().add(column("Cluster", ClusterRow::name, 140));
        TableColumn<ClusterRow, Health> health = column("Health", ClusterRow::health, 125);
        health.setCellFactory(c -> new HealthCell<>());
        getColumns().add(health);
        getColumns().add(column("Connection", ClusterRow::reachability, 110));
        TableColumn<ClusterRow, String> reason = column("Reason", ClusterRow::reason, 420);
        getColumns().add(reason);
        getColumns().add(column("Role", ClusterRow::role, 60));
        getColumns().add(column("Kubernetes", ClusterRow::kubernetesVersion, 90));
        getColumns().add(column("Apps", ClusterRow::applications, 56));
        TableColumn<ClusterRow, Long> fails = column("Policy fails", ClusterRow::policyFailures, 90);
        fails.setCellFactory(c -> new FailuresCell());
        getColumns().add(fails);
        TextCells.columnFills(this, reason);
        javafx.scene.control.Label empty = new javafx.scene.control.Label();
        empty.setId("cluster-table-empty");
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(12));
        empty.textProperty().bind(vm.emptyTextProperty());
        setPlaceholder(empty);
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                selectedId = b.id();
                vm.selectCluster(b.id());
            }
        });
        // A snapshot replaces a changed row in place; the table then drops the selection of the old
        // instance. Select the new row of the same cluster again (after the selection model's own listener).
        sorted.addListener((javafx.collections.ListChangeListener<ClusterRow>) c -> {
            ClusterRow now = getSelectionModel().getSelectedItem();
            if (selectedId == null || (now != null && now.id().equals(selectedId))) {
                return;
            }
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).id().equals(selectedId)) {
                    getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
        });
    }

    /** A column of {@code value}, its cells showing the whole text as a tooltip. */
    public static <R, T> TableColumn<R, T> column(String title, Function<R, T> value, double width) {
        TableColumn<R, T> col = new TableColumn<>(title);
        col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        col.setCellFactory(TextCells.forTable());
        col.setPrefWidth(width);
        return col;
    }

    /** The number of failing results; its tooltip names the worst of them (the Policies tab lists them). */
    static final class FailuresCell extends TableCell<ClusterRow, Long> {
        private final javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();

        FailuresCell() {
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(720);
            tooltip.setShowDuration(javafx.util.Duration.INDEFINITE);
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            ClusterRow row =
                    empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty || item == null ? null : item.toString());
            if (row == null || row.failuresHint().isEmpty()) {
                setTooltip(null);
            } else {
                tooltip.setText(row.failuresHint());
                setTooltip(tooltip);
            }
        }
    }

    /** A cell that shows a health as a coloured chip. */
    public static final class HealthCell<R> extends TableCell<R, Health> {
        @Override
        protected void updateItem(Health item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                Styles.health(this, null);
                setText(null);
                return;
            }
            setText("\u25CF " + item.label());
            Styles.health(this, item);
        }
    }
}
