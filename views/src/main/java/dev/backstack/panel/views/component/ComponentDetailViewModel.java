package dev.backstack.panel.views.component;

import dev.backstack.panel.installer.BoundedLines;
import dev.backstack.panel.installer.ClusterInspector;
import dev.backstack.panel.model.Component;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The detail of one component: its assessment and objects come from the snapshot; its recent
 * events (of its namespace, or of one of its pods) and pod logs (the current or the previous run,
 * or followed) are fetched on demand in the background, bounded, and land on the FX thread
 * through {@code fxExecutor}. Command methods are called on the FX thread.
 */
public final class ComponentDetailViewModel {

    static final int MAX_EVENTS = 50;
    static final int MAX_LOG_LINES = 500;

    private final Executor background;
    private final Executor fxExecutor;
    private final ObjectProperty<Component> component = new SimpleObjectProperty<>();
    private final ObservableList<ClusterInspector.EventLine> events = FXCollections.observableArrayList();
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final StringProperty eventStatus = new SimpleStringProperty("");
    private final StringProperty logStatus = new SimpleStringProperty("");
    private final BooleanProperty following = new SimpleBooleanProperty();
    private Function<String, Optional<ClusterInspector>> inspectors = id -> Optional.empty();
    private String clusterId = "";
    private ClusterInspector.LogFollow follow;
    /** Bumped by every log or event request, so an answer to an older one is dropped. */
    private int logRequest;

    private int eventRequest;

    public ComponentDetailViewModel(Executor background, Executor fxExecutor) {
        this.background = background;
        this.fxExecutor = fxExecutor;
    }

    public void setInspectors(Function<String, Optional<ClusterInspector>> inspectors) {
        this.inspectors = inspectors;
    }

    /** Shows a component; reloads events when a different component is chosen. */
    public void show(String cluster, Component c) {
        boolean other = component.get() == null
                || c == null
                || component.get().kind() != c.kind()
                || !cluster.equals(clusterId);
        clusterId = cluster;
        component.set(c);
        if (other) {
            stopFollowing();
            events.clear();
            logLines.clear();
            if (c != null) {
                loadEvents();
            }
        }
    }

    /** The recent events of the component's namespace. */
    public void loadEvents() {
        Component c = component.get();
        if (c == null || c.kind().namespaces().isEmpty()) {
            return;
        }
        String ns = c.kind().namespaces().get(0);
        fetchEvents("in " + ns, inspector -> inspector.events(ns, MAX_EVENTS));
    }

    /** The recent events of one pod ({@code namespace/name}); its namespace's when null. */
    public void loadEventsOf(String podKey) {
        if (podKey == null) {
            loadEvents();
            return;
        }
        String[] parts = podKey.split("/", 2);
        fetchEvents("of pod " + podKey, inspector -> inspector.objectEvents("Pod", parts[0], parts[1], MAX_EVENTS));
    }

    private void fetchEvents(String what, Function<ClusterInspector, List<ClusterInspector.EventLine>> read) {
        Optional<ClusterInspector> inspector = inspectors.apply(clusterId);
        if (inspector.isEmpty()) {
            return;
        }
        int request = ++eventRequest;
        eventStatus.set("loading events " + what + "\u2026");
        CompletableFuture.supplyAsync(() -> read.apply(inspector.get()), background)
                .whenCompleteAsync(
                        (list, error) -> {
                            if (request != eventRequest) {
                                return;
                            }
                            if (error != null) {
                                events.clear();
                                eventStatus.set(message(error));
                            } else {
                                events.setAll(list);
                                eventStatus.set(
                                        list.isEmpty()
                                                ? "no recent events " + what
                                                : list.size() + " recent events " + what);
                            }
                        },
                        fxExecutor);
    }

    /** Loads the tail of a pod's log ({@code namespace/name}), its current run. */
    public void loadLog(String podKey) {
        loadLog(podKey, false);
    }

    /** Loads the tail of a pod's log: the current run, or the previous one (the run that crashed). */
    public void loadLog(String podKey, boolean previous) {
        Optional<ClusterInspector> inspector = inspectors.apply(clusterId);
        if (podKey == null || inspector.isEmpty()) {
            return;
        }
        stopFollowing();
        var request = new ClusterInspector.LogRequest(podKey, "", previous, MAX_LOG_LINES);
        String what = (previous ? "the previous container of " : "") + podKey;
        int id = ++logRequest;
        logStatus.set("loading the log of " + what + "\u2026");
        CompletableFuture.supplyAsync(() -> inspector.get().logTail(request), background)
                .whenCompleteAsync(
                        (lines, error) -> {
                            if (id != logRequest) {
                                return;
                            }
                            if (error != null) {
                                logLines.clear();
                                logStatus.set(message(error));
                                return;
                            }
                            logLines.setAll(lines);
                            logStatus.set(lines.size() + " log lines of " + what + " (the last " + MAX_LOG_LINES
                                    + " at most)");
                        },
                        fxExecutor);
    }

    /**
     * Follows a pod's current log: the last lines, then each new one, keeping the newest
     * {@value #MAX_LOG_LINES}; a burst of lines reaches the list in one update.
     */
    public void follow(String podKey) {
        Optional<ClusterInspector> inspector = inspectors.apply(clusterId);
        if (podKey == null || inspector.isEmpty()) {
            return;
        }
        stopFollowing();
        int id = ++logRequest;
        BoundedLines buffer = new BoundedLines(MAX_LOG_LINES);
        AtomicBoolean scheduled = new AtomicBoolean();
        Runnable changed = () -> {
            if (scheduled.compareAndSet(false, true)) {
                fxExecutor.execute(() -> {
                    scheduled.set(false);
                    if (id == logRequest) {
                        logLines.setAll(buffer.snapshot());
                    }
                });
            }
        };
        logLines.clear();
        following.set(true);
        logStatus.set("following the log of " + podKey + "\u2026");
        Supplier<ClusterInspector.LogFollow> open = () -> inspector
                .get()
                .follow(
                        new ClusterInspector.LogRequest(podKey, "", false, MAX_LOG_LINES),
                        buffer,
                        changed,
                        reason -> fxExecutor.execute(() -> ended(id, podKey, buffer, reason)));
        CompletableFuture.supplyAsync(open, background)
                .whenCompleteAsync(
                        (opened, error) -> {
                            if (id != logRequest) {
                                if (opened != null) {
                                    opened.close();
                                }
                                return;
                            }
                            if (error != null) {
                                following.set(false);
                                logStatus.set(message(error));
                            } else {
                                follow = opened;
                            }
                        },
                        fxExecutor);
    }

    private void ended(int id, String podKey, BoundedLines buffer, String reason) {
        if (id != logRequest) {
            return;
        }
        logLines.setAll(buffer.snapshot());
        following.set(false);
        follow = null;
        logStatus.set(logLines.size() + " log lines of " + podKey
                + (buffer.dropped() > 0
                        ? " (the last " + MAX_LOG_LINES + "; " + buffer.dropped() + " older dropped)"
                        : "")
                + "; follow ended: " + reason);
    }

    /** Stops following a log, if one is followed. */
    public void stopFollowing() {
        if (following.get()) {
            logRequest++;
            following.set(false);
            logStatus.set("stopped following");
        }
        if (follow != null) {
            ClusterInspector.LogFollow f = follow;
            follow = null;
            background.execute(f::close);
        }
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return String.valueOf(cause.getMessage());
    }

    /** The line under the reason: {@code "Hint: ..."} when the failure has a known remedy, else empty. */
    public static String hintText(Component c) {
        String hint = c == null ? "" : c.assessment().hint();
        return hint.isEmpty() ? "" : "Hint: " + hint;
    }

    public ObjectProperty<Component> componentProperty() {
        return component;
    }

    public ObservableList<ClusterInspector.EventLine> events() {
        return events;
    }

    public ObservableList<String> logLines() {
        return logLines;
    }

    /** What the Events tab says: loading, how many, or why they cannot be read. */
    public ReadOnlyStringProperty eventStatusProperty() {
        return eventStatus;
    }

    /** What the Logs tab says: loading, how many lines, following, ended, or why the log cannot be read. */
    public ReadOnlyStringProperty logStatusProperty() {
        return logStatus;
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following;
    }

    List<String> pods() {
        return component.get() == null ? List.of() : component.get().pods();
    }
}
