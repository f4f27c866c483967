package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.addon.AddonMatrix;
import dev.backstack.panel.views.fx.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The add-on matrix tab: a row per spoke, a column per add-on, each cell its Application's health, sync and retries. */
public final class AddonMatrixView extends VBox {

    private final TableView<AddonMatrix.Row> table;

    public AddonMatrixView(AddonMatrixViewModel vm) {
        setId("addon-matrix");
        table = new TableView<>(vm.rows());
        table.setId("addon-matrix-table");
        table.setPlaceholder(new Label("No spokes, or no add-on Applications (named <spoke>-<add-on>) on the hub"));
        Label help = new Label("Each cell is the Argo CD Application <spoke>-<add-on> that the add-on's ApplicationSet "
                + "made: health \u00b7 sync status \u00b7 retries. Hover a cell for Argo CD's message.");
        help.setWrapText(true);
        help.getStyleClass().add(Styles.MUTED);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(help, table);
        setSpacing(8);
        setPadding(new Insets(10));
        vm.addonsProperty().addListener((o, a, b) -> columns(b));
        columns(vm.addonsProperty().get());
    }

    private void columns(List<String> addons) {
        table.getColumns().clear();
        TableColumn<AddonMatrix.Row, String> spoke = new TableColumn<>("Spoke");
        spoke.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(d.getValue().spoke()));
        spoke.setPrefWidth(140);
        table.getColumns().add(spoke);
        for (String addon : addons) {
            TableColumn<AddonMatrix.Row, ApplicationStatus> c = new TableColumn<>(addon);
            c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(
                    d.getValue().cell(addon).orElse(null)));
            c.setCellFactory(col -> new Cell());
            c.setPrefWidth(190);
            table.getColumns().add(c);
        }
    }

    private static final class Cell extends TableCell<AddonMatrix.Row, ApplicationStatus> {
        @Override
        protected void updateItem(ApplicationStatus a, boolean empty) {
            super.updateItem(a, empty);
            getStyleClass().removeAll(Styles.ALL_HEALTH);
            if (empty || a == null) {
                setText(empty ? null : "\u2014");
                setTooltip(null);
                return;
            }
            setText(AddonMatrix.label(a));
            getStyleClass().add(Styles.health(a.health()));
            setTooltip(new Tooltip(a.name() + ": " + a.assessment().reason().map(r -> r.message())
                    .orElse(a.assessment().summary())));
        }
    }
}
