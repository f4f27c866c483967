package dev.backstack.panel.views.install;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The install wizard's window: a ControlsFX {@link Wizard} over the pages of
 * {@link InstallWizardViewModel}. Open it with {@link #show}; closing it cancels a running
 * install (after asking), wipes the credentials and closes the target.
 */
public final class InstallWizard {

    private static final Logger LOG = LoggerFactory.getLogger(InstallWizard.class);

    private final InstallWizardViewModel vm;
    private final Wizard wizard;
    private final List<WizardPage> pages;

    InstallWizard(Window owner, InstallWizardViewModel vm, Consumer<String> openUrl) {
        this.vm = vm;
        wizard = new Wizard(owner, "Install a BACK Stack hub");
        wizard.setReadSettings(false);
        pages = List.of(
                new TargetPage(vm.target()),
                new ProfilePage(vm.profile()),
                new CredentialsPage(vm.credentials()),
                new ReviewPage(
                        vm.review(),
                        "What the install will do, step by step, and a preflight of the cluster. "
                                + "Nothing is written until you press Next, which starts the install.",
                        vm::enterReview),
                new RunPage(
                        vm.run(),
                        "Install",
                        "The plan runs step by step and waits until each step is ready. "
                                + "Cancel stops safely; Retry resumes from the step that failed.",
                        vm::enterRun),
                new SummaryPage(
                        vm.summary(),
                        "The hub is up. Sign in, then create your first spoke cluster.",
                        openUrl,
                        vm::enterSummary));
        wizard.setFlow(new PageFlow(pages));
        WizardWindows.guardClose(
                wizard,
                () -> vm.run().runningProperty().get(),
                "Stop the install and close?",
                "The install stops safely at the current step. Open the wizard again and run it to resume from there.",
                vm::cancelRunning);
    }

    /** A view-model for the app: FX-thread callbacks, the system clock and clipboard. */
    public static InstallWizardViewModel viewModel(InstallTargets targets) {
        return new InstallWizardViewModel(
                targets, new FxTaskExecutor(), Clock.systemDefaultZone(), new SystemClipboard());
    }

    /**
     * Opens the wizard over {@code owner} once the current event is handled (ControlsFX's wizard
     * can only block in {@code showAndWait}, which must not run inside a layout or animation
     * pass). Returns at once. Call on the FX thread.
     */
    public static void show(Window owner, InstallWizardViewModel vm, Consumer<String> openUrl) {
        InstallWizard w = new InstallWizard(owner, vm, openUrl);
        FxThread.later(w::showAndWait);
    }

    /** As {@link #show(Window, InstallWizardViewModel, Consumer)}, with links copied nowhere. */
    public static void show(Window owner, InstallWizardViewModel vm) {
        show(owner, vm, url -> LOG.info("open {}", url));
    }

    private void showAndWait() {
        WizardWindows.showAndWait(wizard, pages, vm::close);
    }

    /** The ControlsFX wizard (for UI tests and screenshots). */
    Wizard wizard() {
        return wizard;
    }
}
