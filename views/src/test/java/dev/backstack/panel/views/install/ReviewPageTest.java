package dev.backstack.panel.views.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightFinding.Severity;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.views.wizard.ReviewViewModel;
import dev.backstack.panel.views.wizard.ReviewViewModel.PreflightState;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReviewPageTest {

    private static final PreflightFinding RBAC_OK =
            PreflightFinding.pass("rbac", "Permissions", Severity.BLOCKING, "all 42 verbs allowed");
    private static final PreflightFinding RBAC_GAP = PreflightFinding.fail(
            "rbac", "Permissions", Severity.BLOCKING, "cannot create clusterroles", "Use a cluster-admin context.");
    private static final PreflightFinding STORAGE = PreflightFinding.fail(
            "storage-class",
            "Default StorageClass",
            Severity.WARNING,
            "none is marked default",
            "Mark one default, or Vault's volume stays Pending.");

    private final WizardFixture f = new WizardFixture().filledIn();
    private final ReviewViewModel review = f.vm.review();

    @Test
    @DisplayName("the review lists the plan's steps; a step shows its YAML, a Helm step its chart and values")
    void showsStepsAndTheirObjects() {
        f.vm.enterReview();

        assertThat(review.planSummaryProperty().get()).isEqualTo("Install a BACK Stack hub: 3 steps, 2 objects");
        assertThat(review.steps()).extracting(s -> s.info().id()).containsExactly("namespaces", "crossplane", "hub");
        assertThat(review.detailProperty().get()).contains("kind: Namespace").contains("# Namespace argocd");

        review.selectedProperty().set(review.steps().get(1));
        assertThat(review.detailProperty().get())
                .contains("# Helm chart: crossplane 2.3.4 from https://charts")
                .contains("- --enable-usages");

        review.selectedProperty().set(review.steps().get(2));
        assertThat(review.detailProperty().get()).contains("repository: https://github.com/acme/platform-gitops");
    }

    @Test
    @DisplayName("the page is not valid until the preflight ran and passed")
    void needsAPassingPreflight() {
        f.backend.report = new PreflightReport(List.of(RBAC_OK));
        f.vm.enterReview();
        assertThat(review.validProperty().get()).isFalse();
        assertThat(review.preflightStateProperty().get()).isEqualTo(PreflightState.NOT_RUN);

        review.runPreflight();

        assertThat(review.preflightStateProperty().get()).isEqualTo(PreflightState.DONE);
        assertThat(review.findings()).containsExactly(RBAC_OK);
        assertThat(review.validProperty().get()).isTrue();
        assertThat(review.preflightMessageProperty().get()).contains("1 checks: 0 blocking, 0 warnings");
    }

    @Test
    @DisplayName("a blocking finding keeps the wizard on the review, even with warnings accepted")
    void blockingFindingBlocks() {
        f.backend.report = new PreflightReport(List.of(RBAC_GAP, STORAGE));
        f.vm.enterReview();
        review.runPreflight();

        review.acceptWarningsProperty().set(true);

        assertThat(review.blockedProperty().get()).isTrue();
        assertThat(review.validProperty().get()).isFalse();
        assertThat(review.preflightMessageProperty().get()).contains("Fix the blocking ones");
    }

    @Test
    @DisplayName("warnings need an explicit go-on, which reaches the install as overrides")
    void warningsNeedAnOverride() {
        f.backend.report = new PreflightReport(List.of(RBAC_OK, STORAGE));
        f.vm.enterReview();
        review.runPreflight();
        assertThat(review.hasWarningsProperty().get()).isTrue();
        assertThat(review.findings()).as("failures first").containsExactly(STORAGE, RBAC_OK);
        assertThat(review.validProperty().get()).isFalse();
        assertThat(review.overrides()).isEmpty();

        review.acceptWarningsProperty().set(true);
        assertThat(review.validProperty().get()).isTrue();
        assertThat(review.overrides()).containsExactly("storage-class");

        f.vm.enterRun();
        assertThat(f.backend.overridesSeen).containsExactly(List.of("storage-class"));
    }

    @Test
    @DisplayName("changing the profile after a preflight asks for a new plan and a new preflight")
    void changedInputsResetTheReview() {
        f.vm.enterReview();
        review.runPreflight();
        assertThat(review.validProperty().get()).isTrue();

        f.vm.enterReview();
        assertThat(f.backend.previews).isEqualTo(1);
        assertThat(review.validProperty().get()).isTrue();

        f.vm.profile().vaultProperty().set(true);
        f.vm.enterReview();

        assertThat(f.backend.previews).isEqualTo(2);
        assertThat(review.preflightStateProperty().get()).isEqualTo(PreflightState.NOT_RUN);
        assertThat(review.validProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a preflight that cannot run says why and is not valid")
    void preflightError() {
        f.targets.backends.put("kind-hub", new FakeBackend(f.clock) {
            @Override
            public PreflightReport preflight(
                    dev.backstack.panel.model.install.InstallProfile p,
                    dev.backstack.panel.model.install.Credentials c) {
                throw new IllegalStateException("the API server did not answer");
            }
        });
        f.vm.target().select("prod-east");
        f.vm.target().select("kind-hub");
        f.vm.enterReview();

        review.runPreflight();

        assertThat(review.preflightStateProperty().get()).isEqualTo(PreflightState.ERROR);
        assertThat(review.preflightMessageProperty().get()).contains("the API server did not answer");
        assertThat(review.validProperty().get()).isFalse();
    }
}
