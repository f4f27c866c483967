package dev.backstack.panel.views.policy;

import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.policy.PolicyRequest;
import dev.backstack.panel.model.policy.PolicyRequest.Delivery;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The targets page: where the policies go (the hub, spokes by name) and how (applied now, or
 * committed to the GitOps repository, spokes chosen by the ApplicationSet's labels), with what
 * each cluster runs (its Kyverno and the policy kind it gets) read in the background. The GitOps
 * token lives in memory only. No scene-graph code; call on the FX thread.
 */
public final class TargetsViewModel {

    /** A spoke and whether it is a target. */
    public record SpokeChoice(String name, BooleanProperty checked) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final PolicyBackend backend;
    private final TaskExecutor executor;
    private final ObjectProperty<Delivery> delivery = new SimpleObjectProperty<>(Delivery.APPLY);
    private final BooleanProperty hub = new SimpleBooleanProperty(true);
    private final ObservableList<SpokeChoice> spokes =
            FXCollections.observableArrayList(c -> new javafx.beans.Observable[] {c.checked()});
    private final ObservableMap<String, ClusterFacts> facts = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper problem =
            new javafx.beans.property.ReadOnlyStringWrapper("");
    private final StringProperty repository = new SimpleStringProperty("");
    private final StringProperty base = new SimpleStringProperty("main");
    private final StringProperty branch =
            new SimpleStringProperty("backstack/policies-" + LocalDateTime.now().format(BRANCH_TIME));
    private final StringProperty selector = new SimpleStringProperty("clusterType=spoke");
    private final StringBinding selectorProblem;
    private final ObservableList<String> matching = FXCollections.observableArrayList();
    private final BooleanBinding valid;
    private SecretText token = SecretText.empty();
    private int matchGeneration;

    public TargetsViewModel(PolicyBackend backend, TaskExecutor executor) {
        this.backend = backend;
        this.executor = executor;
        backend.spokes().forEach(s -> spokes.add(new SpokeChoice(s, new SimpleBooleanProperty(false))));
        selectorProblem = Bindings.createStringBinding(() -> selectorProblem(selector.get()), selector);
        BooleanBinding anySpoke = Bindings.createBooleanBinding(
                () -> spokes.stream().anyMatch(c -> c.checked().get()), spokes);
        valid = Bindings.createBooleanBinding(
                () -> delivery.get() == Delivery.APPLY
                        ? hub.get() || anySpoke.get()
                        : !repository.get().isBlank()
                                && !base.get().isBlank()
                                && !branch.get().isBlank()
                                && selectorProblem.get().isEmpty()
                                && (hub.get() || !selector.get().isBlank()),
                delivery,
                hub,
                anySpoke,
                repository,
                base,
                branch,
                selectorProblem,
                selector);
        selector.addListener((o, a, b) -> refreshMatching());
        delivery.addListener((o, a, b) -> refreshMatching());
    }

    /** Reads every cluster's Kyverno in the background (once; {@link #refresh()} reads again). */
    public void enter() {
        if (facts.isEmpty() && !loading.get()) {
            refresh();
        }
    }

    public void refresh() {
        loading.set(true);
        problem.set("");
        List<String> all = new java.util.ArrayList<>(List.of(backend.hub()));
        spokes.forEach(s -> all.add(s.name()));
        executor.execute(BackgroundTask.wrap(ctx -> {
                    Map<String, ClusterFacts> out = new LinkedHashMap<>();
                    for (String c : all) {
                        out.put(c, backend.facts(c));
                    }
                    return out;
                })
                .onSuccess(f -> {
                    facts.clear();
                    facts.putAll(f);
                })
                .onFailure(e -> problem.set("Cannot read the clusters' Kyverno: " + e.getMessage()))
                .onFinished(() -> loading.set(false)));
        refreshMatching();
    }

    private void refreshMatching() {
        int gen = ++matchGeneration;
        if (delivery.get() != Delivery.GITOPS
                || !selectorProblem.get().isEmpty()
                || selector.get().isBlank()) {
            matching.clear();
            return;
        }
        PolicyRequest probe = new PolicyRequest(List.of(), false, List.of(), labels(), Delivery.GITOPS, null);
        executor.execute(BackgroundTask.wrap(ctx -> backend.targets(probe)).onSuccess(names -> {
            if (gen == matchGeneration) {
                matching.setAll(names);
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

    /** Why a selector text such as {@code clusterType=spoke, team=a} is not one ({@code ""} when it is). */
    public static String selectorProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        for (String part : text.split(",")) {
            if (!part.strip().matches("([a-z0-9.-]+/)?[A-Za-z0-9][-A-Za-z0-9_.]*=[-A-Za-z0-9_.]*")) {
                return "\"" + part.strip() + "\" is not a label KEY=VALUE";
            }
        }
        return "";
    }

    /** The request for these targets and the given selections. */
    public PolicyRequest request(List<PolicySelection> selections) {
        if (delivery.get() == Delivery.APPLY) {
            return new PolicyRequest(
                    selections,
                    hub.get(),
                    spokes.stream()
                            .filter(c -> c.checked().get())
                            .map(SpokeChoice::name)
                            .toList(),
                    Map.of(),
                    Delivery.APPLY,
                    null);
        }
        return new PolicyRequest(
                selections,
                hub.get(),
                List.of(),
                labels(),
                Delivery.GITOPS,
                new PolicyRequest.GitOpsChoice(
                        repository.get().strip(),
                        base.get().strip(),
                        branch.get().strip()));
    }

    /** A one-line summary of a cluster's Kyverno, or that it is being read. */
    public String factsOf(String cluster) {
        ClusterFacts f = facts.get(cluster);
        return f == null ? (loading.get() ? "reading\u2026" : "") : f.summary();
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

    public Map<String, ClusterFacts> facts() {
        return Map.copyOf(facts);
    }

    public ObservableMap<String, ClusterFacts> factsMap() {
        return facts;
    }

    public String hubName() {
        return backend.hub();
    }

    public ObjectProperty<Delivery> deliveryProperty() {
        return delivery;
    }

    public BooleanProperty hubProperty() {
        return hub;
    }

    public ObservableList<SpokeChoice> spokes() {
        return spokes;
    }

    /** Why the clusters could not be read, or empty. */
    public javafx.beans.property.ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
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

    public StringProperty selectorProperty() {
        return selector;
    }

    public StringBinding selectorProblemProperty() {
        return selectorProblem;
    }

    public ObservableList<String> matching() {
        return matching;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
