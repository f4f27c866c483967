package dev.backstack.panel.views.namespace;

import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first page: the spoke, the namespace's name and the team's group, each with its problem as
 * typed; choosing a spoke reads its Kyverno in the background (the policy kind it will get). No
 * scene-graph code; call on the FX thread.
 */
public final class TargetViewModel {

    private final NamespaceBackend backend;
    private final TaskExecutor executor;
    private final ObservableList<String> spokes = FXCollections.observableArrayList();
    private final ObjectProperty<String> spoke = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty team = new SimpleStringProperty("");
    private final StringBinding spokeProblem;
    private final StringBinding nameProblem;
    private final StringBinding teamProblem;
    private final ReadOnlyObjectWrapper<ClusterFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper factsText = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;
    private int generation;

    public TargetViewModel(NamespaceBackend backend, TaskExecutor executor) {
        this.backend = backend;
        this.executor = executor;
        spokes.setAll(backend.spokes());
        spokeProblem = Bindings.createStringBinding(
                () -> spoke.get() == null ? "Choose the spoke the namespace goes to." : "", spoke);
        nameProblem = Bindings.createStringBinding(
                () -> typed(name.get())
                        ? NamespaceRequest.nameProblem(name.get()).orElse("")
                        : "",
                name);
        teamProblem = Bindings.createStringBinding(
                () -> typed(team.get())
                        ? NamespaceRequest.teamProblem(team.get()).orElse("")
                        : "",
                team);
        valid = Bindings.createBooleanBinding(
                () -> spoke.get() != null
                        && NamespaceRequest.nameProblem(name.get()).isEmpty()
                        && NamespaceRequest.teamProblem(team.get()).isEmpty(),
                spoke,
                name,
                team);
        spoke.addListener((o, a, b) -> readFacts(b));
    }

    /** An empty field is not an error until the user typed something (Next stays disabled). */
    private static boolean typed(String s) {
        return s != null && !s.isEmpty();
    }

    private void readFacts(String chosen) {
        int gen = ++generation;
        facts.set(null);
        if (chosen == null) {
            factsText.set("");
            return;
        }
        factsText.set("reading " + chosen + "'s Kyverno\u2026");
        executor.execute(BackgroundTask.wrap(ctx -> backend.facts(chosen))
                .onSuccess(f -> {
                    if (gen == generation) {
                        facts.set(f);
                        factsText.set(f.summary());
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        factsText.set("Cannot read " + chosen + "'s Kyverno: " + e.getMessage());
                    }
                }));
    }

    public ObservableList<String> spokes() {
        return spokes;
    }

    public ObjectProperty<String> spokeProperty() {
        return spoke;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty teamProperty() {
        return team;
    }

    public StringBinding spokeProblemProperty() {
        return spokeProblem;
    }

    public StringBinding nameProblemProperty() {
        return nameProblem;
    }

    public StringBinding teamProblemProperty() {
        return teamProblem;
    }

    /** The chosen spoke's facts once read, else null. */
    public ReadOnlyObjectProperty<ClusterFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** The chosen spoke's Kyverno in a line, or that it is being read. */
    public ReadOnlyStringProperty factsTextProperty() {
        return factsText.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
