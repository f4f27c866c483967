package dev.backstack.panel.views.install;

import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target page: which cluster to install into. Choosing one opens its backend in the
 * background; the page is valid once it is open. No scene-graph code; call on the FX thread.
 */
public final class TargetViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TargetViewModel.class);

    private final InstallTargets targets;
    private final TaskExecutor executor;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<InstallBackend> backend = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;
    private BackgroundTask<InstallBackend> task;

    public TargetViewModel(InstallTargets targets, TaskExecutor executor) {
        this.targets = targets;
        this.executor = executor;
        valid = Bindings.createBooleanBinding(() -> backend.get() != null && !opening.get(), backend, opening);
        names.setAll(targets.names());
        status.set(
                names.isEmpty()
                        ? "No clusters to install into: add a kubeconfig context, or start the panel "
                                + "with --demo for the simulated cluster."
                        : "Choose the cluster that becomes the hub.");
    }

    /**
     * Chooses a target and opens it in the background; a later choice wins over an earlier one.
     * Choosing the same target again after a failure tries again.
     */
    public void select(String name) {
        if (name == null || name.equals(selected.get()) && (backend.get() != null || opening.get())) {
            return;
        }
        selected.set(name);
        if (task != null) {
            task.cancel();
        }
        closeBackend();
        opening.set(true);
        status.set("Connecting to " + name + "\u2026");
        task = BackgroundTask.wrap(ctx -> targets.open(name));
        BackgroundTask<InstallBackend> mine = task;
        task.onSuccess(b -> {
                    if (mine != task) {
                        closeInBackground(b);
                        return;
                    }
                    backend.set(b);
                    opening.set(false);
                    status.set("Connected to " + name + ".");
                })
                .onFailure(e -> {
                    if (mine == task) {
                        LOG.info("cannot open install target {}: {}", name, e.getMessage());
                        opening.set(false);
                        status.set("Cannot connect to " + name + ": " + e.getMessage());
                    }
                })
                .onCancelled(() -> {
                    if (mine == task) {
                        opening.set(false);
                    }
                });
        executor.execute(task);
    }

    /** Closes the open backend (wizard closed, or another target chosen). */
    public void closeBackend() {
        InstallBackend b = backend.get();
        backend.set(null);
        if (b != null) {
            closeInBackground(b);
        }
    }

    private void closeInBackground(InstallBackend b) {
        executor.execute(BackgroundTask.wrap(ctx -> {
            b.close();
            return null;
        }));
    }

    public ObservableList<String> names() {
        return names;
    }

    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The open backend of the chosen target, or null. */
    public ReadOnlyObjectProperty<InstallBackend> backendProperty() {
        return backend.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
