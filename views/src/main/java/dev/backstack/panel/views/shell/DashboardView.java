package dev.backstack.panel.views.shell;

import dev.backstack.panel.model.Component;
import dev.backstack.panel.views.component.ComponentCardsView;
import dev.backstack.panel.views.component.ComponentDetailView;
import dev.backstack.panel.views.component.ComponentDetailViewModel;
import dev.backstack.panel.views.fleet.ClusterTableView;
import dev.backstack.panel.views.fleet.DashboardViewModel;
import dev.backstack.panel.views.fleet.DetailTables;
import dev.backstack.panel.views.fleet.FleetMapView;
import dev.backstack.panel.views.fx.LazyTab;
import dev.backstack.panel.views.fx.Styles;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's content: a header with the cluster, simulation, connection and watch badges;
 * the fleet as a picture and a table on the left; the selected cluster's components, component
 * detail, applications, policies and watches on the right.
 */
public final class DashboardView extends BorderPane {

    private final TabPane tabs = new TabPane();
    private final NoticeBar notices = new NoticeBar();
    private final Tab detailTab;
    private final WizardMenu wizards = new WizardMenu();
    private final java.util.List<SplitPane> splits;
    /** How narrow a header label may get before the window stops shrinking it. */
    private static final double SHRUNK_LABEL = 90;

    public DashboardView(
            DashboardViewModel vm,
            ComponentDetailViewModel detail,
            Consumer<String> openUrl,
            Runnable toggleTheme,
            Runnable chooseContexts) {
        setId("dashboard");
        // Only the Components tab is built with the window; the others when first selected.
        detailTab = new LazyTab("Detail", () -> new ComponentDetailView(detail));
        Consumer<Component> open = c -> {
            vm.selectComponent(c.kind());
            tabs.getSelectionModel().select(detailTab);
        };
        vm.selectedComponentProperty().addListener((o, a, b) -> {
            if (vm.selectedClusterProperty().get() != null) {
                detail.show(vm.selectedClusterProperty().get().id(), b);
            }
        });
        tabs.getTabs()
                .addAll(
                        new Tab("Components", new ComponentCardsView(vm, open, openUrl)),
                        detailTab,
                        new LazyTab("Applications", () -> DetailTables.applications(vm)),
                        new LazyTab("Policies", () -> DetailTables.policies(vm)),
                        new LazyTab("Watches", () -> DetailTables.watches(vm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane left = new SplitPane(new FleetMapView(vm), new ClusterTableView(vm));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.5);
        SplitPane main = new SplitPane(left, tabs);
        main.setDividerPositions(0.42);
        splits = java.util.List.of(main, left);
        setTop(new javafx.scene.layout.VBox(header(vm, toggleTheme, chooseContexts), notices));
        setCenter(main);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                for (int i = 0; i < tabs.getTabs().size(); i++) {
                    int index = i;
                    scene.getAccelerators()
                            .put(
                                    new KeyCodeCombination(
                                            KeyCode.getKeyCode(String.valueOf(i + 1)), KeyCombination.SHORTCUT_DOWN),
                                    () -> tabs.getSelectionModel().select(index));
                }
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), toggleTheme);
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), chooseContexts);
                for (WizardMenu.Entry w : WizardMenu.Entry.values()) {
                    scene.getAccelerators().put(w.keys, () -> wizards.run(w));
                }
            }
        });
    }

    private HBox header(DashboardViewModel vm, Runnable toggleTheme, Runnable chooseContexts) {
        Label app = new Label("BACK Stack");
        app.getStyleClass().add("app-title");
        Label cluster = new Label();
        cluster.setId("selected-cluster");
        cluster.setMinWidth(SHRUNK_LABEL);
        cluster.getStyleClass().add(Styles.TITLE);
        cluster.textProperty()
                .bind(vm.selectedClusterProperty()
                        .map(c -> c.name() + " (" + c.role().name().toLowerCase() + ")"));
        Label simulation = badge("SIMULATED DEMO FLEET", Styles.BADGE_SIMULATION);
        simulation.setTooltip(
                new javafx.scene.control.Tooltip("The built-in demo fleet: in-process simulated API servers, "
                        + "not a real cluster. Choose Clusters\u2026 to connect to yours."));
        simulation.setId("simulation-badge");
        simulation.visibleProperty().bind(vm.simulatedProperty());
        simulation.managedProperty().bind(vm.simulatedProperty());
        Label connection = badge("", Styles.BADGE_PENDING);
        connection.setId("connection-badge");
        connection.textProperty().bind(vm.connectionBadgeProperty());
        Styles.follow(connection, vm.connectionStyleProperty(), Styles.CONNECTION_BADGES);
        Label watches = badge("", Styles.BADGE_OK);
        watches.setId("watch-badge");
        watches.textProperty().bind(vm.watchBadgeProperty());
        watches.visibleProperty().bind(watches.textProperty().isNotEmpty());
        watches.managedProperty().bind(watches.visibleProperty());
        Styles.follow(
                watches,
                vm.watchProblemProperty().map(problem -> problem ? Styles.BADGE_WARNING : Styles.BADGE_OK),
                Styles.BADGE_OK,
                Styles.BADGE_WARNING);
        Button contexts = new Button("Clusters\u2026");
        contexts.setOnAction(e -> chooseContexts.run());
        Button theme = new Button("\u25d0");
        theme.setId("theme-toggle");
        theme.setTooltip(new javafx.scene.control.Tooltip("Light or dark theme (Ctrl+T)"));
        theme.setMinWidth(Region.USE_PREF_SIZE);
        contexts.setMinWidth(Region.USE_PREF_SIZE);
        app.setMinWidth(Region.USE_PREF_SIZE);
        connection.setMinWidth(Region.USE_PREF_SIZE);
        // on a small screen the cluster name and the watch badge give way first, and say it all on hover
        watches.setMinWidth(SHRUNK_LABEL);
        fullTextOnHover(cluster);
        fullTextOnHover(watches);
        theme.setOnAction(e -> toggleTheme.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, app, cluster, simulation, grow, connection, watches, wizards.button(), contexts, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("header-bar");
        return bar;
    }

    private static void fullTextOnHover(Label label) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(Styles.BADGE, style);
        return l;
    }

    /** What "Install BACK hub…" (Ctrl+I) does; the entry stays disabled until this is set. */
    public void setOnInstall(Runnable action) {
        wizards.set(WizardMenu.Entry.INSTALL, action);
    }

    /** What "Policies…" (Ctrl+P) does. */
    public void setOnPolicies(Runnable action) {
        wizards.set(WizardMenu.Entry.POLICIES, action);
    }

    /** What "Add-ons to spokes…" (Ctrl+Shift+A) does. */
    public void setOnAddons(Runnable action) {
        wizards.set(WizardMenu.Entry.ADDONS, action);
    }

    /** What "Add a spoke cluster…" (Ctrl+Shift+N) does. */
    public void setOnSpoke(Runnable action) {
        wizards.set(WizardMenu.Entry.SPOKE, action);
    }

    /** What "Namespace for a team…" (Ctrl+Shift+M) does. */
    public void setOnNamespace(Runnable action) {
        wizards.set(WizardMenu.Entry.NAMESPACE, action);
    }

    /** Whether the install entry has an action (tests). */
    public boolean installEnabled() {
        return wizards.enabled(WizardMenu.Entry.INSTALL);
    }

    /** Shows notices (kubeconfig problems, connection errors) above the dashboard until dismissed. */
    public void showNotices(java.util.List<String> lines) {
        notices.show(lines);
    }

    /**
     * Shows why there is nothing to watch, with the ways out: choose another context or file,
     * or look at the simulated demo fleet instead.
     */
    /**
     * While a cluster waits for a credential plugin (a browser login, MFA), says so with a way to
     * give up on it: {@code cancel} kills the plugin and the cluster shows "not connected".
     */
    public void offerSignInCancel(DashboardViewModel vm, Runnable cancel) {
        vm.signInWaitProperty().addListener((o, was, waiting) -> {
            if (!waiting.isEmpty()) {
                notices.show(
                        java.util.List.of(waiting + "\nFinish the sign-in it asks for (often in your browser),"
                                + " or cancel it."),
                        java.util.List.of(new NoticeBar.Action("Cancel sign-in", cancel)));
            } else if (!was.isEmpty()) {
                notices.show(java.util.List.of());
            }
        });
    }

    public void showConnectionFailure(String message, Runnable chooseClusters, Runnable useDemo) {
        notices.show(
                java.util.List.of("Cannot connect: " + message),
                java.util.List.of(
                        new NoticeBar.Action("Clusters\u2026", chooseClusters),
                        new NoticeBar.Action("Use the demo fleet", useDemo)));
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The split panes whose dividers the window remembers: the main one, then the fleet's. */
    public java.util.List<SplitPane> splitPanes() {
        return splits;
    }

    /**
     * Adds a tab after the built-in ones. Call before the view is put in a scene, so the tab gets
     * its Ctrl+number shortcut like the others.
     */
    public Tab addTab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tabs.getTabs().add(tab);
        return tab;
    }

    /**
     * Adds a tab after the built-in ones whose content is built the first time the tab is
     * selected ({@link LazyTab}); otherwise as {@link #addTab(String, String, javafx.scene.Node)}.
     */
    public Tab addTab(String id, String title, Supplier<? extends javafx.scene.Node> content) {
        Tab tab = new LazyTab(title, content);
        tab.setId(id);
        tabs.getTabs().add(tab);
        return tab;
    }
}
