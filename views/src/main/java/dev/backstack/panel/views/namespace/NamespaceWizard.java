package dev.backstack.panel.views.namespace;

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
 * The namespace wizard's window: a ControlsFX {@link Wizard} over the pages of
 * {@link NamespaceWizardViewModel}. Closing it cancels a running delivery (after asking) and
 * wipes the GitOps token.
 */
public final class NamespaceWizard {

    private final NamespaceWizardViewModel vm;
    private final Wizard wizard;
    private final List<WizardPage> pages;

    NamespaceWizard(Window owner, NamespaceWizardViewModel vm, Consumer<String> openUrl) {
        this.vm = vm;
        wizard = new Wizard(owner, "Hand out a namespace" + (vm.simulated() ? " (simulated demo fleet)" : ""));
        wizard.setReadSettings(false);
        pages = List.of(
                new TargetPage(vm.target()),
                new QuotaPage(vm.quota()),
                new GuardrailsPage(vm.guardrails(), vm::enterGuardrails),
                new ReviewPage(
                        vm.review(),
                        "Every object (or file) to be delivered, as namespace render prints it, "
                                + "and a preflight of the spoke: its Kyverno, permissions, a server-side dry run, an existing "
                                + "namespace of that name. Nothing is written until you press Next.",
                        vm::enterReview),
                new RunPage(
                        vm.run(),
                        "Deliver",
                        "The namespace, its quota, defaults, access and isolation, then each "
                                + "policy until Kyverno reports it ready. Cancel stops safely; Retry resumes.",
                        vm::enterRun),
                new SummaryPage(vm.summary(), "Delivered. Tell the team.", openUrl, vm::enterSummary));
        wizard.setFlow(new PageFlow(pages));
        WizardWindows.guardClose(
                wizard,
                () -> vm.run().runningProperty().get(),
                "Stop delivering and close?",
                "The delivery stops safely at the current step. Open the wizard again with the same choices to resume.",
                vm::cancelRunning);
    }

    /** A view-model for the app: FX-thread callbacks, the system clock and clipboard. */
    public static NamespaceWizardViewModel viewModel(NamespaceBackend backend) {
        return new NamespaceWizardViewModel(
                backend, new FxTaskExecutor(), Clock.systemDefaultZone(), new SystemClipboard());
    }

    /** Opens the wizard over {@code owner} once the current event is handled. Returns at once; call on the FX thread. */
    public static void show(Window owner, NamespaceWizardViewModel vm, Consumer<String> openUrl) {
        NamespaceWizard w = new NamespaceWizard(owner, vm, openUrl);
        FxThread.later(w::showAndWait);
    }

    private void showAndWait() {
        WizardWindows.showAndWait(wizard, pages, vm::close);
    }

    Wizard wizard() {
        return wizard;
    }
}
