package dev.backstack.panel.views.addon;

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
 * The add-on wizard's window: a ControlsFX {@link Wizard} over the pages of
 * {@link AddonWizardViewModel}, sharing the review, run and summary pages with the other plan
 * wizards. Closing it cancels a running delivery (after asking) and wipes the GitOps token.
 */
public final class AddonWizard {

    private final AddonWizardViewModel vm;
    private final Wizard wizard;
    private final List<WizardPage> pages;

    AddonWizard(Window owner, AddonWizardViewModel vm, Consumer<String> openUrl) {
        this.vm = vm;
        wizard = new Wizard(owner, "Roll out add-ons" + (vm.simulated() ? " (simulated demo fleet)" : ""));
        wizard.setReadSettings(false);
        pages = List.of(
                new AddonChoicePage(vm.choice()),
                new AddonValuesPage(vm.choice(), vm.valuesValidProperty(), vm::enterValues),
                new AddonTargetsPage(vm.targets(), vm::enterTargets),
                new ReviewPage(
                        vm.review(),
                        "Every ApplicationSet (or file) to be delivered, the same objects `addons "
                                + "render` prints, and a preflight of the hub: the spokes each add-on reaches now, permissions "
                                + "and a server-side dry run. Nothing is written until you press Next.",
                        vm::enterReview),
                new RunPage(
                        vm.run(),
                        "Deliver",
                        "Apply each ApplicationSet on the hub (or commit them). Cancel stops "
                                + "safely; Retry resumes; a re-run writes nothing already in place.",
                        vm::enterRun),
                new SummaryPage(
                        vm.summary(),
                        "Delivered. Follow the Applications on the Add-ons tab.",
                        openUrl,
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
    public static AddonWizardViewModel viewModel(AddonBackend backend) {
        return new AddonWizardViewModel(
                backend, new FxTaskExecutor(), Clock.systemDefaultZone(), new SystemClipboard());
    }

    /** Opens the wizard over {@code owner} once the current event is handled. Returns at once; call on the FX thread. */
    public static void show(Window owner, AddonWizardViewModel vm, Consumer<String> openUrl) {
        AddonWizard w = new AddonWizard(owner, vm, openUrl);
        FxThread.later(w::showAndWait);
    }

    private void showAndWait() {
        WizardWindows.showAndWait(wizard, pages, vm::close);
    }

    Wizard wizard() {
        return wizard;
    }
}
