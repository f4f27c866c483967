package dev.backstack.panel.views.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddonActionsViewModelTest {

    private final List<String> sent = new ArrayList<>();
    private final List<List<ActionProgress.State>> seenWhileSending = new ArrayList<>();
    private AddonActionsViewModel vm;

    private AddonActionsViewModel vm(ActionResult.Outcome outcome) {
        vm = new AddonActionsViewModel(
                (action, ns, name) -> {
                    sent.add(action + " " + ns + "/" + name);
                    seenWhileSending.add(
                            vm.results().stream().map(ActionProgress::state).toList());
                    return new ActionResult(
                            ns,
                            name,
                            action,
                            name.contains("broken") ? ActionResult.Outcome.FAILED : outcome,
                            name.contains("broken")
                                    ? "Sync of Application argocd/" + name + " failed: forbidden"
                                    : "requested");
                },
                new CurrentThreadTaskExecutor(),
                Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), ZoneOffset.UTC));
        return vm;
    }

    private static ApplicationStatus app(String name, String phase) {
        return new ApplicationStatus(
                "argocd",
                name,
                "default",
                Health.DEGRADED,
                "crash",
                "Synced",
                phase,
                "boom",
                2,
                "https://x",
                null,
                "kyverno",
                false);
    }

    @Test
    void theConfirmationNamesEveryApplicationAndWhatArgoCdWillDo() {
        var r = vm(ActionResult.Outcome.DONE)
                .request(
                        ApplicationAction.SYNC,
                        List.of(app("spoke-2-kyverno", "Failed"), app("spoke-2-cert-manager", "Succeeded")))
                .orElseThrow();
        assertThat(r.title()).isEqualTo("Sync 2 Applications");
        assertThat(r.question())
                .contains("argocd/spoke-2-kyverno", "argocd/spoke-2-cert-manager", "backstack-panel", ".operation");
        assertThat(sent).as("nothing is sent before the confirmation").isEmpty();
    }

    @Test
    void aRetryGoesOnlyToFailedSyncsAndSaysWhichItSkips() {
        var r = vm(ActionResult.Outcome.DONE)
                .request(
                        ApplicationAction.RETRY,
                        List.of(app("spoke-2-kyverno", "Failed"), app("spoke-2-cert-manager", "Succeeded")))
                .orElseThrow();
        assertThat(r.applications()).extracting(ApplicationStatus::name).containsExactly("spoke-2-kyverno");
        assertThat(r.question()).contains("Not sent to", "spoke-2-cert-manager (last sync Succeeded");

        assertThat(vm.request(ApplicationAction.RETRY, List.of(app("spoke-1-kyverno", "Succeeded"))))
                .isEmpty();
        assertThat(vm.statusProperty().get()).contains("nothing to send", "spoke-1-kyverno", "use Sync");
        assertThat(vm.request(ApplicationAction.SYNC, List.of())).isEmpty();
        assertThat(vm.statusProperty().get()).contains("choose a cell");
    }

    @Test
    void eachApplicationIsPendingUntilTheHubAnswersThenShowsTheAnswer() {
        vm(ActionResult.Outcome.DONE);
        vm.run(vm.request(
                        ApplicationAction.RETRY,
                        List.of(app("spoke-2-kyverno", "Failed"), app("spoke-3-broken", "Error")))
                .orElseThrow());

        assertThat(sent).containsExactly("RETRY argocd/spoke-2-kyverno", "RETRY argocd/spoke-3-broken");
        assertThat(seenWhileSending.get(0)).containsExactly(ActionProgress.State.PENDING, ActionProgress.State.PENDING);
        assertThat(seenWhileSending.get(1)).containsExactly(ActionProgress.State.DONE, ActionProgress.State.PENDING);
        assertThat(vm.results())
                .extracting(ActionProgress::state)
                .containsExactly(ActionProgress.State.DONE, ActionProgress.State.FAILED);
        assertThat(vm.results().get(1).line()).contains("Retry spoke-3-broken: failed", "forbidden");
        assertThat(vm.statusProperty().get())
                .isEqualTo("Retry: 1 of 2 sent, 1 failed \u2014 the cells follow Argo CD's progress");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aRefusalIsShownAsRefused() {
        vm(ActionResult.Outcome.REFUSED);
        vm.run(vm.request(ApplicationAction.SYNC, List.of(app("spoke-2-kyverno", "Running")))
                .orElseThrow());
        assertThat(vm.results())
                .singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(ActionProgress.State.REFUSED));
        assertThat(vm.statusProperty().get()).isEqualTo("Sync: 0 of 1 sent, 1 refused");
    }

    @Test
    void onlyTheNewestResultsAreKept() {
        vm(ActionResult.Outcome.DONE);
        for (int i = 0; i < AddonActionsViewModel.KEEP + 5; i++) {
            vm.run(vm.request(ApplicationAction.REFRESH, List.of(app("spoke-" + i + "-kyverno", null)))
                    .orElseThrow());
        }
        assertThat(vm.results()).hasSize(AddonActionsViewModel.KEEP);
        assertThat(vm.results().get(vm.results().size() - 1).application())
                .isEqualTo("spoke-" + (AddonActionsViewModel.KEEP + 4) + "-kyverno");
    }
}
