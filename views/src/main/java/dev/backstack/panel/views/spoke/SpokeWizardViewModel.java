package dev.backstack.panel.views.spoke;

import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import dev.backstack.panel.views.task.TaskExecutor;
import dev.backstack.panel.views.wizard.ReviewViewModel;
import dev.backstack.panel.views.wizard.RunViewModel;
import dev.backstack.panel.views.wizard.SummaryViewModel;
import dev.backstack.panel.views.wizard.TextClipboard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The spoke wizard: the spoke (kind, fields, guardrails), review with preflight, run, summary
 * with "follow it in the lineage view". The same {@link SpokeBackend} calls as the {@code spoke}
 * command. The request is read from the form when a page is entered, so going back and changing
 * anything recomputes what follows. No scene-graph code; call on the FX thread.
 */
public final class SpokeWizardViewModel {

    /** The link the summary offers to follow the new spoke: {@code lineage:<spoke>}. */
    public static final String LINEAGE_LINK = "lineage:";

    private final SpokeBackend backend;
    private final TaskExecutor executor;
    private final SpokeFormViewModel form;
    private final ReviewViewModel review;
    private final RunViewModel run;
    private final SummaryViewModel summary;
    private final AtomicReference<SpokeService.Delivered> delivered = new AtomicReference<>();
    private Object reviewedFor;
    private Object ranFor;

    public SpokeWizardViewModel(SpokeBackend backend, TaskExecutor executor, Clock clock, TextClipboard clipboard) {
        this.backend = backend;
        this.executor = executor;
        this.form = new SpokeFormViewModel(backend, executor);
        this.review = new ReviewViewModel(executor);
        this.run = new RunViewModel(executor, clock);
        this.summary = new SummaryViewModel(executor, clipboard);
    }

    /** What the form asks for: a {@link SpokeRequest} or a {@link Registration}. */
    private Object choice() {
        return form.registers() ? form.registration() : form.request();
    }

    /** Entering the review page: a new preview (and the preflight on request) when the choice changed. */
    public void enterReview() {
        Object c = choice();
        if (c.equals(reviewedFor) && review.previewProperty().get() != null) {
            return;
        }
        reviewedFor = c;
        if (c instanceof Registration reg) {
            review.load(() -> backend.preview(reg), () -> backend.preflight(reg));
        } else {
            SpokeRequest r = (SpokeRequest) c;
            SecretText token = form.tokenProperty().get();
            review.load(() -> backend.preview(r, token), () -> backend.preflight(r, token));
        }
    }

    /** Entering the run page: delivers, unless it is running or already delivered this same choice. */
    public void enterRun() {
        Object c = choice();
        if (run.runningProperty().get() || run.succeededProperty().get() && Objects.equals(c, ranFor)) {
            return;
        }
        ranFor = c;
        List<String> overrides = review.overrides();
        delivered.set(null);
        if (c instanceof Registration reg) {
            run.start(events -> backend.register(reg, overrides, events));
        } else {
            SpokeRequest r = (SpokeRequest) c;
            SecretText token = form.tokenProperty().get();
            run.start(events -> {
                SpokeService.Delivered d = backend.run(r, token, overrides, events);
                delivered.set(d);
                return d.outcome();
            });
        }
    }

    /** Entering the summary: what was requested, the pull request, and where to follow the spoke. */
    public void enterSummary() {
        Object c = ranFor;
        if (c == null) {
            return;
        }
        List<SummaryViewModel.Link> links = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        String headline;
        if (c instanceof Registration reg) {
            headline = (run.outcomeProperty().get() == PlanOutcome.UNCHANGED
                            ? reg.name() + " was already registered"
                            : reg.name() + " is registered")
                    + " with Argo CD on " + backend.hub() + " as a spoke, with the "
                    + "token of ServiceAccount " + reg.namespace() + "/" + reg.serviceAccount() + ".";
            links.add(new SummaryViewModel.Link(
                    "Follow " + reg.name() + " in the lineage view", LINEAGE_LINK + reg.name()));
            steps.add("The ApplicationSets selecting clusterType: spoke now generate its add-ons (Kyverno and its "
                    + "policies); the lineage view shows them arriving.");
            steps.add("To reach it in the panel too, add its context as a spoke (Clusters\u2026).");
        } else {
            SpokeRequest r = (SpokeRequest) c;
            SpokeService.Delivered d = delivered.get();
            d.commit()
                    .flatMap(x -> x.pullRequestUrl())
                    .ifPresent(u -> links.add(new SummaryViewModel.Link("Pull request", u)));
            links.add(new SummaryViewModel.Link("Follow " + r.id() + " in the lineage view", LINEAGE_LINK + r.id()));
            if (r.delivery() == SpokeRequest.Delivery.GITOPS) {
                headline = d.commit()
                        .map(x -> x.summary())
                        .orElse("The claim is committed to " + r.gitops().repository() + ".");
                steps.add(
                        "Open the pull request, have it reviewed and merge it: the hub's clusters-from-hub Application "
                                + "syncs demo/clusters and the claim reaches the hub.");
            } else {
                headline = r.kind().claimKind() + " " + r.id()
                        + (d.outcome() == PlanOutcome.UNCHANGED ? " was already requested on " : " is requested on ")
                        + backend.hub() + ".";
            }
            steps.add("Crossplane composes the cluster (managed resources turn Ready one by one), publishes its "
                    + "kubeconfig, and the hub's registration policy registers it with Argo CD: follow each link in the "
                    + "lineage view, where the first broken one is highlighted.");
        }
        summary.show(headline, links, steps);
    }

    /** Leaving the wizard: stops a running delivery and wipes the token. */
    public void close() {
        run.cancel();
        form.clear();
        review.reset();
        executor.shutdown();
        backend.close();
    }

    public boolean cancelRunning() {
        boolean wasRunning = run.runningProperty().get();
        run.cancel();
        return wasRunning;
    }

    public boolean simulated() {
        return backend.simulated();
    }

    public SpokeFormViewModel form() {
        return form;
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
}
