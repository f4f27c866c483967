package dev.backstack.panel.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.install.WizardTargets;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.compliance.HistoryException;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.namespace.NamespaceService;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.views.addon.AddonMatrixView;
import dev.backstack.panel.views.addon.AddonMatrixViewModel;
import dev.backstack.panel.views.compliance.ComplianceView;
import dev.backstack.panel.views.compliance.ComplianceViewModel;
import dev.backstack.panel.views.component.ComponentDetailViewModel;
import dev.backstack.panel.views.fleet.DashboardViewModel;
import dev.backstack.panel.views.fx.FxPump;
import dev.backstack.panel.views.fx.FxThread;
import dev.backstack.panel.views.install.InstallTargets;
import dev.backstack.panel.views.install.InstallWizard;
import dev.backstack.panel.views.lineage.LineageView;
import dev.backstack.panel.views.lineage.LineageViewModel;
import dev.backstack.panel.views.namespace.NamespaceServiceBackend;
import dev.backstack.panel.views.namespace.NamespaceWizard;
import dev.backstack.panel.views.policy.PolicyServiceBackend;
import dev.backstack.panel.views.policy.PolicyWizard;
import dev.backstack.panel.views.shell.ClusterPickerDialog;
import dev.backstack.panel.views.shell.DashboardView;
import dev.backstack.panel.views.shell.PluginApprovalDialog;
import dev.backstack.panel.views.shell.WindowMemory;
import dev.backstack.panel.views.task.FxTaskExecutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window: builds the dashboard at once, connects in the background, then pumps snapshots. */
public final class PanelApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PanelApp.class);
    private static volatile Options options = Options.parse();
    private static volatile InstallTargets installTargets;
    private static volatile java.util.prefs.Preferences windowPrefs;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "panel-background");
        t.setDaemon(true);
        return t;
    });
    private DashboardViewModel dashboard;
    private static final long STOP_WAIT_MILLIS = 5_000;
    private ComplianceViewModel compliance;
    private final LineageViewModel lineage = new LineageViewModel();
    private final AddonMatrixViewModel addons = dev.backstack.panel.app.addon.AddonWizards.matrix(() -> this.service);
    private final FxTaskExecutor complianceTasks = new FxTaskExecutor();
    private ComponentDetailViewModel detail;
    private DashboardView view;
    private javafx.scene.control.Tab lineageTab;
    private FxPump pump;
    private FleetConnector connector;
    private FleetService service;
    private HistoryHandle history;
    private boolean dark;
    private Stage stage;
    /** Set by {@link #stop()}: a connection or history that completes afterwards is closed, never shown. */
    private volatile boolean stopped;

    private static final java.util.concurrent.atomic.AtomicInteger LATE_CLOSED =
            new java.util.concurrent.atomic.AtomicInteger();

    static void launchWith(Options o) {
        options = o;
        Application.launch(PanelApp.class);
    }

    /** The clusters the install wizard offers (kubeconfig contexts, the simulated cluster). */
    public static void useInstallTargets(InstallTargets targets) {
        installTargets = targets;
    }

    /** For tests: the Preferences node where the window remembers its size, dividers and tab (not the user's). */
    public static void useWindowPreferences(java.util.prefs.Preferences node) {
        windowPrefs = node;
    }

    /** For tests: the options the next launched window uses. */
    public static void useOptions(Options o) {
        options = o;
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        dashboard = new DashboardViewModel(System::currentTimeMillis);
        detail = new ComponentDetailViewModel(background, FxThread.executor());
        view = new DashboardView(
                dashboard, detail, url -> getHostServices().showDocument(url), this::toggleTheme, this::chooseClusters);
        view.setOnInstall(() -> InstallWizard.show(
                stage,
                InstallWizard.viewModel(
                        installTargets != null
                                ? installTargets
                                : new WizardTargets(
                                        () -> Optional.ofNullable(connector).map(FleetConnector::kubeconfig),
                                        System.getenv(),
                                        Path.of(System.getProperty("user.home")))),
                url -> getHostServices().showDocument(url)));
        view.setOnPolicies(() -> withFleet("policy", this::openPolicies));
        view.setOnAddons(() -> withFleet(
                "add-on",
                fleet -> dev.backstack.panel.app.addon.AddonWizards.open(
                        stage,
                        fleet,
                        System.getenv(),
                        Path.of(System.getProperty("user.home")),
                        url -> getHostServices().showDocument(url))));
        view.setOnSpoke(() -> withFleet("spoke", this::openSpokes));
        view.offerSignInCancel(dashboard, () -> {
            FleetConnector c = connector;
            if (c != null) {
                background.execute(c::cancelSignIns);
            }
        });
        view.setOnNamespace(() -> withFleet("namespace", this::openNamespace));
        compliance =
                new ComplianceViewModel(complianceTasks, ComplianceViewModel.fileExporter(), ZoneId.systemDefault());
        view.addTab("compliance-tab", "Compliance", () -> new ComplianceView(compliance, System::currentTimeMillis));
        lineageTab = view.addTab("lineage-tab", "Lineage", () -> new LineageView(lineage));
        view.addTab("addons-tab", "Add-ons", () -> new AddonMatrixView(addons));
        dashboard.selectedClusterProperty().addListener((o, a, c) -> {
            FleetService s = service;
            lineage.unfollow();
            refreshLineage();
        });
        Scene scene = new Scene(view, 1360, 860);
        scene.getStylesheets()
                .add(PanelApp.class
                        .getResource("/dev/backstack/panel/views/panel.css")
                        .toExternalForm());
        primary.setTitle("BACK Stack control panel");
        primary.getIcons().setAll(icons());
        primary.setScene(scene);
        WindowMemory.attach(
                primary, view.splitPanes(), view.tabs(), windowPrefs != null ? windowPrefs : WindowMemory.userNode());
        primary.show();
        reportFirstFrame();
        connect(() -> connector.connect(options, FleetConnector.DEMO_TICK_MILLIS));
    }

    private void connect(java.util.function.Supplier<FleetService> how) {
        CompletableFuture.supplyAsync(
                        () -> {
                            if (connector == null) {
                                connector = new FleetConnector(
                                        options, System.getenv(), Path.of(System.getProperty("user.home")));
                                if (!connector.useDemo(options)) {
                                    follow(connector);
                                }
                            }
                            return how.get();
                        },
                        background)
                .whenCompleteAsync(
                        (s, error) -> {
                            if (stopped) {
                                LOG.info("The window closed before the fleet connected; closing the connection");
                                closeLater(s);
                                closeLater(connector);
                                return;
                            }
                            if (error != null) {
                                String message = error.getCause().getMessage();
                                LOG.warn("Cannot connect: {}", message);
                                if (service == null) {
                                    dashboard.showNoFleet(message);
                                }
                                view.showConnectionFailure(message, this::chooseClusters, this::useDemo);
                                return;
                            }
                            attach(s);
                            List<String> notices = connector.notices();
                            view.showNotices(notices);
                        },
                        FxThread.executor());
    }

    /** Follows a connector's kubeconfig files on disk (T25). Off the FX thread. */
    private void follow(FleetConnector watched) {
        try {
            watched.watch(change -> FxThread.executor().execute(() -> kubeconfigChanged(watched, change)));
        } catch (java.io.IOException e) {
            LOG.warn("The kubeconfig files are not followed on disk: {}", e.getMessage());
        }
    }

    private static PluginApprovalDialog.Plugin approvalOf(ContextEntry e) {
        dev.backstack.panel.installer.connect.ExecSpec x = e.exec().orElseThrow();
        return new PluginApprovalDialog.Plugin(
                e.name(),
                dev.backstack.panel.installer.connect.PluginApprovals.pluginFile(e)
                        .toString(),
                x.command(),
                dev.backstack.panel.installer.connect.PluginApprovals.displayArgs(x.args()),
                x.env().keySet().stream().sorted().toList());
    }

    /**
     * The kubeconfig changed on disk (T25): the clusters whose contexts changed reconnect, the
     * others keep their watches; with no fleet yet (the kubeconfig was unusable) the panel tries again.
     */
    private void kubeconfigChanged(
            FleetConnector from, dev.backstack.panel.installer.connect.KubeconfigWatcher.Change change) {
        FleetService current = service;
        if (stopped || from != connector || (current != null && current.simulated())) {
            return;
        }
        if (current == null) {
            dashboard.showWaiting();
            view.showNotices(List.of("The kubeconfig changed on disk: connecting again."));
            connect(() -> from.connect(options, FleetConnector.DEMO_TICK_MILLIS));
        } else if (!change.changed().isEmpty() || !change.removed().isEmpty()) {
            background.execute(() -> from.apply(change, current));
        }
    }

    private void useDemo() {
        dashboard.showWaiting();
        connect(() -> FleetService.demo(FleetConnector.DEMO_TICK_MILLIS, FleetConnector.COALESCE_MILLIS));
    }

    private void attach(FleetService next) {
        FleetService previous = service;
        service = next;
        detail.setInspectors(next::inspector);
        if (pump != null) {
            pump.stop();
        }
        pump = new FxPump(next::latest, fleet -> {
            if (fleet.revision() == 0) {
                return; // the store's placeholder before its first snapshot: no cluster to show yet
            }
            dashboard.apply(fleet);
            compliance.apply(fleet);
            lineage.apply(
                    fleet,
                    dashboard.selectedClusterProperty().get(),
                    () -> next.objects(fleet.hub().id()));
            addons.apply(fleet);
        });
        pump.start();
        if (previous != null) {
            background.execute(previous::close);
        }
        recordHistory(next);
    }

    /** Opens the compliance history for this fleet in the background and feeds it every snapshot. */
    private void recordHistory(FleetService next) {
        HistoryHandle previous = history;
        history = null;
        compliance.setHistory(() -> HistorySnapshot.EMPTY);
        if (previous != null) {
            background.execute(previous::close);
        }
        Path dir = AppDirs.compliance(System.getenv(), Path.of(System.getProperty("user.home")));
        CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return HistoryHandle.open(dir, next.simulated(), HistoryHandle.INTERVAL_MILLIS);
                            } catch (HistoryException e) {
                                throw new java.util.concurrent.CompletionException(e);
                            }
                        },
                        background)
                .whenCompleteAsync(
                        (h, error) -> {
                            if (error != null) {
                                LOG.warn(
                                        "Compliance history not recorded: {}",
                                        error.getCause().getMessage());
                            } else if (stopped || service != next) {
                                closeLater(h);
                            } else {
                                history = h;
                                next.addListener(h.history()::offer);
                                compliance.setHistory(h.history()::snapshot);
                                h.history().offer(next.latest());
                            }
                        },
                        FxThread.executor());
    }

    /** Opens a wizard on the fleet the window shows, or says why it cannot yet. */
    private void withFleet(String wizard, java.util.function.Consumer<FleetService> open) {
        FleetService fleet = service;
        if (fleet == null) {
            view.showNotices(List.of("The " + wizard + " wizard needs the fleet: wait until the panel is connected."));
            return;
        }
        open.accept(fleet);
    }

    /** The policy wizard on the fleet the window shows. */
    private void openPolicies(FleetService fleet) {
        PolicyService policies = new PolicyService(
                PolicyCatalog.load(),
                new FleetClusters(fleet),
                AppDirs.journals(System.getenv(), Path.of(System.getProperty("user.home"))),
                java.time.Clock.systemUTC(),
                new GitOpsDelivery());
        PolicyWizard.show(
                stage,
                PolicyWizard.viewModel(new PolicyServiceBackend(policies, fleet.simulated())),
                url -> getHostServices().showDocument(url));
    }

    /** The lineage tab, redrawn now for the selected cluster or the spoke followed by name. */
    private void refreshLineage() {
        FleetService s = service;
        if (s != null) {
            Fleet f = s.latest();
            lineage.apply(
                    f,
                    dashboard.selectedClusterProperty().get(),
                    () -> s.objects(f.hub().id()));
        }
    }

    /** The spoke wizard: a new AKS or EKS cluster through the hub's APIs, or an existing cluster registered. */
    private void openSpokes(FleetService fleet) {
        dev.backstack.panel.app.spoke.SpokeWizards.open(
                stage,
                fleet,
                () -> Optional.ofNullable(connector).map(FleetConnector::kubeconfig),
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                url -> getHostServices().showDocument(url),
                spoke -> {
                    lineage.follow(spoke);
                    view.tabs().getSelectionModel().select(lineageTab);
                    refreshLineage();
                });
    }

    /** The namespace wizard: a team's namespace on a spoke with its quota, defaults, binding, isolation and policies. */
    private void openNamespace(FleetService fleet) {
        NamespaceService namespaces = new NamespaceService(
                PolicyCatalog.load(),
                new FleetClusters(fleet),
                AppDirs.journals(System.getenv(), Path.of(System.getProperty("user.home"))),
                java.time.Clock.systemUTC(),
                new GitOpsDelivery());
        NamespaceWizard.show(
                stage,
                NamespaceWizard.viewModel(new NamespaceServiceBackend(namespaces, fleet.simulated())),
                url -> getHostServices().showDocument(url));
    }

    private void chooseClusters() {
        if (connector == null) {
            return;
        }
        KubeconfigSource source = new KubeconfigSource(connector);
        String currentHub = service == null || service.simulated()
                ? null
                : service.latest().hub().id();
        Optional<ClusterPickerDialog.Choice> choice =
                ClusterPickerDialog.show(stage, source, source.listing(), currentHub, options.spokes(), background);
        choice.ifPresent(c -> {
            if (c.demo()) {
                useDemo();
            } else {
                // the kubeconfig the dialog listed (reloaded, or a file the user opened) is the panel's from now on
                FleetConnector chosen = source.connector();
                FleetConnector previous = connector;
                connector = chosen;
                if (previous != chosen) {
                    previous.stopWatching();
                    background.execute(() -> follow(chosen));
                }
                ContextEntry hub = chosen.kubeconfig().find(c.hub()).orElseThrow();
                List<ContextEntry> spokes = c.spokes().stream()
                        .map(chosen.kubeconfig()::find)
                        .flatMap(Optional::stream)
                        .toList();
                // T28: a plugin from a kubeconfig opened here runs only once the user has seen what it runs.
                List<String> names = new java.util.ArrayList<>(c.spokes());
                names.add(c.hub());
                List<ContextEntry> approved = chosen.pluginsToApprove(names).stream()
                        .filter(e -> PluginApprovalDialog.ask(stage, approvalOf(e)))
                        .toList();
                connect(() -> {
                    approved.forEach(chosen::approve);
                    return chosen.connect(hub, spokes);
                });
            }
        });
    }

    private void toggleTheme() {
        dark = !dark;
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** The window's icon (the app image's icon too: app/src/package), in the sizes the desktop picks from. */
    static List<javafx.scene.image.Image> icons() {
        return java.util.stream.Stream.of("icon-64.png", "icon-256.png")
                .map(n -> new javafx.scene.image.Image(
                        PanelApp.class.getResource(n).toExternalForm()))
                .toList();
    }

    private void reportFirstFrame() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                LOG.info("First frame {} ms after JVM start", System.currentTimeMillis() - jvmStart);
                if (Boolean.getBoolean("panel.exitAfterFirstFrame")) {
                    javafx.application.Platform.exit();
                }
            }
        }.start();
    }

    /** How many connections or histories arrived after a window closed, and were closed (tests). */
    static int lateClosed() {
        return LATE_CLOSED.get();
    }

    /** The running service (tests). */
    public FleetService service() {
        return service;
    }

    /** Closes what arrived after the window went, on a thread of its own (the pools are shut down by then). */
    private static void closeLater(AutoCloseable late) {
        if (late == null) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        late.close();
                        LATE_CLOSED.incrementAndGet();
                    } catch (Exception e) {
                        LOG.debug("Closing {} after the window closed failed", late, e);
                    }
                },
                "panel-close-late");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() throws InterruptedException {
        stopped = true;
        if (pump != null) {
            pump.stop();
        }
        // Closing watches can take long (the demo's mock servers have stalled for tens of seconds
        // closing many at once): close off the FX thread, and let the window go after a few seconds.
        FleetService s = service;
        HistoryHandle h = history;
        FleetConnector c = connector;
        Thread closing = new Thread(
                () -> {
                    if (s != null) {
                        s.close();
                    }
                    if (h != null) {
                        h.close();
                    }
                    if (c != null) {
                        c.close();
                    }
                },
                "panel-close");
        closing.setDaemon(true);
        closing.start();
        closing.join(STOP_WAIT_MILLIS);
        if (closing.isAlive()) {
            LOG.warn(
                    "Closing the cluster connections takes longer than {} ms; the panel exits without waiting",
                    STOP_WAIT_MILLIS);
        }
        complianceTasks.shutdown();
        background.shutdownNow();
    }
}
