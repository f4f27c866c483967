package dev.backstack.panel.views.spoke;

import dev.backstack.panel.installer.spoke.ClaimSchema;
import dev.backstack.panel.installer.spoke.GuardrailFinding;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The spoke wizard's first page: the kind (new AKS, new EKS, register an existing context), the
 * claim's fields with the allowed values the API's definition declares, the delivery, and the
 * hub's guardrail verdicts on the claim, checked in the background whenever the fields form a
 * valid claim. Each field's problem is shown under it. No scene-graph code; call on the FX thread.
 */
public final class SpokeFormViewModel {

    private final SpokeBackend backend;
    private final TaskExecutor executor;
    private final ObjectProperty<SpokeKind> kind = new SimpleObjectProperty<>(SpokeKind.NEW_AKS);
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty version = new SimpleStringProperty("");
    private final IntegerProperty nodes = new SimpleIntegerProperty(2);
    private final StringProperty nodeSize = new SimpleStringProperty("");
    private final StringProperty iamRole = new SimpleStringProperty("");
    private final StringProperty context = new SimpleStringProperty("");
    private final BooleanProperty gitops = new SimpleBooleanProperty(false);
    private final StringProperty repository = new SimpleStringProperty("");
    private final StringProperty baseBranch = new SimpleStringProperty("main");
    private final StringProperty branch = new SimpleStringProperty("");
    private final ObjectProperty<SecretText> token = new SimpleObjectProperty<>(SecretText.empty());
    private final ObservableList<String> versions = FXCollections.observableArrayList();
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<GuardrailFinding> guardrails = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper guardrailSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper idProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper regionProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper versionProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nodesProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sizeProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deliveryProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sizeHelp = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;
    private int generation;

    public SpokeFormViewModel(SpokeBackend backend, TaskExecutor executor) {
        this.backend = backend;
        this.executor = executor;
        contexts.setAll(backend.contexts());
        kind.addListener((o, a, b) -> kindChanged());
        kindChanged();
        Observable[] inputs = {
            kind, id, region, version, nodes, nodeSize, iamRole, context, gitops, repository, baseBranch, branch
        };
        for (Observable i : inputs) {
            i.addListener(o -> revalidate());
        }
        valid = Bindings.createBooleanBinding(
                () -> problems.isEmpty()
                        && !checking.get()
                        && guardrails.stream().noneMatch(GuardrailFinding::blocks),
                problems,
                guardrails,
                checking);
        revalidate();
    }

    private void kindChanged() {
        SpokeKind k = kind.get();
        if (k.clusterKind() == null) {
            return;
        }
        ClaimSchema schema = backend.schema(k.clusterKind());
        versions.setAll(schema.allowed("version"));
        if (!versions.contains(version.get())) {
            version.set(schema.defaultOf("version").orElse(versions.isEmpty() ? "" : versions.get(0)));
        }
        String size = schema.defaultOf("nodes.instanceType").orElse("");
        ClaimSchema other = backend.schema(
                k.clusterKind() == dev.backstack.panel.model.spoke.ClusterKind.AKS
                        ? dev.backstack.panel.model.spoke.ClusterKind.EKS
                        : dev.backstack.panel.model.spoke.ClusterKind.AKS);
        if (nodeSize.get().isEmpty()
                || other.defaultOf("nodes.instanceType").orElse("").equals(nodeSize.get())) {
            nodeSize.set(size);
        }
        sizeHelp.set(schema.description("nodes.instanceType")
                + (size.isEmpty() ? "" : " (the API's default: " + size + ")"));
        if (region.get().isEmpty() || region.get().equals(k == SpokeKind.NEW_AKS ? "eu-central-1" : "westeurope")) {
            region.set(k == SpokeKind.NEW_AKS ? "westeurope" : "eu-central-1");
        }
    }

    /** The request the fields describe (it may have problems). */
    public SpokeRequest request() {
        SpokeKind k = kind.get();
        SpokeRequest r = new SpokeRequest(
                k.clusterKind() == null ? dev.backstack.panel.model.spoke.ClusterKind.AKS : k.clusterKind(),
                id.get(),
                null,
                region.get(),
                version.get(),
                nodes.get(),
                nodeSize.get(),
                k == SpokeKind.NEW_EKS ? iamRole.get() : "",
                SpokeRequest.Delivery.APPLY,
                null);
        return gitops.get()
                ? r.withDelivery(
                        SpokeRequest.Delivery.GITOPS,
                        new SpokeRequest.GitOps(
                                repository.get().trim(),
                                baseBranch.get().trim(),
                                branch.get().isBlank()
                                        ? "backstack/spoke-" + r.id()
                                        : branch.get().trim()))
                : r;
    }

    public Registration registration() {
        return Registration.of(
                context.get(), id.get().isBlank() ? context.get() : id.get().trim());
    }

    public boolean registers() {
        return kind.get() == SpokeKind.REGISTER;
    }

    private void revalidate() {
        generation++;
        List<String> all = registers() ? registration().problems() : backend.problems(request());
        problems.setAll(all);
        idProblem.set(first(all, "spec.parameters.id", "The spoke's name"));
        regionProblem.set(first(all, "spec.parameters.region", null));
        versionProblem.set(first(all, "spec.parameters.version", null));
        nodesProblem.set(first(all, "spec.parameters.nodes.count", null));
        sizeProblem.set(first(all, "spec.parameters.nodes.instanceType", null));
        deliveryProblem.set(first(all, "GitOps", "Choose the kubeconfig context"));
        guardrails.clear();
        guardrailSummary.set("");
        if (!all.isEmpty() || registers()) {
            checking.set(false);
            guardrailSummary.set(registers() ? "" : "The hub's guardrails are checked once the fields are valid.");
            return;
        }
        int gen = generation;
        SpokeRequest r = request();
        checking.set(true);
        guardrailSummary.set("Checking the hub's guardrail policies\u2026");
        executor.execute(BackgroundTask.wrap(ctx -> backend.guardrails(r))
                .onSuccess(found -> {
                    if (gen == generation) {
                        guardrails.setAll(found);
                        checking.set(false);
                        guardrailSummary.set(summary(found));
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        checking.set(false);
                        guardrailSummary.set("Cannot read the hub's policies: " + e.getMessage()
                                + ". The preflight checks the claim again.");
                    }
                }));
    }

    static String summary(List<GuardrailFinding> found) {
        if (found.isEmpty()) {
            return "No guardrail policy on the hub matches cluster claims.";
        }
        long refusing = found.stream().filter(GuardrailFinding::blocks).count();
        return refusing == 0
                ? "The claim passes the hub's " + found.size() + " guardrail" + (found.size() == 1 ? "" : "s") + "."
                : refusing + " of the hub's guardrails refuse" + (refusing == 1 ? "s" : "")
                        + " the claim: change it as " + "the message says.";
    }

    private static String first(List<String> problems, String prefix, String alsoPrefix) {
        Optional<String> p = problems.stream()
                .filter(x -> x.startsWith(prefix) || alsoPrefix != null && x.startsWith(alsoPrefix))
                .findFirst();
        return p.map(s -> s.startsWith("spec.parameters.")
                        ? s.substring(s.indexOf(':') + 1).trim()
                        : s)
                .orElse("");
    }

    /** Wipes the GitOps token. */
    public void clear() {
        token.get().clear();
        token.set(SecretText.empty());
    }

    public ObjectProperty<SpokeKind> kindProperty() {
        return kind;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public IntegerProperty nodesProperty() {
        return nodes;
    }

    public StringProperty nodeSizeProperty() {
        return nodeSize;
    }

    public StringProperty iamRoleProperty() {
        return iamRole;
    }

    public StringProperty contextProperty() {
        return context;
    }

    public BooleanProperty gitopsProperty() {
        return gitops;
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty baseBranchProperty() {
        return baseBranch;
    }

    public StringProperty branchProperty() {
        return branch;
    }

    public ObjectProperty<SecretText> tokenProperty() {
        return token;
    }

    public ObservableList<String> versions() {
        return versions;
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<GuardrailFinding> guardrails() {
        return guardrails;
    }

    public ReadOnlyStringProperty guardrailSummaryProperty() {
        return guardrailSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty idProblemProperty() {
        return idProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty regionProblemProperty() {
        return regionProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProblemProperty() {
        return versionProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodesProblemProperty() {
        return nodesProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProblemProperty() {
        return sizeProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deliveryProblemProperty() {
        return deliveryProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeHelpProperty() {
        return sizeHelp.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
