package dev.backstack.panel.views.policy;

import static dev.backstack.panel.views.policy.ScriptedPolicyBackend.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.LegacyPolicies;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest.Delivery;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import dev.backstack.panel.views.wizard.FakeClipboard;
import dev.backstack.panel.views.wizard.MutableClock;
import dev.backstack.panel.views.wizard.SummaryViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The policy wizard's page flow on a scripted backend and a same-thread executor. */
class PolicyWizardViewModelTest {

    private static final String TOKEN = "ghp_" + "w".repeat(36);
    private static final String WARNING = "impact-spoke-1-disallow-latest-tag";
    private static final String PR =
            "https://github.com/acme/platform-gitops/compare/main...backstack/policies?expand=1";

    private final ScriptedPolicyBackend backend = new ScriptedPolicyBackend();
    private final PolicyWizardViewModel vm = new PolicyWizardViewModel(
            backend,
            new CurrentThreadTaskExecutor(),
            new MutableClock(Instant.parse("2026-05-01T10:00:00Z")),
            new FakeClipboard());

    /** Catalog and parameters pages: the policies checked, their forms shown; the targets read. */
    private void choose(String... ids) {
        for (String id : ids) {
            vm.catalog().setChecked(entry(id), true);
        }
        vm.enterParameters();
        vm.enterTargets();
    }

    private void checkSpoke(String name, boolean on) {
        vm.targets().spokes().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .checked()
                .set(on);
    }

    private PolicyForm form(String id) {
        return vm.parameters().chosen().stream()
                .filter(f -> f.entry().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Through the review with the preflight run and its warnings accepted. */
    private void reviewed() {
        vm.enterImpact();
        vm.enterReview();
        vm.review().runPreflight();
        vm.review().acceptWarningsProperty().set(true);
    }

    private void gitOps() {
        vm.targets().deliveryProperty().set(Delivery.GITOPS);
        vm.targets().repositoryProperty().set("https://github.com/acme/platform-gitops");
        vm.targets().branchProperty().set("backstack/policies");
        vm.targets().setToken(SecretText.of(TOKEN));
    }

    @Test
    @DisplayName("entering the impact page evaluates once per request, and again after the policies or targets change")
    void impactOncePerDistinctRequest() {
        choose("require-probes", "disallow-latest-tag");
        checkSpoke("spoke-1", true);

        vm.enterImpact();
        vm.enterImpact();

        assertThat(backend.impactCalls).hasSize(1);
        assertThat(backend.impactCalls.get(0).spokes()).containsExactly("spoke-1");
        assertThat(vm.impact().rows())
                .extracting(r -> r.cluster() + "/" + r.policy())
                .containsExactly(
                        "backstack-hub/require-probes",
                        "backstack-hub/disallow-latest-tag",
                        "spoke-1/require-probes",
                        "spoke-1/disallow-latest-tag");

        form("disallow-latest-tag").modeProperty().set(PolicyMode.ENFORCE);
        vm.enterImpact();
        vm.enterImpact();
        assertThat(backend.impactCalls).hasSize(2);
        assertThat(backend.impactCalls.get(1).selections().get(1).mode()).isEqualTo(PolicyMode.ENFORCE);

        checkSpoke("spoke-1", false);
        vm.enterImpact();
        assertThat(backend.impactCalls).hasSize(3);
        assertThat(vm.impact().rows()).extracting(ImpactViewModel.Row::cluster).containsOnly("backstack-hub");
    }

    @Test
    @DisplayName("the review loads the preview of the current request once; its preflight reuses the impact just shown")
    void reviewLoadsPreview() {
        choose("require-probes", "disallow-latest-tag");
        checkSpoke("spoke-1", true);
        vm.enterImpact();

        vm.enterReview();
        vm.enterReview();

        assertThat(backend.previewCalls).hasSize(1);
        assertThat(backend.previewCalls.get(0)).isEqualTo(backend.impactCalls.get(0));
        assertThat(vm.review().previewProperty().get()).isNotNull();
        assertThat(vm.review().steps())
                .extracting(s -> s.info().id())
                .containsExactly("require-probes", "disallow-latest-tag");
        assertThat(vm.review().planSummaryProperty().get()).isEqualTo("Scripted policies: 2 steps, 2 objects");
        assertThat(backend.preflightCalls)
                .as("the preflight waits for the user")
                .isEmpty();

        vm.review().runPreflight();

        assertThat(backend.preflightCalls).containsExactly(backend.previewCalls.get(0));
        assertThat(backend.preflightImpacts.get(0)).isEqualTo(vm.impact().impact());
        assertThat(backend.impactCalls)
                .as("no second evaluation for the preflight")
                .hasSize(1);
        assertThat(vm.review().validProperty().get()).isTrue();
    }

    @Test
    @DisplayName(
            "a change after the impact page makes the review load a new preview, and its preflight evaluates that request")
    void reviewAfterAChange() {
        choose("require-probes");
        vm.enterImpact();
        vm.enterReview();

        checkSpoke("spoke-2", true);
        vm.enterReview();
        vm.review().runPreflight();

        assertThat(backend.previewCalls).hasSize(2);
        assertThat(backend.previewCalls.get(1).spokes()).containsExactly("spoke-2");
        assertThat(backend.impactCalls).hasSize(2);
        assertThat(backend.preflightCalls.get(0)).isEqualTo(backend.impactCalls.get(1));
    }

    @Test
    @DisplayName(
            "the run gets the reviewed request, the clusters' facts, the token and the accepted warnings as overrides; once")
    void runPassesOverridesAndRequest() {
        backend.report = new PreflightReport(List.of(
                PreflightFinding.pass("request", "Policies and targets", PreflightFinding.Severity.BLOCKING, "ok"),
                PreflightFinding.fail(
                        WARNING,
                        "Enforce disallow-latest-tag on spoke-1",
                        PreflightFinding.Severity.WARNING,
                        "1 existing objects would be refused",
                        "Fix them first.")));
        choose("disallow-latest-tag");
        form("disallow-latest-tag").modeProperty().set(PolicyMode.ENFORCE);
        checkSpoke("spoke-1", true);
        vm.targets().setToken(SecretText.of(TOKEN));
        vm.enterImpact();
        vm.enterReview();
        vm.review().runPreflight();
        assertThat(vm.review().validProperty().get())
                .as("warnings not accepted yet")
                .isFalse();
        vm.review().acceptWarningsProperty().set(true);

        vm.enterRun();
        vm.enterRun();

        assertThat(backend.runCalls).hasSize(1);
        ScriptedPolicyBackend.RunCall call = backend.runCalls.get(0);
        assertThat(call.request()).isEqualTo(backend.previewCalls.get(0));
        assertThat(call.request().spokes()).containsExactly("spoke-1");
        assertThat(call.request().selections().get(0).mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(call.overrides()).containsExactly(WARNING);
        assertThat(call.token()).isEqualTo(TOKEN);
        assertThat(call.facts()).isEqualTo(vm.targets().facts()).containsKeys("backstack-hub", "spoke-1");
        assertThat(vm.runSucceededProperty().get()).isTrue();
    }

    @Test
    @DisplayName("a changed request after a delivery runs again")
    void changedRequestRunsAgain() {
        choose("require-probes");
        reviewed();
        vm.enterRun();

        checkSpoke("spoke-3", true);
        reviewed();
        vm.enterRun();

        assertThat(backend.runCalls)
                .extracting(c -> c.request().spokes())
                .containsExactly(List.of(), List.of("spoke-3"));
    }

    @Test
    @DisplayName("after a GitOps delivery the summary shows the commit and links the pull request")
    void gitOpsSummaryLinksThePullRequest() {
        DeliveryResult pushed = new DeliveryResult(
                DeliveryResult.Outcome.PUSHED,
                "https://github.com/acme/platform-gitops",
                "main",
                "backstack/policies",
                "0123456789abcdef0123",
                List.of("demo/applications/policy-require-probes.yaml"),
                Optional.of(PR));
        backend.delivered = new PolicyService.Delivered(PlanOutcome.SUCCEEDED, Optional.of(pushed));
        choose("require-probes");
        gitOps();
        reviewed();
        vm.enterRun();

        vm.enterSummary();

        assertThat(backend.runCalls.get(0).request().delivery()).isEqualTo(Delivery.GITOPS);
        assertThat(vm.summary().links()).containsExactly(new SummaryViewModel.Link("Pull request", PR));
        assertThat(vm.summary().headlineProperty().get())
                .isEqualTo(pushed.summary())
                .startsWith("Committed 1 file as 0123456789 on the new branch backstack/policies");
        assertThat(vm.summary().nextSteps().get(0)).startsWith("Open the pull request");
    }

    @Test
    @DisplayName(
            "after a direct delivery the summary names the clusters, with no link; a re-run that wrote nothing says so")
    void applySummaryNamesTheClusters() {
        choose("require-probes");
        checkSpoke("spoke-1", true);
        reviewed();
        vm.enterRun();
        vm.enterSummary();

        assertThat(vm.summary().links()).isEmpty();
        assertThat(vm.summary().headlineProperty().get())
                .isEqualTo("The policies are in place on backstack-hub, spoke-1.");
        assertThat(vm.summary().nextSteps())
                .noneMatch(s -> s.contains("pull request"))
                .anyMatch(s -> s.startsWith("Watch the Audit results"));

        backend.delivered = new PolicyService.Delivered(PlanOutcome.UNCHANGED, Optional.empty());
        checkSpoke("spoke-1", false);
        reviewed();
        vm.enterRun();
        vm.enterSummary();
        assertThat(vm.summary().headlineProperty().get())
                .isEqualTo("The policies were already in place on backstack-hub.");
    }

    @Test
    @DisplayName("closing the wizard wipes the GitOps token")
    void closingWipesTheToken() {
        SecretText token = SecretText.of(TOKEN);
        choose("require-probes");
        vm.targets().setToken(token);

        vm.close();

        assertThat(token.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("the legacy ClusterPolicies' converted policies are offered and added with the legacy modes")
    void adoptsTheConvertedPoliciesOfLegacyOnes() {
        backend.facts.put(
                "spoke-1",
                new ClusterFacts(
                        "spoke-1",
                        Optional.of("v1.20.0"),
                        List.of(
                                new LegacyPolicies.Legacy(
                                        "require-run-as-nonroot",
                                        "Enforce",
                                        Optional.of(entry("require-run-as-non-root")),
                                        Optional.empty()),
                                new LegacyPolicies.Legacy(
                                        "disallow-host-path",
                                        "Audit",
                                        Optional.of(entry("disallow-host-path")),
                                        Optional.empty()),
                                new LegacyPolicies.Legacy(
                                        "restric-privileged-port", "Audit", Optional.empty(), Optional.empty())),
                        null));
        choose("require-probes");

        assertThat(vm.legacyOfferProperty().get()).contains("2 converted ValidatingPolicies");
        assertThat(vm.adoptLegacy()).isEqualTo(2);

        assertThat(vm.parameters().chosen())
                .extracting(f -> f.entry().id())
                .containsExactlyInAnyOrder("require-probes", "require-run-as-non-root", "disallow-host-path");
        assertThat(form("require-run-as-non-root").modeProperty().get()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(form("disallow-host-path").modeProperty().get()).isEqualTo(PolicyMode.AUDIT);
        assertThat(vm.adoptLegacy()).as("a second time adds nothing").isZero();
    }
}
