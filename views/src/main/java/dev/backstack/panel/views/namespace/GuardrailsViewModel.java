package dev.backstack.panel.views.namespace;

import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.namespace.Names;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.TeamPolicy;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest.GitOpsChoice;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The isolation, policies and delivery page: default-deny ingress (and the ingress controller's
 * namespace let in), the catalog policies the team must pass with their modes, and whether the
 * namespace is applied now or committed to the GitOps repository. The token lives in memory only.
 * No scene-graph code; call on the FX thread.
 */
public final class GuardrailsViewModel {

    /** A catalog policy, whether the team must pass it, and in which mode. */
    public record PolicyChoice(PolicyEntry entry, BooleanProperty checked, ObjectProperty<PolicyMode> mode) {
        @Override
        public String toString() {
            return entry.id();
        }
    }

    private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final BooleanProperty isolate = new SimpleBooleanProperty(false);
    private final StringProperty ingressNamespace =
            new SimpleStringProperty(NamespaceRequest.DEFAULT_INGRESS_NAMESPACE);
    private final StringBinding ingressProblem;
    private final ObservableList<PolicyChoice> policies =
            FXCollections.observableArrayList(c -> new javafx.beans.Observable[] {c.checked(), c.mode()});
    private final BooleanProperty gitops = new SimpleBooleanProperty(false);
    private final StringProperty repository = new SimpleStringProperty("");
    private final StringProperty base = new SimpleStringProperty("main");
    private final StringProperty branch = new SimpleStringProperty("");
    private final StringBinding gitopsProblem;
    private final BooleanBinding valid;
    private SecretText token = SecretText.empty();

    public GuardrailsViewModel(List<PolicyEntry> catalog) {
        catalog.forEach(e -> policies.add(
                new PolicyChoice(e, new SimpleBooleanProperty(false), new SimpleObjectProperty<>(e.defaultMode()))));
        ingressProblem = Bindings.createStringBinding(
                () -> isolate.get()
                        ? Names.dnsLabelProblem("Ingress namespace", ingressNamespace.get())
                                .orElse("")
                        : "",
                isolate,
                ingressNamespace);
        gitopsProblem = Bindings.createStringBinding(
                () -> gitops.get()
                                && (repository.get().isBlank()
                                        || base.get().isBlank()
                                        || branch.get().isBlank())
                        ? "GitOps delivery needs the repository, its base branch and a new branch name"
                        : "",
                gitops,
                repository,
                base,
                branch);
        valid = Bindings.createBooleanBinding(
                () -> ingressProblem.get().isEmpty() && gitopsProblem.get().isEmpty(), ingressProblem, gitopsProblem);
    }

    /** Proposes {@code backstack/namespace-<name>-<time>} when no branch was typed yet. */
    void proposeBranch(String namespace) {
        if (branch.get().isBlank()) {
            branch.set("backstack/namespace-" + namespace + "-"
                    + LocalDateTime.now().format(BRANCH_TIME));
        }
    }

    /** The chosen policies with their modes, in catalog order. */
    public List<TeamPolicy> chosen() {
        return policies.stream()
                .filter(p -> p.checked().get())
                .map(p -> new TeamPolicy(p.entry().id(), p.mode().get()))
                .toList();
    }

    /** The request with this page's choices. */
    NamespaceRequest apply(NamespaceRequest r) {
        NamespaceRequest out =
                r.withIsolation(isolate.get(), ingressNamespace.get()).withPolicies(chosen());
        return gitops.get()
                ? out.withGitOps(new GitOpsChoice(
                        repository.get().strip(),
                        base.get().strip(),
                        branch.get().strip()))
                : out;
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

    public BooleanProperty isolateProperty() {
        return isolate;
    }

    public StringProperty ingressNamespaceProperty() {
        return ingressNamespace;
    }

    public StringBinding ingressProblemProperty() {
        return ingressProblem;
    }

    public ObservableList<PolicyChoice> policies() {
        return policies;
    }

    /** True to commit to the GitOps repository, false to apply to the spoke now. */
    public BooleanProperty gitopsProperty() {
        return gitops;
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

    public StringBinding gitopsProblemProperty() {
        return gitopsProblem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
