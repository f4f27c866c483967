package dev.backstack.panel.views.lineage;

import dev.backstack.panel.model.lineage.Lineage;
import dev.backstack.panel.model.lineage.LineageNode;
import dev.backstack.panel.views.fx.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lineage tab: the selected spoke's chain as a tree (stage, object, health, last change,
 * message), the first broken link named above it and selected in the tree.
 */
public final class LineageView extends VBox {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final TreeTableView<LineageNode> tree = new TreeTableView<>();

    public LineageView(LineageViewModel vm) {
        setId("lineage");
        Label headline = new Label();
        headline.setId("lineage-headline");
        headline.setWrapText(true);
        headline.getStyleClass().add(Styles.TITLE);
        headline.setMinHeight(Label.USE_PREF_SIZE);
        headline.textProperty().bind(vm.headlineProperty());
        tree.setId("lineage-tree");
        tree.setShowRoot(true);
        TreeTableColumn<LineageNode, String> object = column("Object", LineageNode::label, 290);
        tree.getColumns().add(object);
        tree.setTreeColumn(object);
        tree.getColumns().add(column("Health", n -> n.health().name().toLowerCase(), 90));
        tree.getColumns()
                .add(column("Stage", n -> n.stage().name().toLowerCase().replace('_', ' '), 110));
        tree.getColumns()
                .add(column("Changed", n -> n.lastChanged().map(TIME::format).orElse(""), 100));
        tree.getColumns().add(column("Message", LineageNode::message, 400));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(LineageNode n, boolean empty) {
                super.updateItem(n, empty);
                Styles.health(this, empty || n == null ? null : n.health());
                setTooltip(null);
                if (!empty && n != null) {
                    setTooltip(new javafx.scene.control.Tooltip(n.label() + ": " + n.message()));
                }
            }
        });
        tree.setPlaceholder(new Label("No spoke selected"));
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(headline, tree);
        setSpacing(8);
        setPadding(new Insets(10));
        vm.lineageProperty().addListener((o, a, b) -> show(b));
    }

    private void show(Lineage lineage) {
        if (lineage == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<LineageNode> root = item(lineage.root());
        tree.setRoot(root);
        lineage.brokenLink().ifPresent(b -> select(root, b.node()));
    }

    private static TreeItem<LineageNode> item(LineageNode n) {
        TreeItem<LineageNode> item = new TreeItem<>(n);
        item.setExpanded(true);
        n.children().forEach(c -> item.getChildren().add(item(c)));
        return item;
    }

    private void select(TreeItem<LineageNode> item, LineageNode target) {
        if (item.getValue() == target) {
            tree.getSelectionModel().select(item);
            return;
        }
        item.getChildren().forEach(c -> select(c, target));
    }

    private static TreeTableColumn<LineageNode, String> column(
            String title, java.util.function.Function<LineageNode, String> value, double width) {
        TreeTableColumn<LineageNode, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(
                d.getValue() == null || d.getValue().getValue() == null
                        ? ""
                        : value.apply(d.getValue().getValue())));
        c.setCellFactory(dev.backstack.panel.views.fx.TextCells.forTreeTable());
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 90));
        return c;
    }
}
