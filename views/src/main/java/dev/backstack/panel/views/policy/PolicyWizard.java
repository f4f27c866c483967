package dev.backstack.panel.views.policy;

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
 * The policy wizard's window: a ControlsFX {@link Wizard} over the pages of
 * {@link PolicyWizardViewModel}. Closing it cancels a running delivery (after asking) and wipes
 * the GitOps token.
 */
public final class PolicyWizard {

    private final PolicyWizardViewModel vm;
    private final Wizard wizard;
    private final List<WizardPage> pages;

    PolicyWizard(Window owner, PolicyWizardViewModel vm, Consumer<String> openUrl) {
        this.vm = vm;
        wizard = new Wizard(owner, "Deliver Kyverno policies" + (vm.simulated() ? " (simulated demo fleet)" : ""));
        wizard.setReadSettings(false);
        pages = List.of(
                new CatalogPage(vm.catalog()),
                new ParametersPage(vm.parameters(), vm::enterParameters),
                new TargetsPage(vm.targets(), vm::enterTargets, vm.legacyOfferProperty(), vm::adoptLegacy),
                new ImpactPage(vm.impact(), vm::enterImpact),
                new ReviewPage(
                        vm.review(),
                        "Every object (or file) to be delivered, and a preflight of each cluster: "
                                + "its Kyverno, legacy policies it no longer runs, permissions, a server-side dry run and the "
                                + "Enforce impact. Nothing is written until you press Next.",
                        vm::enterReview),
                new RunPage(
                        vm.run(),
                        "Deliver",
                        "Each cluster in turn: apply, then wait until Kyverno reports the policy "
                                + "ready. Cancel stops safely; Retry resumes.",
                        vm::enterRun),
                new SummaryPage(
                        vm.summary(), "Delivered. Watch compliance on the dashboard.", openUrl, vm::enterSummary));
        wizard.setFlow(new PageFlow(pages));
        WizardWindows.guardClose(
                wizard,
                () -> vm.run().runningProperty().get(),
                "Stop delivering and close?",
                "The delivery stops safely at the current step. Open the wizard again with the same choices to resume.",
                vm::cancelRunning);
    }

    /** A view-model for the app: FX-thread callbacks, the system clock and clipboard. */
    public static PolicyWizardViewModel viewModel(PolicyBackend backend) {
        return new PolicyWizardViewModel(
                backend, new FxTaskExecutor(), Clock.systemDefaultZone(), new SystemClipboard());
    }

    /** Opens the wizard over {@code owner} once the current event is handled. Returns at once; call on the FX thread. */
    public static void show(Window owner, PolicyWizardViewModel vm, Consumer<String> openUrl) {
        PolicyWizard w = new PolicyWizard(owner, vm, openUrl);
        FxThread.later(w::showAndWait);
    }

    private void showAndWait() {
        WizardWindows.showAndWait(wizard, pages, vm::close);
    }

    Wizard wizard() {
        return wizard;
    }
}
