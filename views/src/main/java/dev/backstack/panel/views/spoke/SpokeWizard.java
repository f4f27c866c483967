package dev.backstack.panel.views.spoke;

import dev.backstack.panel.views.fx.FxThread;
import dev.backstack.panel.views.task.FxTaskExecutor;
import dev.backstack.panel.views.wizard.PageFlow;
import dev.backstack.panel.views.wizard.ReviewPage;
import dev.backstack.panel.views.wizard.RunPage;
import dev.backstack.panel.views.wizard.SummaryPage;
import dev.backstack.panel.views.wizard.SystemClipboard;
import dev.backstack.panel.views.wizard.WizardPage;
import dev.backstack.panel.views.wizard.WizardWindows;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;

/**
 * The spoke wizard's window: a ControlsFX {@link Wizard} over the pages of
 * {@link SpokeWizardViewModel}. The summary's "follow in the lineage view" link calls
 * {@code followInLineage} with the spoke's name; other links open in the browser. Closing it
 * cancels a running delivery (after asking) and wipes the GitOps token.
 */
public final class SpokeWizard {

    private final SpokeWizardViewModel vm;
    private final Wizard wizard;
    private final List<WizardPage> pages;

    SpokeWizard(Window owner, SpokeWizardViewModel vm, Consumer<String> openUrl, Consumer<String> followInLineage) {
        this.vm = vm;
        wizard = new Wizard(owner, "Add a spoke cluster" + (vm.simulated() ? " (simulated demo fleet)" : ""));
        wizard.setReadSettings(false);
        Consumer<String> links = url -> {
            if (url.startsWith(SpokeWizardViewModel.LINEAGE_LINK)) {
                followInLineage.accept(url.substring(SpokeWizardViewModel.LINEAGE_LINK.length()));
                wizard.getDialog().close();
            } else {
                openUrl.accept(url);
            }
        };
        pages = List.of(
                new SpokePage(vm.form()),
                new ReviewPage(
                        vm.review(),
                        "The claim (or file, or registration objects) to be delivered, and a "
                                + "preflight on the hub: the claim against the API, each guardrail policy, permissions and a "
                                + "server-side dry run. Nothing is written until you press Next.",
                        vm::enterReview),
                new RunPage(
                        vm.run(),
                        "Deliver",
                        "Applies the claim on the hub, commits it to the GitOps repository, or "
                                + "registers the cluster. Cancel stops safely; Retry resumes.",
                        vm::enterRun),
                new SummaryPage(
                        vm.summary(),
                        "Requested. Follow the spoke in the lineage view as it comes up.",
                        links,
                        vm::enterSummary));
        wizard.setFlow(new PageFlow(pages));
        WizardWindows.guardClose(
                wizard,
                () -> vm.run().runningProperty().get(),
                "Stop delivering and close?",
                "The delivery stops safely at the current step. Open the wizard again with the same choices to resume.",
                vm::cancelRunning);
    }

    /** A view-model for the app: FX-thread callbacks, the system clock and clipboard. */
    public static SpokeWizardViewModel viewModel(SpokeBackend backend) {
        return new SpokeWizardViewModel(
                backend, new FxTaskExecutor(), Clock.systemDefaultZone(), new SystemClipboard());
    }

    /**
     * Opens the wizard over {@code owner} once the current event is handled. Returns at once; call on
     * the FX thread.
     *
     * @param followInLineage called with the spoke's name when the user follows it in the lineage view
     */
    public static void show(
            Window owner, SpokeWizardViewModel vm, Consumer<String> openUrl, Consumer<String> followInLineage) {
        SpokeWizard w = new SpokeWizard(owner, vm, openUrl, followInLineage);
        FxThread.later(w::showAndWait);
    }

    private void showAndWait() {
        WizardWindows.showAndWait(wizard, pages, vm::close);
    }

    Wizard wizard() {
        return wizard;
    }
}
