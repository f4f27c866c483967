package dev.backstack.panel.views.policy;

import static dev.backstack.panel.views.policy.ScriptedPolicyBackend.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.policy.PolicyRequest;
import dev.backstack.panel.model.policy.PolicyRequest.Delivery;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The targets page's view-model on a scripted backend and a same-thread executor. */
class TargetsViewModelTest {

    private static final List<PolicySelection> SELECTIONS =
            List.of(PolicySelection.ofDefaults(entry("require-probes"), List.of("kube-system")));

    private final ScriptedPolicyBackend backend = new ScriptedPolicyBackend();
    private final TargetsViewModel vm = new TargetsViewModel(backend, new CurrentThreadTaskExecutor());

    private void check(String spoke, boolean on) {
        vm.spokes().stream()
                .filter(s -> s.name().equals(spoke))
                .findFirst()
                .orElseThrow()
                .checked()
                .set(on);
    }

    private void gitOps() {
        vm.deliveryProperty().set(Delivery.GITOPS);
        vm.repositoryProperty().set("https://github.com/acme/platform-gitops");
    }

    @Test
    @DisplayName(
            "entering reads every cluster's Kyverno once, hub first; Refresh reads again; each cluster gets its summary")
    void entersOnceAndReadsFacts() {
        assertThat(vm.spokes())
                .extracting(TargetsViewModel.SpokeChoice::name)
                .containsExactly("spoke-1", "spoke-2", "spoke-3");

        vm.enter();
        vm.enter();

        assertThat(backend.factsCalls).containsExactly("backstack-hub", "spoke-1", "spoke-2", "spoke-3");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.factsOf("backstack-hub")).isEqualTo("Kyverno v1.11.4: ClusterPolicy");
        assertThat(vm.factsOf("spoke-1")).isEqualTo("Kyverno v1.20.0: ValidatingPolicy");
        assertThat(vm.factsOf("spoke-3")).startsWith("no Kyverno found on spoke-3");
        assertThat(vm.facts()).containsOnlyKeys("backstack-hub", "spoke-1", "spoke-2", "spoke-3");

        vm.refresh();
        assertThat(backend.factsCalls).hasSize(8);
    }

    @Test
    @DisplayName("when the clusters cannot be read the page says why and is not left loading")
    void factsFailureIsShown() {
        backend.factsFailure = new IllegalStateException("connection refused");

        vm.enter();

        assertThat(vm.problemProperty().get()).isEqualTo("Cannot read the clusters' Kyverno: connection refused");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.factsOf("spoke-1")).isEmpty();
    }

    @Test
    @DisplayName("applied directly, the page is valid with the hub or any spoke, and invalid with neither")
    void applyValidity() {
        assertThat(vm.deliveryProperty().get()).isEqualTo(Delivery.APPLY);
        assertThat(vm.hubProperty().get()).isTrue();
        assertThat(vm.validProperty().get()).isTrue();

        vm.hubProperty().set(false);
        assertThat(vm.validProperty().get()).isFalse();

        check("spoke-2", true);
        assertThat(vm.validProperty().get()).isTrue();

        check("spoke-2", false);
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    @DisplayName("through GitOps, the page needs the repository, the base and the new branch, and a valid selector")
    void gitOpsValidity() {
        vm.deliveryProperty().set(Delivery.GITOPS);
        assertThat(vm.validProperty().get()).as("no repository").isFalse();

        vm.repositoryProperty().set("https://github.com/acme/platform-gitops");
        assertThat(vm.branchProperty().get()).startsWith("backstack/policies-");
        assertThat(vm.validProperty().get()).isTrue();

        vm.baseProperty().set(" ");
        assertThat(vm.validProperty().get()).as("no base branch").isFalse();
        vm.baseProperty().set("main");

        vm.branchProperty().set("");
        assertThat(vm.validProperty().get()).as("no new branch").isFalse();
        vm.branchProperty().set("backstack/policies");

        vm.selectorProperty().set("clusterType");
        assertThat(vm.validProperty().get()).as("bad selector").isFalse();

        vm.selectorProperty().set("");
        assertThat(vm.validProperty().get()).as("hub only").isTrue();
        vm.hubProperty().set(false);
        assertThat(vm.validProperty().get()).as("neither the hub nor spokes").isFalse();

        vm.selectorProperty().set("clusterType=spoke");
        assertThat(vm.validProperty().get()).as("spokes only").isTrue();
    }

    @Test
    @DisplayName("checking a spoke does not make a GitOps delivery valid: spokes are chosen by labels there")
    void spokeChecksDoNotCountForGitOps() {
        gitOps();
        vm.hubProperty().set(false);
        vm.selectorProperty().set("");

        check("spoke-1", true);

        assertThat(vm.validProperty().get()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "clusterType=spoke                      | ''",
                "clusterType=spoke, team=payments       | ''",
                "backstack.dev/tier=gold                | ''",
                "env=                                   | ''",
                "''                                     | ''",
                "clusterType                            | \"clusterType\" is not a label KEY=VALUE",
                "clusterType=spoke, team                | \"team\" is not a label KEY=VALUE",
                "=spoke                                 | \"=spoke\" is not a label KEY=VALUE",
                "cluster type=spoke                     | \"cluster type=spoke\" is not a label KEY=VALUE",
                "tier=gold plated                       | \"tier=gold plated\" is not a label KEY=VALUE",
            })
    @DisplayName("the selector's problem names the first part that is not a label KEY=VALUE")
    void selectorProblemText(String selector, String problem) {
        gitOps();

        vm.selectorProperty().set(selector);

        assertThat(vm.selectorProblemProperty().get()).isEqualTo(problem);
        assertThat(vm.validProperty().get()).isEqualTo(problem.isEmpty());
    }

    @Test
    @DisplayName(
            "through GitOps, the spokes the labels match now are listed from the backend; a bad selector lists none")
    void matchingSpokes() {
        gitOps();
        assertThat(backend.targetCalls).isNotEmpty();
        assertThat(backend.targetCalls.get(backend.targetCalls.size() - 1).spokeSelector())
                .isEqualTo(Map.of("clusterType", "spoke"));
        assertThat(vm.matching()).containsExactly("spoke-1", "spoke-3");

        backend.matching = List.of("spoke-2");
        vm.selectorProperty().set("clusterType=spoke, team=payments");
        assertThat(backend.targetCalls.get(backend.targetCalls.size() - 1).spokeSelector())
                .containsExactly(Map.entry("clusterType", "spoke"), Map.entry("team", "payments"));
        assertThat(vm.matching()).containsExactly("spoke-2");

        vm.selectorProperty().set("team");
        assertThat(vm.matching()).isEmpty();

        vm.deliveryProperty().set(Delivery.APPLY);
        assertThat(vm.matching()).isEmpty();
    }

    @Test
    @DisplayName(
            "applied directly, the request names the hub and the checked spokes in the list's order, without GitOps")
    void applyRequest() {
        check("spoke-3", true);
        check("spoke-1", true);

        PolicyRequest r = vm.request(SELECTIONS);

        assertThat(r.delivery()).isEqualTo(Delivery.APPLY);
        assertThat(r.selections()).isEqualTo(SELECTIONS);
        assertThat(r.hub()).isTrue();
        assertThat(r.spokes()).containsExactly("spoke-1", "spoke-3");
        assertThat(r.spokeSelector()).isEmpty();
        assertThat(r.gitops()).isNull();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    @DisplayName(
            "through GitOps, the request carries the selector's labels and the trimmed repository and branches, no spokes by name")
    void gitOpsRequest() {
        check("spoke-1", true);
        vm.deliveryProperty().set(Delivery.GITOPS);
        vm.repositoryProperty().set("  https://github.com/acme/platform-gitops ");
        vm.baseProperty().set(" trunk ");
        vm.branchProperty().set(" backstack/registries ");
        vm.selectorProperty().set("clusterType=spoke, region=eu");
        vm.hubProperty().set(false);

        PolicyRequest r = vm.request(SELECTIONS);

        assertThat(r.delivery()).isEqualTo(Delivery.GITOPS);
        assertThat(r.hub()).isFalse();
        assertThat(r.spokes()).isEmpty();
        assertThat(r.spokeSelector()).containsExactly(Map.entry("clusterType", "spoke"), Map.entry("region", "eu"));
        assertThat(r.gitops())
                .isEqualTo(new PolicyRequest.GitOpsChoice(
                        "https://github.com/acme/platform-gitops", "trunk", "backstack/registries"));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    @DisplayName("the GitOps token is wiped when replaced and when the page is cleared")
    void tokenWipedOnClear() {
        SecretText first = SecretText.of("ghp_" + "a".repeat(36));
        SecretText second = SecretText.of("ghp_" + "b".repeat(36));

        vm.setToken(first);
        assertThat(vm.token()).isSameAs(first);
        vm.setToken(second);
        assertThat(first.isEmpty()).as("the replaced token").isTrue();
        assertThat(first.reveal()).isEmpty();
        assertThat(second.reveal()).isEqualTo("ghp_" + "b".repeat(36));

        vm.clear();

        assertThat(second.isEmpty()).as("the token after clear").isTrue();
        assertThat(vm.token().reveal()).isEmpty();
    }
}
