package dev.backstack.panel.views.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.StepState;
import dev.backstack.panel.views.wizard.RunViewModel;
import dev.backstack.panel.views.wizard.StepRow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunPageTest {

    private final WizardFixture f = new WizardFixture().reviewed();
    private final RunViewModel run = f.vm.run();

    private StepRow row(String id) {
        return run.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("run events update each step's state, sub-status, elapsed time against its budget, and log")
    void eventsUpdateStepRows() {
        f.backend.script = (emit, attempt) -> {
            emit.started(List.of());
            assertThat(run.rows()).extracting(StepRow::id).containsExactly("namespaces", "crossplane", "hub");
            assertThat(row("hub").elapsedProperty().get()).isEqualTo("budget 20:00");

            emit.changed("namespaces", StepState.APPLYING);
            f.clock.advance(Duration.ofSeconds(12));
            emit.status("namespaces", "Namespace argocd Active");
            run.tick();
            assertThat(row("namespaces").stateProperty().get()).isEqualTo(StepState.APPLYING);
            assertThat(row("namespaces").subStatusProperty().get()).isEqualTo("Namespace argocd Active");
            assertThat(row("namespaces").elapsedProperty().get()).isEqualTo("0:12 / 0:30");
            assertThat(run.runningProperty().get()).isTrue();
            assertThat(run.selectedProperty().get().id()).isEqualTo("namespaces");

            f.clock.advance(Duration.ofSeconds(30));
            run.tick();
            assertThat(row("namespaces").overBudgetProperty().get()).isTrue();
            emit.finished("namespaces", StepState.DONE, "done in 42s");

            emit.changed("crossplane", StepState.APPLYING);
            emit.changed("crossplane", StepState.WAITING);
            f.clock.advance(Duration.ofSeconds(65));
            emit.status("crossplane", "Deployment crossplane 1/1 ready");
            emit.finished("crossplane", StepState.DONE, "done in 1m 5s");
            emit.changed("hub", StepState.APPLYING);
            emit.finished("hub", StepState.UNCHANGED, "already in place; nothing written");
            return emit.planFinished(PlanOutcome.SUCCEEDED, "2 steps applied, 1 already in place.");
        };

        f.vm.enterRun();

        assertThat(row("namespaces").elapsedProperty().get()).isEqualTo("0:42 / 0:30");
        assertThat(row("crossplane").stateProperty().get()).isEqualTo(StepState.DONE);
        assertThat(row("crossplane").elapsedProperty().get()).isEqualTo("1:05 / 5:00");
        assertThat(row("crossplane").overBudgetProperty().get()).isFalse();
        assertThat(row("crossplane").log())
                .containsExactly(
                        "10:00:42  applying",
                        "10:00:42  applied; waiting until ready",
                        "10:01:47  Deployment crossplane 1/1 ready",
                        "10:01:47  done: done in 1m 5s");
        assertThat(row("hub").stateProperty().get()).isEqualTo(StepState.UNCHANGED);
        assertThat(run.summaryProperty().get()).isEqualTo("2 steps applied, 1 already in place.");
        assertThat(run.succeededProperty().get()).isTrue();
        assertThat(run.canRetryProperty().get()).isFalse();
        assertThat(f.backend.credentialsSeen.get(0).githubToken().reveal()).isEqualTo(WizardFixture.TOKEN);
    }

    @Test
    @DisplayName("a failed step shows its reason and hint, and retry calls install again to resume from it")
    void failureShowsReasonAndRetryResumes() {
        f.backend.script = (emit, attempt) -> {
            if (attempt == 1) {
                emit.started(List.of());
                emit.changed("namespaces", StepState.APPLYING);
                emit.finished("namespaces", StepState.DONE, "done in 1s");
                emit.changed("crossplane", StepState.APPLYING);
                emit.status("crossplane", "waiting for Deployment crossplane-system/crossplane");
                emit.failed(
                        "crossplane",
                        "Deployment crossplane-system/crossplane: ImagePullBackOff",
                        "Check that the cluster can pull from xpkg.upbound.io, or use a chart mirror.");
                return emit.planFinished(PlanOutcome.FAILED, "Stopped at step [crossplane].");
            }
            emit.started(List.of("namespaces"));
            assertThat(row("namespaces").subStatusProperty().get()).isEqualTo("done in an earlier run; checked again");
            assertThat(row("crossplane").stateProperty().get()).isEqualTo(StepState.PENDING);
            emit.changed("namespaces", StepState.APPLYING);
            emit.finished("namespaces", StepState.UNCHANGED, "already in place");
            emit.changed("crossplane", StepState.APPLYING);
            emit.finished("crossplane", StepState.DONE, "done in 3s");
            emit.changed("hub", StepState.APPLYING);
            emit.finished("hub", StepState.DONE, "done in 9s");
            return emit.planFinished(PlanOutcome.SUCCEEDED, "2 steps applied, 1 already in place.");
        };

        f.vm.enterRun();

        assertThat(run.outcomeProperty().get()).isEqualTo(PlanOutcome.FAILED);
        assertThat(row("crossplane").stateProperty().get()).isEqualTo(StepState.FAILED);
        assertThat(row("crossplane").reasonProperty().get()).contains("ImagePullBackOff");
        assertThat(row("crossplane").hintProperty().get()).startsWith("Check that the cluster can pull");
        assertThat(row("hub").stateProperty().get()).isEqualTo(StepState.BLOCKED);
        assertThat(run.failureProperty().get())
                .isEqualTo(
                        "Install Crossplane 2.3.4 failed: Deployment crossplane-system/crossplane: ImagePullBackOff");
        assertThat(run.failureHintProperty().get()).contains("chart mirror");
        assertThat(run.selectedProperty().get().id()).isEqualTo("crossplane");
        assertThat(run.canRetryProperty().get()).isTrue();
        assertThat(run.succeededProperty().get()).isFalse();

        run.retry();

        assertThat(f.backend.installs).isEqualTo(2);
        assertThat(run.succeededProperty().get()).isTrue();
        assertThat(run.failureProperty().get()).isEmpty();
        assertThat(run.canRetryProperty().get()).isFalse();
        assertThat(row("crossplane").log()).contains("--- run again ---");
        assertThat(row("crossplane").reasonProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("cancel interrupts the install's thread; the run ends cancelled and can be resumed")
    void cancelInterruptsTheRun() {
        f.backend.script = (emit, attempt) -> {
            emit.started(List.of());
            emit.changed("namespaces", StepState.APPLYING);
            run.cancel();
            assertThat(run.cancellingProperty().get()).isTrue();
            assertThat(Thread.currentThread().isInterrupted())
                    .as("the worker was interrupted")
                    .isTrue();
            Thread.interrupted();
            emit.finished("namespaces", StepState.CANCELLED, "cancelled by the user");
            emit.finished("crossplane", StepState.CANCELLED, "not run");
            emit.finished("hub", StepState.CANCELLED, "not run");
            return emit.planFinished(PlanOutcome.CANCELLED, "Cancelled at step [namespaces]; run again to resume.");
        };

        f.vm.enterRun();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(run.outcomeProperty().get()).isEqualTo(PlanOutcome.CANCELLED);
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.cancellingProperty().get()).isFalse();
        assertThat(row("namespaces").stateProperty().get()).isEqualTo(StepState.CANCELLED);
        assertThat(run.failureProperty().get()).isEqualTo("Cancelled.");
        assertThat(run.canRetryProperty().get()).isTrue();
    }

    @Test
    @DisplayName("an install that throws ends as a failure that can be retried, with running steps marked failed")
    void installThatThrows() {
        f.backend.script = (emit, attempt) -> {
            emit.started(List.of());
            emit.changed("namespaces", StepState.APPLYING);
            throw new IllegalStateException("connection reset");
        };

        f.vm.enterRun();

        assertThat(run.outcomeProperty().get()).isEqualTo(PlanOutcome.FAILED);
        assertThat(run.failureProperty().get()).contains("connection reset");
        assertThat(row("namespaces").stateProperty().get()).isEqualTo(StepState.FAILED);
        assertThat(run.canRetryProperty().get()).isTrue();
    }

    @Test
    @DisplayName("entering the run page again after success does not install again, unless the inputs changed")
    void enteringAgain() {
        f.vm.enterRun();
        f.vm.enterRun();
        assertThat(f.backend.installs).isEqualTo(1);

        f.vm.profile().vaultProperty().set(true);
        f.vm.enterRun();
        assertThat(f.backend.installs).isEqualTo(2);
    }

    @Test
    @DisplayName("plan-level statuses, such as an unsaved journal, are shown as notices")
    void planNotices() {
        f.backend.script = (emit, attempt) -> {
            emit.started(List.of());
            emit.status(null, "journal not saved (forbidden); the plan goes on, but a resume may repeat steps");
            return emit.succeedAll();
        };
        f.vm.enterRun();
        assertThat(run.notices()).singleElement().asString().startsWith("journal not saved");
    }
}
