package dev.backstack.panel.views.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.spoke.ClaimSchema;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import dev.backstack.panel.views.wizard.FakeClipboard;
import dev.backstack.panel.views.wizard.MutableClock;
import dev.backstack.panel.views.wizard.SummaryViewModel;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The spoke wizard's page flow on a scripted backend and a same-thread executor. */
class SpokeWizardViewModelTest {

    private static final String TOKEN = "ghp_" + "s".repeat(36);

    private final ScriptedSpokeBackend backend = new ScriptedSpokeBackend();
    private final SpokeWizardViewModel vm = new SpokeWizardViewModel(
            backend,
            new CurrentThreadTaskExecutor(),
            new MutableClock(Instant.parse("2026-11-26T10:00:00Z")),
            new FakeClipboard());
    private final SpokeFormViewModel form = vm.form();

    @Test
    @DisplayName("versions and the default node size come from the API's definition, per kind")
    void choicesComeFromTheDefinition() {
        assertThat(form.versions()).isEqualTo(ClaimSchema.of(ClusterKind.AKS).allowed("version"));
        assertThat(form.versionProperty().get())
                .isEqualTo(ClaimSchema.of(ClusterKind.AKS).defaultOf("version").orElseThrow());
        assertThat(form.nodeSizeProperty().get()).isEqualTo("Standard_B2s");

        form.kindProperty().set(SpokeKind.NEW_EKS);

        assertThat(form.versions()).isEqualTo(ClaimSchema.of(ClusterKind.EKS).allowed("version"));
        assertThat(form.nodeSizeProperty().get()).isEqualTo("t3.small");
        assertThat(form.regionProperty().get()).isEqualTo("eu-central-1");
        assertThat(form.sizeHelpProperty().get()).contains("t3.small");
    }

    @Test
    @DisplayName("each field's problem shows under it; the page is valid only without problems and refusing guardrails")
    void inlineValidationAndGuardrails() {
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.idProblemProperty().get()).startsWith("required");
        assertThat(backend.guardrailCalls).isEmpty();

        form.idProperty().set("Spoke 4");
        assertThat(form.idProblemProperty().get()).contains("must be lower-case letters");

        form.idProperty().set("spoke-4");
        assertThat(form.idProblemProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.guardrailSummaryProperty().get()).isEqualTo("The claim passes the hub's 1 guardrail.");

        form.nodesProperty().set(0);
        assertThat(form.nodesProblemProperty().get()).startsWith("a cluster needs at least 1 node");
        assertThat(form.validProperty().get()).isFalse();

        form.nodesProperty().set(5);
        assertThat(form.nodesProblemProperty().get()).isEmpty();
        assertThat(form.guardrails())
                .singleElement()
                .satisfies(g -> assertThat(g.blocks()).isTrue());
        assertThat(form.guardrailSummaryProperty().get()).startsWith("1 of the hub's guardrails refuses the claim");
        assertThat(form.validProperty().get()).isFalse();

        form.versionProperty().set("1.20");
        assertThat(form.versionProblemProperty().get())
                .startsWith("1.20 is not allowed by the AKSCluster API: choose one of");
    }

    @Test
    @DisplayName("review, run and summary of a direct request; the summary links to the lineage view")
    void directRequestThroughSummary() {
        form.idProperty().set("spoke-4");
        vm.enterReview();
        vm.enterReview();
        assertThat(backend.previews).hasSize(1);
        vm.review().runPreflight();
        vm.review().acceptWarningsProperty().set(true);

        vm.enterRun();
        vm.enterSummary();

        SpokeRequest ran = (SpokeRequest) backend.runs.get(0);
        assertThat(ran)
                .isEqualTo(SpokeRequest.direct(
                        ClusterKind.AKS,
                        "spoke-4",
                        "westeurope",
                        ClaimSchema.of(ClusterKind.AKS).defaultOf("version").orElseThrow(),
                        2,
                        "Standard_B2s"));
        assertThat(backend.overridesSeen)
                .singleElement()
                .satisfies(o -> assertThat(o).startsWith("guardrail-audit"));
        assertThat(vm.run().succeededProperty().get()).isTrue();
        assertThat(vm.summary().headlineProperty().get())
                .isEqualTo("AKSCluster spoke-4 is requested on backstack-hub.");
        assertThat(vm.summary().links()).extracting(SummaryViewModel.Link::url).containsExactly("lineage:spoke-4");

        vm.enterRun();
        assertThat(backend.runs).as("the same request is not delivered twice").hasSize(1);
    }

    @Test
    @DisplayName("a GitOps request carries the token to the run only, and the summary offers the pull request")
    void gitOpsRequest() {
        form.kindProperty().set(SpokeKind.NEW_EKS);
        form.idProperty().set("spoke-5");
        form.gitopsProperty().set(true);
        assertThat(form.deliveryProblemProperty().get()).startsWith("GitOps delivery needs the repository");
        form.repositoryProperty().set("https://github.com/acme/gitops");
        form.tokenProperty().set(SecretText.of(TOKEN));
        assertThat(form.deliveryProblemProperty().get())
                .as("the new branch defaults")
                .isEmpty();

        vm.enterReview();
        vm.review().runPreflight();
        vm.review().acceptWarningsProperty().set(true);
        vm.enterRun();
        vm.enterSummary();

        SpokeRequest ran = (SpokeRequest) backend.runs.get(0);
        assertThat(ran.gitops())
                .isEqualTo(
                        new SpokeRequest.GitOps("https://github.com/acme/gitops", "main", "backstack/spoke-spoke-5"));
        assertThat(backend.tokensSeen).containsExactly(TOKEN);
        assertThat(vm.summary().links())
                .extracting(SummaryViewModel.Link::name)
                .containsExactly("Pull request", "Follow spoke-5 in the lineage view");

        vm.close();
        assertThat(form.tokenProperty().get().isEmpty()).isTrue();
    }

    @Test
    @DisplayName(
            "registering an existing context: no guardrails, the registration runs, the summary links to the lineage")
    void registration() {
        form.kindProperty().set(SpokeKind.REGISTER);
        assertThat(form.contexts()).containsExactly("edge", "lab");
        assertThat(form.validProperty().get()).isFalse();

        form.contextProperty().set("edge");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(backend.guardrailCalls).isEmpty();

        vm.enterReview();
        vm.review().runPreflight();
        vm.enterRun();
        vm.enterSummary();

        assertThat(backend.runs).containsExactly(Registration.of("edge", "edge"));
        assertThat(vm.summary().headlineProperty().get())
                .startsWith("edge is registered with Argo CD on backstack-hub");
        assertThat(vm.summary().links()).extracting(SummaryViewModel.Link::url).containsExactly("lineage:edge");
    }
}
