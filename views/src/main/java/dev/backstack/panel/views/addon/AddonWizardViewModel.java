package dev.backstack.panel.views.addon;

import dev.backstack.panel.installer.addon.AddonService;
import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.views.task.TaskExecutor;
import dev.backstack.panel.views.wizard.ReviewViewModel;
import dev.backstack.panel.views.wizard.RunViewModel;
import dev.backstack.panel.views.wizard.SummaryViewModel;
import dev.backstack.panel.views.wizard.TextClipboard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * The add-on wizard: add-ons, values, spokes and delivery, review with preflight, run, summary.
 * One view-model per page, wired to the {@link AddonBackend}; every blocking call runs through the
 * {@link TaskExecutor}. The request is rebuilt from the pages' inputs when a page is entered, so
 * going back and changing anything recomputes what follows. No scene-graph code; call on the FX
 * thread.
 */
public final class AddonWizardViewModel {

    private final AddonBackend backend;
    private final TaskExecutor executor;
    private final AddonChoiceViewModel choice;
    private final AddonTargetsViewModel targets;
    private final ReviewViewModel review;
    private final RunViewModel run;
    private final SummaryViewModel summary;
    private final BooleanBinding valuesValid;
    private final AtomicReference<AddonService.Delivered> delivered = new AtomicReference<>();
    private AddonRequest reviewedFor;
    private AddonRequest ranFor;

    public AddonWizardViewModel(AddonBackend backend, TaskExecutor executor, Clock clock, TextClipboard clipboard) {
        this.backend = backend;
        this.executor = executor;
        this.choice = new AddonChoiceViewModel(backend.catalog());
        this.targets = new AddonTargetsViewModel(backend, executor);
        this.review = new ReviewViewModel(executor);
        this.run = new RunViewModel(executor, clock);
        this.summary = new SummaryViewModel(executor, clipboard);
        this.valuesValid =
                Bindings.createBooleanBinding(() -> choice.formsValidProperty().get(), choice.formsValidProperty());
    }

    public void enterValues() {
        choice.enterValues();
    }

    public void enterTargets() {
        targets.enter(choice.forms().stream()
                .map(f -> AddonSelection.ofDefaults(f.entry()))
                .toList());
    }

    /** The request the pages make now. */
    public AddonRequest request() {
        return targets.request(choice.forms());
    }

    /** Entering the review page: a new preview (and preflight on request) when the request changed. */
    public void enterReview() {
        AddonRequest r = request();
        if (r.equals(reviewedFor) && review.previewProperty().get() != null) {
            return;
        }
        reviewedFor = r;
        SecretText token = targets.token();
        review.load(() -> backend.preview(r, token), () -> backend.preflight(r, token));
    }

    /** Entering the run page: delivers, unless it is running or already delivered this same request. */
    public void enterRun() {
        AddonRequest r = request();
        if (run.runningProperty().get() || run.succeededProperty().get() && r.equals(ranFor)) {
            return;
        }
        ranFor = r;
        SecretText token = targets.token();
        List<String> overrides = review.overrides();
        run.start(events -> {
            AddonService.Delivered d = backend.run(r, token, overrides, events);
            delivered.set(d);
            return d.outcome();
        });
    }

    /** Entering the summary: where the ApplicationSets went, the pull request, and what to watch next. */
    public void enterSummary() {
        AddonRequest r = ranFor;
        AddonService.Delivered d = delivered.get();
        if (r == null || d == null) {
            return;
        }
        List<SummaryViewModel.Link> links = new ArrayList<>();
        d.commit()
                .flatMap(c -> c.pullRequestUrl())
                .ifPresent(u -> links.add(new SummaryViewModel.Link("Pull request", u)));
        String ids = String.join(
                ", ", r.selections().stream().map(s -> s.entry().id()).toList());
        String headline = r.delivery() == AddonRequest.Delivery.GITOPS
                ? d.commit()
                        .map(c -> c.summary())
                        .orElse("The ApplicationSets are committed to " + r.repository() + ".")
                : (d.outcome() == PlanOutcome.UNCHANGED
                                ? "The ApplicationSets were already on "
                                : "The ApplicationSets are on ")
                        + backend.hub() + ": " + ids + ".";
        summary.show(headline, links, nextSteps(r));
    }

    static List<String> nextSteps(AddonRequest r) {
        List<String> steps = new ArrayList<>();
        if (r.delivery() == AddonRequest.Delivery.GITOPS) {
            steps.add("Open the pull request, have it reviewed and merge it: the hub's Argo CD then syncs "
                    + "demo/applications and creates the ApplicationSets.");
        }
        steps.add(
                "Each ApplicationSet makes one Application per matching spoke, named <spoke>-<add-on>: follow them on "
                        + "the Add-ons tab (Ctrl+8), where Refresh, Sync and Retry act on a cell or a spoke's row.");
        steps.add("A re-run of this wizard with the same choices changes nothing that is already in place.");
        return steps;
    }

    /** Leaving the wizard: stops a running delivery and wipes the token. */
    public void close() {
        run.cancel();
        targets.clear();
        review.reset();
        executor.shutdown();
    }

    public boolean cancelRunning() {
        boolean wasRunning = run.runningProperty().get();
        run.cancel();
        return wasRunning;
    }

    public boolean simulated() {
        return backend.simulated();
    }

    public Map<String, Integer> waves() {
        return backend.waves();
    }

    public AddonChoiceViewModel choice() {
        return choice;
    }

    public AddonTargetsViewModel targets() {
        return targets;
    }

    public BooleanBinding valuesValidProperty() {
        return valuesValid;
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
