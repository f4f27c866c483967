package dev.backstack.panel.views.component;

import static dev.backstack.panel.views.fleet.ClusterTableView.column;

import dev.backstack.panel.installer.ClusterInspector;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.fx.TextCells;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Detail of one component: the full reason, conditions, related objects, events and logs. */
public final class ComponentDetailView extends VBox {

    private final ComponentDetailViewModel vm;
    private final Label title = new Label("Select a component");
    private final Label health = new Label();
    private final Label facts = new Label();
    private final Label reason = new Label();
    private final Label hint = new Label();
    private final TableView<Condition> conditions = new TableView<>();
    private final TreeView<ObjectNode> tree = new TreeView<>();
    private static final String NAMESPACE = "the whole namespace";
    private final ComboBox<String> pods = new ComboBox<>();
    private final ComboBox<String> eventScope = new ComboBox<>();

    public ComponentDetailView(ComponentDetailViewModel vm) {
        this.vm = vm;
        setId("component-detail");
        setSpacing(8);
        setPadding(new Insets(12));
        title.getStyleClass().add(Styles.TITLE);
        health.getStyleClass().add(Styles.CHIP);
        facts.getStyleClass().add(Styles.MUTED);
        reason.setId("detail-reason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.setMaxWidth(Double.MAX_VALUE);
        reason.getStyleClass().add("reason-box");
        hint.setId("component-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.managedProperty().bind(hint.visibleProperty());
        reason.setContextMenu(copyMenu());
        conditions.getColumns().add(column("Type", Condition::type, 110));
        conditions.getColumns().add(column("Status", Condition::status, 70));
        conditions.getColumns().add(column("Reason", Condition::reason, 170));
        conditions.getColumns().add(column("Message", Condition::message, 420));
        conditions.setPlaceholder(new Label("No conditions reported"));
        TextCells.lastColumnFills(conditions);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new ObjectNodeCell());
        TabPane tabs = new TabPane(
                new Tab("Objects", tree),
                new Tab("Conditions", conditions),
                new Tab("Events", events()),
                new Tab("Logs", logs()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(new HBox(10, title, health), facts, reasonBox(), hint, tabs);
        vm.componentProperty().addListener((o, a, b) -> render(b));
        render(vm.componentProperty().get());
    }

    /**
     * The reason as tall as its wrapped text; past almost half of the view it scrolls, so the
     * tabs below stay in sight.
     */
    private ScrollPane reasonBox() {
        ScrollPane scroll = new ScrollPane(reason);
        scroll.setId("detail-reason-box");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.prefViewportHeightProperty().bind(reason.heightProperty());
        scroll.maxHeightProperty().bind(heightProperty().multiply(0.45));
        scroll.visibleProperty().bind(reason.textProperty().isNotEmpty());
        scroll.managedProperty().bind(scroll.visibleProperty());
        scroll.minHeightProperty()
                .bind(javafx.beans.binding.Bindings.min(reason.heightProperty().add(4), scroll.maxHeightProperty()));
        return scroll;
    }

    private ContextMenu copyMenu() {
        MenuItem copy = new MenuItem("Copy the reason");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(reason.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return new ContextMenu(copy);
    }

    private VBox events() {
        TableView<ClusterInspector.EventLine> table = new TableView<>(vm.events());
        table.setId("events-table");
        table.getColumns().add(column("Time", ClusterInspector.EventLine::time, 150));
        table.getColumns().add(column("Type", ClusterInspector.EventLine::type, 70));
        table.getColumns().add(column("Object", ClusterInspector.EventLine::object, 200));
        table.getColumns().add(column("Reason", ClusterInspector.EventLine::reason, 120));
        table.getColumns().add(column("Message", ClusterInspector.EventLine::message, 400));
        table.setPlaceholder(new Label("No recent events"));
        TextCells.lastColumnFills(table);
        eventScope.setId("event-scope");
        eventScope.setPromptText("the whole namespace");
        eventScope.setTooltip(new Tooltip("Events of the component's namespace, or of one of its pods"));
        eventScope.setOnAction(e -> vm.loadEventsOf(
                eventScope.getValue() == null || eventScope.getValue().equals(NAMESPACE)
                        ? null
                        : eventScope.getValue()));
        Button reload = new Button("Reload");
        reload.setOnAction(e -> eventScope.getOnAction().handle(e));
        VBox box = new VBox(
                8, new HBox(8, eventScope, reload), table, statusLine("event-status", vm.eventStatusProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox logs() {
        ListView<String> lines = new ListView<>(vm.logLines());
        lines.setId("log-lines");
        lines.getStyleClass().add("log-view");
        lines.setPlaceholder(new Label("Choose a pod and load its log"));
        CheckBox previous = new CheckBox("Previous container");
        previous.setId("log-previous");
        previous.setTooltip(new Tooltip("The log of the run before the last restart: where a crash-looping container "
                + "says why it stopped"));
        Button load = new Button("Load log");
        load.setId("load-log");
        load.setOnAction(e -> vm.loadLog(pods.getValue(), previous.isSelected()));
        load.disableProperty().bind(pods.valueProperty().isNull());
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("follow-log");
        follow.setTooltip(new Tooltip("Keep reading new lines of the current container (the newest "
                + ComponentDetailViewModel.MAX_LOG_LINES + " are kept)"));
        follow.disableProperty().bind(pods.valueProperty().isNull().or(previous.selectedProperty()));
        follow.setOnAction(e -> {
            if (follow.isSelected()) {
                vm.follow(pods.getValue());
            } else {
                vm.stopFollowing();
            }
        });
        vm.followingProperty().addListener((o, a, on) -> follow.setSelected(on));
        pods.setId("log-pod");
        pods.setPromptText("Choose a pod");
        pods.setPrefWidth(380);
        pods.setMinWidth(160);
        for (javafx.scene.control.Control c : List.of(previous, load, follow)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, pods, previous, load, follow);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(8, bar, lines, statusLine("log-status", vm.logStatusProperty()));
        VBox.setVgrow(lines, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static Label statusLine(String id, javafx.beans.value.ObservableValue<String> text) {
        Label status = new Label();
        status.setId(id);
        status.setWrapText(true);
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(text);
        return status;
    }

    private void render(Component c) {
        if (c == null) {
            title.setText("Select a component");
            health.setText("");
            facts.setText("Click a card, or focus it and press Enter.");
            reason.setText("");
            showHint("");
            conditions.getItems().clear();
            tree.setRoot(null);
            return;
        }
        title.setText(c.kind().displayName());
        health.setText(c.statusLabel());
        Styles.health(health, c.health());
        facts.setText(String.join(
                "  \u00b7  ",
                java.util.List.of(
                        c.version().isEmpty() ? "version unknown" : "version " + c.version(),
                        c.installedBy().isEmpty() ? "not installed" : "installed by " + c.installedBy(),
                        c.url() == null ? "no UI address known" : c.url())));
        reason.setText(c.assessment()
                .reason()
                .map(r -> r.pathText() + "\n" + r.message())
                .orElse(c.assessment().summary()));
        showHint(ComponentDetailViewModel.hintText(c));
        conditions.getItems().setAll(c.conditions());
        TreeItem<ObjectNode> root = new TreeItem<>();
        c.tree().forEach(n -> root.getChildren().add(item(n)));
        tree.setRoot(root);
        if (!pods.getItems().equals(c.pods())) {
            pods.getItems().setAll(c.pods());
            pods.setValue(podToShow(c));
            List<String> scopes = new java.util.ArrayList<>(List.of(NAMESPACE));
            scopes.addAll(c.pods());
            eventScope.getItems().setAll(scopes);
        }
    }

    private void showHint(String text) {
        hint.setText(text);
        hint.setVisible(!text.isEmpty());
    }

    /** The pod the reason names (the failing one), else the first. */
    static String podToShow(Component c) {
        String reason = c.assessment()
                .reason()
                .map(r -> r.pathText() + "\n" + r.message())
                .orElse("");
        return c.pods().stream()
                .filter(p -> reason.contains(p.substring(p.lastIndexOf('/') + 1)))
                .findFirst()
                .orElse(c.pods().isEmpty() ? null : c.pods().get(0));
    }

    private static TreeItem<ObjectNode> item(ObjectNode node) {
        TreeItem<ObjectNode> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(true);
        return item;
    }

    /** Tree cell: "Kind name  · Health · message". */
    private static final class ObjectNodeCell extends javafx.scene.control.TreeCell<ObjectNode> {
        @Override
        protected void updateItem(ObjectNode n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                Styles.health(this, null);
                TextCells.show(this, null);
                return;
            }
            var a = n.own();
            String ns = n.namespace().isEmpty() ? "" : " (" + n.namespace() + ")";
            TextCells.show(this, n.label() + ns + "  \u00b7  " + a.health().label() + "  \u00b7  " + a.oneLine());
            Styles.health(this, a.health());
        }
    }
}
