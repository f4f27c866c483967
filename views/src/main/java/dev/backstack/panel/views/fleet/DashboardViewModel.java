package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.compliance.FailureList;
import dev.backstack.panel.views.fx.KeyedLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's state, derived from fleet snapshots: the clusters, the selected cluster's
 * components, applications, policies and watches, and the connection and staleness badges.
 * No scene-graph code; called on the FX thread.
 */
public final class DashboardViewModel {

    private final LongSupplier clock;
    private final ObjectProperty<Fleet> fleet = new SimpleObjectProperty<>();
    private final ObjectProperty<Cluster> selectedCluster = new SimpleObjectProperty<>();
    private final ObjectProperty<ComponentKind> selectedKind = new SimpleObjectProperty<>();
    private final ObjectProperty<Component> selectedComponent = new SimpleObjectProperty<>();
    private final ObservableList<ClusterRow> clusters = FXCollections.observableArrayList();
    private final ObservableList<Component> components = FXCollections.observableArrayList();
    private final ObservableList<ApplicationStatus> applications = FXCollections.observableArrayList();
    private final ObservableList<PolicyStatus> policies = FXCollections.observableArrayList();
    private final ObservableList<WatchState> watches = FXCollections.observableArrayList();
    private final StringProperty connectionBadge = new SimpleStringProperty(ConnectionState.CONNECTING.label());
    private final StringProperty connectionStyle = new SimpleStringProperty(ConnectionState.CONNECTING.style());
    private final StringProperty watchBadge = new SimpleStringProperty("");
    private final BooleanProperty watchProblem = new SimpleBooleanProperty();
    private final BooleanProperty simulated = new SimpleBooleanProperty();
    private final StringProperty complianceText = new SimpleStringProperty("");
    private final StringProperty emptyText = new SimpleStringProperty(WAITING);
    private final StringProperty signInWait = new SimpleStringProperty("");
    /** What the empty cluster table says before the first snapshot. */
    public static final String WAITING = "Reading the kubeconfig and connecting\u2026";

    private final ObservableList<FailingResource> failures = FXCollections.observableArrayList();
    private final ObservableList<FailingResource> failuresView = FXCollections.unmodifiableObservableList(failures);
    private final StringProperty failuresTitle = new SimpleStringProperty("");
    private String selectedId;
    private boolean applying;
    private boolean reapply;
    private Map<Cluster, ClusterRow> rowsByCluster = new IdentityHashMap<>();
    /** The list each of ours was last brought to, by identity. */
    private final Map<ObservableList<?>, List<?>> appliedLists = new IdentityHashMap<>();

    public DashboardViewModel(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The cards of a cluster: all of the hub's; on a spoke, what is installed there and Kyverno (the
     * one BACK component a spoke should run, from its add-on), not the hub's own components as
     * "Not installed".
     */
    static List<Component> shownComponents(Cluster c) {
        if (c.role() != dev.backstack.panel.model.ClusterRole.SPOKE) {
            return c.components();
        }
        return c.components().stream()
                .filter(x -> x.installed() || x.kind() == ComponentKind.KYVERNO)
                .toList();
    }

    /**
     * Applies a new snapshot (or re-applies the same one so ages advance). Each list changes only
     * where the snapshot did ({@link KeyedLists}): with the fleet's unchanged records reused, one
     * changed application is one replaced row, whatever the size of the fleet.
     */
    public void apply(Fleet f) {
        applying = true;
        try {
            applyOnce(f);
        } finally {
            applying = false;
        }
        if (reapply) {
            // a cluster was selected while the lists changed (a table reselecting its row): now show it
            reapply = false;
            apply(fleet.get());
        }
    }

    private void applyOnce(Fleet f) {
        fleet.set(f);
        signInWait.set(signInWait(f));
        simulated.set(f.simulated());
        List<Cluster> all = new ArrayList<>(f.spokes().size() + 1);
        all.add(f.hub());
        all.addAll(f.spokes());
        update(clusters, rows(all), ClusterRow::id);
        Cluster selected =
                all.stream().filter(c -> c.id().equals(selectedId)).findFirst().orElse(f.hub());
        selectedId = selected.id();
        selectedCluster.set(selected);
        update(components, shownComponents(selected), Component::kind);
        update(applications, selected.applications(), a -> Arrays.asList(a.namespace(), a.name()));
        update(policies, selected.policies(), p -> Arrays.asList(p.namespace(), p.name()));
        List<WatchState> selectedWatches = f.watchesOf(selected.id());
        update(watches, selectedWatches, w -> Arrays.asList(w.cluster(), w.resource()));
        complianceText.set(
                selected.compliance().reports() == 0
                        ? "no policy reports"
                        : selected.compliance().total() + " across "
                                + selected.compliance().reports() + " reports");
        FailureList worst = FailureList.of(selected, SHOWN_FAILURES);
        update(failures, worst.shown(), x -> x);
        failuresTitle.set(failuresTitle(selected, worst));
        selectedComponent.set(
                selectedKind.get() == null
                        ? null
                        : selected.component(selectedKind.get()).orElse(null));
        updateBadges(selected, selectedWatches);
    }

    /**
     * {@link KeyedLists#update}, skipped when {@code next} is the very list this one was last
     * brought to (a snapshot reuses the lists of a cluster that did not change).
     */
    private <T> void update(
            ObservableList<T> list, List<? extends T> next, java.util.function.Function<? super T, ?> key) {
        if (appliedLists.get(list) == next) {
            return;
        }
        KeyedLists.update(list, next, key);
        appliedLists.put(list, next);
    }

    /**
     * The fleet table's rows; a cluster whose record is the same instance as in the last snapshot
     * keeps its row (no roll-up of its failures again, and the list update sees it unchanged).
     */
    private List<ClusterRow> rows(List<Cluster> all) {
        Map<Cluster, ClusterRow> next = new IdentityHashMap<>(all.size() * 2);
        List<ClusterRow> out = new ArrayList<>(all.size());
        for (Cluster c : all) {
            ClusterRow row = rowsByCluster.get(c);
            if (row == null) {
                row = ClusterRow.of(c);
            }
            next.put(c, row);
            out.add(row);
        }
        rowsByCluster = next;
        return out;
    }

    /** The selected cluster's failing results listed under its compliance counts (its summary keeps this many). */
    static final int SHOWN_FAILURES = dev.backstack.panel.model.ComplianceSummary.WORST_KEPT;

    static String failuresTitle(Cluster c, FailureList worst) {
        if (c.compliance().reports() == 0) {
            return "Failing results: none read (no policy reports on " + c.name() + ")";
        }
        if (worst.isEmpty()) {
            return "Failing results: none on " + c.name();
        }
        String head = "Failing results on " + c.name() + ", fail then error then warn: ";
        return worst.more() == 0
                ? head + worst.total()
                : head + "the worst " + worst.shown().size() + " of " + worst.total() + ", " + worst.moreText()
                        + " in the Compliance tab (Ctrl+6)";
    }

    private void updateBadges(Cluster c, List<WatchState> ws) {
        ConnectionState connection = ConnectionState.of(c.reachability(), ws);
        connectionBadge.set(
                connection.label() + (c.kubernetesVersion().isEmpty() ? "" : " \u00b7 " + c.kubernetesVersion()));
        connectionStyle.set(connection.style());
        long now = clock.getAsLong();
        Optional<WatchState> reconnecting = ws.stream()
                .filter(w -> w.state() == WatchState.State.RECONNECTING)
                .findFirst();
        List<WatchState> forbidden =
                ws.stream().filter(w -> w.state() == WatchState.State.FORBIDDEN).toList();
        long watching =
                ws.stream().filter(w -> w.state() == WatchState.State.WATCHING).count();
        long lastEvent =
                ws.stream().mapToLong(WatchState::lastEventMillis).max().orElse(0);
        if (reconnecting.isPresent()) {
            WatchState r = reconnecting.get();
            long next = Math.max(0, (r.nextRetryMillis() - now + 999) / 1000);
            watchBadge.set("reconnecting (attempt " + r.attempt() + ", next try in " + next + " s)");
            watchProblem.set(true);
        } else if (!forbidden.isEmpty()) {
            watchBadge.set(forbidden.get(0).describe()
                    + (forbidden.size() > 1 ? " (+" + (forbidden.size() - 1) + " more)" : ""));
            watchProblem.set(true);
        } else {
            // No live watch (a cluster not connected): no badge, rather than a green "0 watches live".
            watchBadge.set(
                    watching == 0
                            ? ""
                            : watching + " watches live"
                                    + (lastEvent == 0 ? "" : " \u00b7 last event " + Ages.ago(now - lastEvent)));
            watchProblem.set(false);
        }
    }

    /**
     * Shows {@code clusterId}'s components, applications and so on. Selecting the selected cluster
     * again does nothing; a selection made while a snapshot is being applied (by a listener of
     * one of the lists) is shown right after it, never by changing the lists while they notify.
     */
    public void selectCluster(String clusterId) {
        if (clusterId.equals(selectedId)) {
            return;
        }
        selectedId = clusterId;
        if (applying) {
            reapply = true;
        } else if (fleet.get() != null) {
            apply(fleet.get());
        }
    }

    public void selectComponent(ComponentKind kind) {
        selectedKind.set(kind);
        Cluster c = selectedCluster.get();
        selectedComponent.set(
                c == null || kind == null ? null : c.component(kind).orElse(null));
    }

    public ReadOnlyObjectProperty<Fleet> fleetProperty() {
        return fleet;
    }

    public ReadOnlyObjectProperty<Cluster> selectedClusterProperty() {
        return selectedCluster;
    }

    public ReadOnlyObjectProperty<Component> selectedComponentProperty() {
        return selectedComponent;
    }

    public ObservableList<ClusterRow> clusters() {
        return clusters;
    }

    public ObservableList<Component> components() {
        return components;
    }

    public ObservableList<ApplicationStatus> applications() {
        return applications;
    }

    public ObservableList<PolicyStatus> policies() {
        return policies;
    }

    public ObservableList<WatchState> watches() {
        return watches;
    }

    /** What the cluster table says while it has no cluster: what the panel waits for, or why there is none. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }

    /**
     * What the fleet waits for before it can connect (a credential plugin, perhaps a browser
     * login), as one line naming the clusters; empty when nothing waits.
     */
    public ReadOnlyStringProperty signInWaitProperty() {
        return signInWait;
    }

    static String signInWait(Fleet f) {
        List<String> waiting = new ArrayList<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(f.hub()), f.spokes().stream())
                .filter(c -> c.reachability().state() == dev.backstack.panel.model.Reachability.State.CONNECTING
                        && c.reachability().message().startsWith("waiting for "))
                .forEach(c -> waiting.add(c.name() + ": " + c.reachability().message()));
        return String.join("\n", waiting);
    }

    /** There is no fleet to show: the connection failed before any cluster could be watched. */
    public void showNoFleet(String why) {
        emptyText.set("No hub to show: " + why);
        connectionBadge.set(ConnectionState.NOT_CONNECTED.label());
        connectionStyle.set(ConnectionState.UNREACHABLE.style());
    }

    /** Connecting again (another kubeconfig, context or the demo). */
    public void showWaiting() {
        emptyText.set(WAITING);
    }

    public ReadOnlyStringProperty connectionBadgeProperty() {
        return connectionBadge;
    }

    /** The connection badge's style class, one of {@code Styles.CONNECTION_BADGES}. */
    public ReadOnlyStringProperty connectionStyleProperty() {
        return connectionStyle;
    }

    public ReadOnlyStringProperty watchBadgeProperty() {
        return watchBadge;
    }

    public ReadOnlyBooleanProperty watchProblemProperty() {
        return watchProblem;
    }

    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated;
    }

    public ReadOnlyStringProperty complianceTextProperty() {
        return complianceText;
    }

    /** The selected cluster's worst failing results (fail, then error, then warn), at most {@link #SHOWN_FAILURES}. */
    public ObservableList<FailingResource> failures() {
        return failuresView;
    }

    /** What {@link #failures()} holds: how many in all, "and K more" when cut. */
    public ReadOnlyStringProperty failuresTitleProperty() {
        return failuresTitle;
    }

    public long now() {
        return clock.getAsLong();
    }
}
