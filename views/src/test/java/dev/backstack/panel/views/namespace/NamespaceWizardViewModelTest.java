package dev.backstack.panel.views.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.namespace.ContainerDefaults;
import dev.backstack.panel.model.namespace.NamespaceQuota;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.TeamPolicy;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest.GitOpsChoice;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import dev.backstack.panel.views.wizard.FakeClipboard;
import dev.backstack.panel.views.wizard.MutableClock;
import dev.backstack.panel.views.wizard.SummaryViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The namespace wizard's pages on a scripted backend and a same-thread executor. */
class NamespaceWizardViewModelTest {

    private static final String TOKEN = "ghp_" + "n".repeat(36);
    private static final String PR = "https://github.com/acme/platform-gitops/compare/main...backstack/ns?expand=1";

    private final ScriptedNamespaceBackend backend = new ScriptedNamespaceBackend();
    private final NamespaceWizardViewModel vm = new NamespaceWizardViewModel(
            backend,
            new CurrentThreadTaskExecutor(),
            new MutableClock(Instant.parse("2026-05-01T10:00:00Z")),
            new FakeClipboard());

    private void target(String spoke, String name, String team) {
        vm.target().spokeProperty().set(spoke);
        vm.target().nameProperty().set(name);
        vm.target().teamProperty().set(team);
    }

    private void choose(String id, PolicyMode mode) {
        GuardrailsViewModel.PolicyChoice c = vm.guardrails().policies().stream()
                .filter(p -> p.entry().id().equals(id))
                .findFirst()
                .orElseThrow();
        c.checked().set(true);
        c.mode().set(mode);
    }

    @Test
    @DisplayName(
            "the first page is invalid until spoke, name and team are valid; problems show once something is typed")
    void targetPageValidatesAsTyped() {
        TargetViewModel t = vm.target();
        assertThat(t.validProperty().get()).isFalse();
        assertThat(t.nameProblemProperty().get()).as("nothing typed yet").isEmpty();
        assertThat(t.spokeProblemProperty().get()).isEqualTo("Choose the spoke the namespace goes to.");

        target("spoke-1", "Team A", "team a");
        assertThat(t.nameProblemProperty().get()).startsWith("Namespace name: \"Team A\" is not a valid name");
        assertThat(t.teamProblemProperty().get()).startsWith("Team group: \"team a\" cannot be a label value");
        assertThat(t.validProperty().get()).isFalse();

        t.nameProperty().set("kube-tools");
        assertThat(t.nameProblemProperty().get()).contains("reserved for Kubernetes itself");

        target("spoke-1", "team-a-dev", "team-a");
        assertThat(t.validProperty().get()).isTrue();
        assertThat(t.nameProblemProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("choosing a spoke reads its Kyverno once, in the background, and says which policy kind it gets")
    void choosingASpokeReadsItsKyverno() {
        vm.target().spokeProperty().set("spoke-3");

        assertThat(backend.factsCalls).containsExactly("spoke-3");
        assertThat(vm.target().factsTextProperty().get()).isEqualTo("Kyverno v1.19.0: ValidatingPolicy");
        assertThat(vm.target().factsProperty().get().cluster()).isEqualTo("spoke-3");
    }

    @Test
    @DisplayName(
            "the quota page reads each field as a Kubernetes quantity and checks requests within limits within the quota")
    void quotaPage() {
        QuotaViewModel q = vm.quota();
        assertThat(q.validProperty().get()).as("the defaults").isTrue();

        q.cpuProperty().set("lots");
        assertThat(QuotaViewModel.problemOf("CPU quota", q.cpuProperty()).get())
                .startsWith("CPU quota: \"lots\" is not a Kubernetes quantity");
        assertThat(q.validProperty().get()).isFalse();

        q.cpuProperty().set("2");
        q.limitCpuProperty().set("3");
        q.requestMemoryProperty().set("1Gi");
        assertThat(q.rulesProblemProperty().get())
                .isEqualTo(
                        "Default memory request (1Gi) is more than the default memory limit (512Mi): a container's request "
                                + "cannot exceed its limit\n"
                                + "Default CPU limit (3) is more than the CPU quota (2): a pod with the defaults could never start");
        assertThat(q.validProperty().get()).isFalse();

        q.limitCpuProperty().set("1500m");
        q.requestMemoryProperty().set("256Mi");
        q.podsProperty().set("2.5");
        assertThat(q.podsProblemProperty().get()).startsWith("Pods quota: must be a whole number");
        q.podsProperty().set("5");
        assertThat(q.rulesProblemProperty().get()).isEmpty();
        assertThat(q.validProperty().get()).isTrue();
    }

    @Test
    @DisplayName("isolation needs an ingress namespace; GitOps needs repository, base and branch")
    void guardrailsPage() {
        GuardrailsViewModel g = vm.guardrails();
        assertThat(g.validProperty().get()).isTrue();
        g.isolateProperty().set(true);
        g.ingressNamespaceProperty().set("");
        assertThat(g.ingressProblemProperty().get()).isEqualTo("Ingress namespace: required");
        assertThat(g.validProperty().get()).isFalse();
        g.ingressNamespaceProperty().set("ingress-nginx");

        g.gitopsProperty().set(true);
        assertThat(g.gitopsProblemProperty().get()).startsWith("GitOps delivery needs the repository");
        g.repositoryProperty().set("https://github.com/acme/platform-gitops");
        target("spoke-1", "team-a-dev", "team-a");
        vm.enterGuardrails();
        assertThat(g.branchProperty().get()).startsWith("backstack/namespace-team-a-dev-");
        assertThat(g.validProperty().get()).isTrue();
    }

    @Test
    @DisplayName("the request carries every page's choices, policies in catalog order with their modes")
    void requestCarriesEveryPage() {
        target("spoke-2", "web", "web-team");
        vm.quota().cpuProperty().set("2");
        vm.quota().memoryProperty().set("4Gi");
        vm.guardrails().isolateProperty().set(true);
        choose("disallow-latest-tag", PolicyMode.ENFORCE);
        choose("require-probes", PolicyMode.AUDIT);

        assertThat(vm.request())
                .isEqualTo(new NamespaceRequest(
                        "spoke-2",
                        "web",
                        "web-team",
                        new NamespaceQuota("2", "4Gi", "20"),
                        ContainerDefaults.DEFAULT,
                        true,
                        "ingress-nginx",
                        List.of(
                                new TeamPolicy("require-probes", PolicyMode.AUDIT),
                                new TeamPolicy("disallow-latest-tag", PolicyMode.ENFORCE)),
                        null));
    }

    @Test
    @DisplayName("the review previews once per request and preflights on demand; a changed page previews again")
    void reviewOncePerRequest() {
        target("spoke-1", "team-a-dev", "team-a");
        vm.enterReview();
        vm.enterReview();
        assertThat(backend.previewCalls).hasSize(1);
        assertThat(backend.preflightCalls).isEmpty();

        vm.review().runPreflight();
        assertThat(backend.preflightCalls).hasSize(1);
        assertThat(vm.review().validProperty().get()).isTrue();

        vm.quota().podsProperty().set("30");
        vm.enterReview();
        assertThat(backend.previewCalls).hasSize(2);
        assertThat(backend.previewCalls.get(1).quota().pods()).isEqualTo("30");
    }

    @Test
    @DisplayName("a blocking preflight keeps the review page invalid")
    void blockedPreflight() {
        backend.preflight = new PreflightReport(List.of(PreflightFinding.fail(
                "spoke", "Connection to spoke-1", PreflightFinding.Severity.BLOCKING, "no connection", "Connect it.")));
        target("spoke-1", "team-a-dev", "team-a");
        vm.enterReview();
        vm.review().runPreflight();
        assertThat(vm.review().blockedProperty().get()).isTrue();
        assertThat(vm.review().validProperty().get()).isFalse();
    }

    @Test
    @DisplayName("run delivers once; the summary says where the namespace is and what the team does next")
    void runAndSummary() {
        target("spoke-1", "team-a-dev", "team-a");
        choose("require-probes", PolicyMode.AUDIT);
        vm.enterReview();
        vm.review().runPreflight();
        vm.enterRun();
        vm.enterRun();
        assertThat(backend.runCalls).hasSize(1);
        assertThat(vm.run().outcomeProperty().get()).isEqualTo(PlanOutcome.SUCCEEDED);

        vm.enterSummary();
        assertThat(vm.summary().headlineProperty().get())
                .isEqualTo("Namespace team-a-dev is ready on spoke-1 for team-a.");
        assertThat(vm.summary().nextSteps())
                .anySatisfy(s -> assertThat(s).contains("Members of team-a", "100m/128Mi requested"))
                .anySatisfy(s -> assertThat(s).contains("its 1 policy."));
    }

    @Test
    @DisplayName("GitOps: the token reaches the run, the summary links the pull request, closing wipes the token")
    void gitOpsSummary() {
        backend.commit = Optional.of(new DeliveryResult(
                DeliveryResult.Outcome.PUSHED,
                "https://github.com/acme/platform-gitops",
                "main",
                "backstack/ns",
                "0123456789abcdef",
                List.of("a.yaml"),
                Optional.of(PR)));
        target("spoke-1", "team-a-dev", "team-a");
        GuardrailsViewModel g = vm.guardrails();
        g.gitopsProperty().set(true);
        g.repositoryProperty().set("https://github.com/acme/platform-gitops");
        g.branchProperty().set("backstack/ns");
        SecretText token = SecretText.of(TOKEN);
        g.setToken(token);
        assertThat(vm.request().gitops())
                .isEqualTo(new GitOpsChoice("https://github.com/acme/platform-gitops", "main", "backstack/ns"));

        vm.enterReview();
        vm.enterRun();
        vm.enterSummary();

        assertThat(backend.tokensSeen).containsExactly(TOKEN);
        assertThat(vm.summary().links()).containsExactly(new SummaryViewModel.Link("Pull request", PR));
        assertThat(vm.summary().headlineProperty().get()).startsWith("Committed 1 file");
        assertThat(vm.summary().nextSteps().get(0))
                .contains("namespaces/spoke-1/team-a-dev", "Application spoke-1-namespace-team-a-dev");
        vm.close();
        assertThat(token.isEmpty()).isTrue();
    }
}
