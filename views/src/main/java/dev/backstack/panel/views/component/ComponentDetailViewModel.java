package dev.backstack.panel.views.component;

import dev.backstack.panel.installer.ClusterInspector;
import dev.backstack.panel.model.Component;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The detail of one component: its assessment and objects come from the snapshot; its recent
 * events and pod logs are fetched on demand in the background (bounded), and land on the FX
 * thread through {@code fxExecutor}.
 */
public final class ComponentDetailViewModel {

    static final int MAX_EVENTS = 50;
    static final int MAX_LOG_LINES = 500;

    private final Executor background;
    private final Executor fxExecutor;
    private final ObjectProperty<Component> component = new SimpleObjectProperty<>();
    private final ObservableList<ClusterInspector.EventLine> events = FXCollections.observableArrayList();
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private Function<String, java.util.Optional<ClusterInspector>> inspectors = id -> java.util.Optional.empty();
    private String clusterId = "";

    public ComponentDetailViewModel(Executor background, Executor fxExecutor) {
        this.background = background;
        this.fxExecutor = fxExecutor;
    }

    public void setInspectors(Function<String, java.util.Optional<ClusterInspector>> inspectors) {
        this.inspectors = inspectors;
    }

    /** Shows a component; reloads events when a different component is chosen. */
    public void show(String cluster, Component c) {
        boolean other = component.get() == null || c == null || component.get().kind() != c.kind() || !cluster.equals(clusterId);
        clusterId = cluster;
        component.set(c);
        if (other) {
            events.clear();
            logLines.clear();
            if (c != null) {
                loadEvents();
            }
        }
    }

    public void loadEvents() {
        Component c = component.get();
        var inspector = inspectors.apply(clusterId);
        if (c == null || inspector.isEmpty() || c.kind().namespaces().isEmpty()) {
            return;
        }
        String ns = c.kind().namespaces().get(0);
        status.set("loading events of " + ns + "\u2026");
        CompletableFuture.supplyAsync(() -> inspector.get().events(ns, MAX_EVENTS), background)
                .whenCompleteAsync((list, error) -> {
                    if (error != null) {
                        status.set("cannot read events of " + ns + ": " + error.getCause().getMessage());
                    } else {
                        events.setAll(list);
                        status.set(list.isEmpty() ? "no recent events in " + ns : list.size() + " recent events in " + ns);
                    }
                }, fxExecutor);
    }

    /** Loads the tail of a pod's log ({@code namespace/name}). */
    public void loadLog(String podKey) {
        var inspector = inspectors.apply(clusterId);
        if (podKey == null || inspector.isEmpty()) {
            return;
        }
        status.set("loading the log of " + podKey + "\u2026");
        CompletableFuture.supplyAsync(() -> inspector.get().logTail(podKey, MAX_LOG_LINES), background)
                .whenCompleteAsync((lines, error) -> {
                    if (error != null) {
                        status.set("cannot read the log of " + podKey + ": " + error.getCause().getMessage());
                        return;
                    }
                    logLines.setAll(lines);
                    status.set(lines.size() + " log lines of " + podKey + " (last " + MAX_LOG_LINES + " at most)");
                }, fxExecutor);
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

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    List<String> pods() {
        return component.get() == null ? List.of() : component.get().pods();
    }
}
