package dev.backstack.panel.views.install;

import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.InstallOutputs;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.views.task.TaskExecutor;
import dev.backstack.panel.views.wizard.ReviewViewModel;
import dev.backstack.panel.views.wizard.RunViewModel;
import dev.backstack.panel.views.wizard.SummaryViewModel;
import dev.backstack.panel.views.wizard.TextClipboard;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;

/**
 * The install wizard: target, profile, credentials, review with preflight, run, summary. Holds
 * one view-model per page and wires them to the {@link InstallBackend} of the chosen target.
 * Every call that may block runs through the {@link TaskExecutor}. No scene-graph code; call on
 * the FX thread.
 */
public final class InstallWizardViewModel {

    private final TaskExecutor executor;
    private final TargetViewModel target;
    private final ProfileViewModel profile;
    private final CredentialsViewModel credentials = new CredentialsViewModel();
    private final ReviewViewModel review;
    private final RunViewModel run;
    private final SummaryViewModel summary;
    private Object reviewedInputs;
    private Object ranInputs;

    public InstallWizardViewModel(InstallTargets targets, TaskExecutor executor, Clock clock, TextClipboard clipboard) {
        this(targets, InstallProfile.defaults(), executor, clock, clipboard);
    }

    public InstallWizardViewModel(
            InstallTargets targets,
            InstallProfile initial,
            TaskExecutor executor,
            Clock clock,
            TextClipboard clipboard) {
        this.executor = executor;
        this.target = new TargetViewModel(targets, executor);
        this.profile = new ProfileViewModel(initial);
        this.review = new ReviewViewModel(executor);
        this.run = new RunViewModel(executor, clock);
        this.summary = new SummaryViewModel(executor, clipboard);
        credentials.clusterTypeProperty().bind(profile.clusterTypeProperty());
    }

    /** What the review, the run and the summary are computed from; never shows a secret. */
    private Object inputs() {
        return List.of(
                Objects.requireNonNullElse(target.selectedProperty().get(), ""),
                System.identityHashCode(target.backendProperty().get()),
                profile.profile(),
                credentials.revisionProperty().get());
    }

    /** Entering the review page: a new plan preview when anything changed since the last one. */
    public void enterReview() {
        InstallBackend backend = target.backendProperty().get();
        if (backend == null) {
            review.reset();
            reviewedInputs = null;
            return;
        }
        Object now = inputs();
        if (now.equals(reviewedInputs)) {
            return;
        }
        reviewedInputs = now;
        InstallProfile p = profile.profile();
        Credentials c = credentials.credentials();
        review.load(() -> backend.preview(p, c), () -> backend.preflight(p, c));
    }

    /**
     * Entering the run page: starts the install, unless it is running or already succeeded with
     * the same inputs. After a failure, starting again resumes from the failed step.
     */
    public void enterRun() {
        InstallBackend backend = target.backendProperty().get();
        if (backend == null || run.runningProperty().get()) {
            return;
        }
        Object now = inputs();
        if (run.succeededProperty().get() && now.equals(ranInputs)) {
            return;
        }
        ranInputs = now;
        InstallProfile p = profile.profile();
        Credentials c = credentials.credentials();
        List<String> overrides = review.overrides();
        run.start(events -> backend.install(p, c, overrides, events));
    }

    /** Entering the summary page: the web UIs, the next steps, and the password on request. */
    public void enterSummary() {
        InstallBackend backend = target.backendProperty().get();
        if (backend == null) {
            return;
        }
        InstallProfile p = profile.profile();
        InstallOutputs outputs = backend.outputs(p);
        summary.show(
                "The BACK Stack hub is installed on "
                        + target.selectedProperty().get() + ".",
                outputs.links().stream()
                        .map(l -> new SummaryViewModel.Link(l.name(), l.url()))
                        .toList(),
                nextSteps(p));
        summary.offerSecret("Argo CD admin password", backend::adminPassword);
    }

    private static List<String> nextSteps(InstallProfile p) {
        return List.of(
                "Sign in to Argo CD as admin with the password above, then change it (User Info \u2192 Update Password).",
                "Open Backstage and create a spoke cluster from the BACK Stack templates; its claim is committed to "
                        + (p.repository().isEmpty() ? "the GitOps repository" : p.repository()) + ".",
                "Watch the hub's components on the dashboard; a re-run of this wizard changes nothing that is in place.");
    }

    /** Leaving the wizard: stops a running install, wipes secrets, closes the target. */
    public void close() {
        run.cancel();
        credentials.clear();
        summary.hideSecret();
        review.reset();
        target.closeBackend();
        executor.shutdown();
    }

    /** Cancels a running install; returns true when one was running. */
    public boolean cancelRunning() {
        boolean wasRunning = run.runningProperty().get();
        run.cancel();
        return wasRunning;
    }

    public TargetViewModel target() {
        return target;
    }

    public ProfileViewModel profile() {
        return profile;
    }

    public CredentialsViewModel credentials() {
        return credentials;
    }

    public ReviewViewModel review() {
        return review;
    }

    public RunViewModel run() {
        return run;
    }

    public SummaryViewModel summary() {
        return summary;
    }

    /** Valid when the run succeeded: the summary page may open. */
    public BooleanBinding runSucceededProperty() {
        return run.succeededProperty();
    }
}
