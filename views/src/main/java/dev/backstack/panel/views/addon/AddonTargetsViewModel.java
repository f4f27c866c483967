package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.views.policy.TargetsViewModel;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The add-on wizard's spokes and delivery page: the spokes by a label selector of their Argo CD
 * cluster secrets (the matching spokes listed live from the hub as the selector is typed) or by
 * name, and the delivery: applied to the hub, or committed to the GitOps repository (repository,
 * base branch, new branch, token). The repository is also the source of add-ons that sync a folder
 * of it. No scene-graph code; call on the FX thread.
 */
public final class AddonTargetsViewModel {

    /** How the spokes are chosen. */
    public enum Mode {
        BY_LABEL,
        BY_NAME
    }

    /** A spoke that can be chosen by name. */
    public record SpokeChoice(String name, BooleanProperty checked) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final AddonBackend backend;
    private final TaskExecutor executor;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.BY_LABEL);
    private final StringProperty selector = new SimpleStringProperty("clusterType=spoke");
    private final StringBinding selectorProblem;
    private final ObservableList<String> matching = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper matchingStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<SpokeChoice> spokes =
            FXCollections.observableArrayList(c -> new javafx.beans.Observable[] {c.checked()});
    private final ObjectProperty<AddonRequest.Delivery> delivery =
            new SimpleObjectProperty<>(AddonRequest.Delivery.APPLY);
    private final StringProperty repository = new SimpleStringProperty("");
    private final StringProperty base = new SimpleStringProperty("main");
    private final StringProperty branch = new SimpleStringProperty("");
    private final BooleanBinding valid;
    private SecretText token = SecretText.empty();
    private int generation;

    public AddonTargetsViewModel(AddonBackend backend, TaskExecutor executor) {
        this.backend = backend;
        this.executor = executor;
        backend.spokes().forEach(s -> spokes.add(new SpokeChoice(s, new SimpleBooleanProperty(false))));
        selectorProblem = Bindings.createStringBinding(
                () -> {
                    String p = TargetsViewModel.selectorProblem(selector.get());
                    return p.isEmpty() && selector.get().isBlank() ? "give at least one label KEY=VALUE" : p;
                },
                selector);
        BooleanBinding anySpoke = Bindings.createBooleanBinding(
                () -> spokes.stream().anyMatch(c -> c.checked().get()), spokes);
        valid = Bindings.createBooleanBinding(
                () -> (mode.get() == Mode.BY_LABEL ? selectorProblem.get().isEmpty() : anySpoke.get())
                        && (delivery.get() == AddonRequest.Delivery.APPLY
                                || !repository.get().isBlank()
                                        && !base.get().isBlank()
                                        && !branch.get().isBlank()
                                        && !branch.get()
                                                .strip()
                                                .equals(base.get().strip())),
                mode,
                selectorProblem,
                anySpoke,
                delivery,
                repository,
                base,
                branch);
        selector.addListener((o, a, b) -> refreshMatching());
        mode.addListener((o, a, b) -> refreshMatching());
    }

    /** Entering the page: lists the spokes the selector matches now. */
    public void enter(List<AddonSelection> chosen) {
        if (branch.get().isBlank()) {
            branch.set(AddonRequest.defaultBranch(chosen));
        }
        refreshMatching();
    }

    /** Asks the hub again which spokes the selector matches (the newest answer wins). */
    public void refreshMatching() {
        int gen = ++generation;
        if (mode.get() != Mode.BY_LABEL || !selectorProblem.get().isEmpty()) {
            matching.clear();
            matchingStatus.set("");
            return;
        }
        Map<String, String> labels = labels();
        matchingStatus.set("asking the hub\u2026");
        executor.execute(BackgroundTask.wrap(ctx -> backend.matchingSpokes(labels))
                .onSuccess(names -> {
                    if (gen == generation) {
                        matching.setAll(names);
                        matchingStatus.set(
                                names.isEmpty()
                                        ? "no spoke's Argo CD cluster secret carries these labels now"
                                        : names.size()
                                                + (names.size() == 1 ? " spoke matches now" : " spokes match now"));
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        matching.clear();
                        matchingStatus.set("cannot list the spokes: " + e.getMessage());
                    }
                }));
    }

    /** {@code clusterType=spoke, team=a} as labels. */
    Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : selector.get().split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** The request for these choices and the chosen add-ons' forms (call when every form is valid). */
    public AddonRequest request(List<AddonForm> forms) {
        List<String> names = mode.get() == Mode.BY_NAME
                ? spokes.stream()
                        .filter(c -> c.checked().get())
                        .map(SpokeChoice::name)
                        .toList()
                : List.of();
        Map<String, String> labels = mode.get() == Mode.BY_LABEL ? labels() : Map.of();
        List<AddonSelection> selections =
                forms.stream().map(f -> f.selection(labels, names)).toList();
        return new AddonRequest(
                selections,
                delivery.get(),
                repository.get(),
                base.get(),
                delivery.get() == AddonRequest.Delivery.GITOPS ? branch.get() : "");
    }

    /** Sets the GitOps token (from a masked field); the old one is wiped. */
    public void setToken(SecretText t) {
        token.clear();
        token = t == null ? SecretText.empty() : t;
    }

    SecretText token() {
        return token;
    }

    void clear() {
        token.clear();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty selectorProperty() {
        return selector;
    }

    public StringBinding selectorProblemProperty() {
        return selectorProblem;
    }

    public ObservableList<String> matching() {
        return matching;
    }

    public ReadOnlyStringProperty matchingStatusProperty() {
        return matchingStatus.getReadOnlyProperty();
    }

    public ObservableList<SpokeChoice> spokes() {
        return spokes;
    }

    public ObjectProperty<AddonRequest.Delivery> deliveryProperty() {
        return delivery;
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty baseProperty() {
        return base;
    }

    public StringProperty branchProperty() {
        return branch;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
