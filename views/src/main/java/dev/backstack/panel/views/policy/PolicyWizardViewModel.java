package dev.backstack.panel.views.policy;

import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.views.task.BackgroundTask;
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
import javafx.beans.binding.BooleanBinding;

/**
 * The policy wizard: catalog, parameters, targets, impact, review with preflight, run, summary.
 * One view-model per page, wired to the {@link PolicyBackend}; every blocking call runs through
 * the {@link TaskExecutor}. The request is rebuilt from the pages' inputs when a page is entered,
 * so going back and changing anything recomputes what follows. No scene-graph code; call on the
 * FX thread.
 */
public final class PolicyWizardViewModel {

    private final PolicyBackend backend;
    private final TaskExecutor executor;
    private final CatalogViewModel catalog;
    private final ParametersViewModel parameters = new ParametersViewModel();
    private final TargetsViewModel targets;
    private final ImpactViewModel impact;
    private final ReviewViewModel review;
    private final RunViewModel run;
    private final SummaryViewModel summary;
    private final AtomicReference<PolicyService.Delivered> delivered = new AtomicReference<>();
    private final javafx.beans.binding.StringBinding legacyOffer;
    private PolicyRequest impactFor;
    private PolicyRequest reviewedFor;
    private PolicyRequest ranFor;

    public PolicyWizardViewModel(PolicyBackend backend, TaskExecutor executor, Clock clock, TextClipboard clipboard) {
        this.backend = backend;
        this.executor = executor;
        this.catalog = new CatalogViewModel(backend.catalog());
        this.targets = new TargetsViewModel(backend, executor);
        this.impact = new ImpactViewModel(executor);
        this.review = new ReviewViewModel(executor);
        this.run = new RunViewModel(executor, clock);
        this.summary = new SummaryViewModel(executor, clipboard);
        legacyOffer = javafx.beans.binding.Bindings.createStringBinding(
                () -> {
                    long n = convertibleLegacy();
                    return n == 0
                            ? ""
                            : "Legacy ClusterPolicies that the target's Kyverno no longer runs have " + n
                                    + " converted ValidatingPolicies in the catalog.";
                },
                targets.factsMap());
        executor.execute(BackgroundTask.wrap(ctx -> {
            backend.warmUp();
            return null;
        }));
    }

    public void enterParameters() {
        parameters.choose(catalog.chosen());
    }

    public void enterTargets() {
        targets.enter();
    }

    private PolicyRequest request() {
        List<PolicySelection> selections = parameters.selections();
        return targets.request(selections);
    }

    /**
     * The converted policies the clusters' legacy ClusterPolicies map to (their Kyverno no longer
     * runs those): checks each catalog entry, with the legacy policy's mode. Returns how many
     * policies were added.
     */
    public int adoptLegacy() {
        Map<String, PolicyMode> modes = new java.util.LinkedHashMap<>();
        targets.facts()
                .values()
                .forEach(f -> f.legacy()
                        .forEach(l -> l.entry()
                                .ifPresent(e -> modes.merge(
                                        e.id(),
                                        PolicyMode.valueOf(l.mode().toUpperCase(java.util.Locale.ROOT)),
                                        (a, b) -> a == PolicyMode.ENFORCE ? a : b))));
        int added = 0;
        for (var e : catalog.entries(modes.keySet())) {
            if (!catalog.checked().contains(e.id())) {
                catalog.setChecked(e, true);
                added++;
            }
        }
        parameters.choose(catalog.chosen());
        parameters.chosen().forEach(f -> {
            PolicyMode m = modes.get(f.entry().id());
            if (m != null) {
                f.modeProperty().set(m);
            }
        });
        return added;
    }

    /** The legacy policies that have a converted catalog entry, across the clusters read so far. */
    long convertibleLegacy() {
        return targets.facts().values().stream()
                .flatMap(f -> f.legacy().stream())
                .filter(l -> l.entry().isPresent())
                .map(l -> l.entry().get().id())
                .distinct()
                .count();
    }

    /** What the targets page offers for legacy policies, or empty when there is nothing to convert. */
    public javafx.beans.binding.StringBinding legacyOfferProperty() {
        return legacyOffer;
    }
    /** Entering the impact page: evaluates again when the request changed. */
    public void enterImpact() {
        PolicyRequest r = request();
        if (!r.equals(impactFor)) {
            impactFor = r;
            impact.load(() -> backend.impact(r));
        }
    }

    /** Entering the review page: a new preview (and preflight on request) when the request changed. */
    public void enterReview() {
        PolicyRequest r = request();
        if (r.equals(reviewedFor) && review.previewProperty().get() != null) {
            return;
        }
        reviewedFor = r;
        Map<String, ClusterFacts> facts = targets.facts();
        SecretText token = targets.token();
        review.load(() -> backend.preview(r, facts, token), () -> backend.preflight(r, facts, impactFor(r), token));
    }

    private List<dev.backstack.panel.installer.policy.PolicyImpact> impactFor(PolicyRequest r)
            throws InterruptedException {
        return r.equals(impactFor) && !impact.loadingProperty().get() ? impact.impact() : backend.impact(r);
    }

    /** Entering the run page: delivers, unless it is running or already delivered this same request. */
    public void enterRun() {
        PolicyRequest r = request();
        if (run.runningProperty().get() || run.succeededProperty().get() && r.equals(ranFor)) {
            return;
        }
        ranFor = r;
        Map<String, ClusterFacts> facts = targets.facts();
        SecretText token = targets.token();
        List<String> overrides = review.overrides();
        run.start(events -> {
            PolicyService.Delivered d = backend.run(r, facts, token, overrides, events);
            delivered.set(d);
            return d.outcome();
        });
    }

    /** Entering the summary: where the policies went, the pull request, and what to watch next. */
    public void enterSummary() {
        PolicyRequest r = ranFor;
        if (r == null) {
            return;
        }
        PolicyService.Delivered d = delivered.get();
        List<SummaryViewModel.Link> links = new ArrayList<>();
        d.commit()
                .flatMap(c -> c.pullRequestUrl())
                .ifPresent(u -> links.add(new SummaryViewModel.Link("Pull request", u)));
        String where = String.join(", ", targetsOf(r));
        String headline = r.delivery() == PolicyRequest.Delivery.GITOPS
                ? d.commit()
                        .map(c -> c.summary())
                        .orElse("The policies are committed to " + r.gitops().repository() + ".")
                : (d.outcome() == PlanOutcome.UNCHANGED
                                ? "The policies were already in place on "
                                : "The policies are in place on ")
                        + where + ".";
        summary.show(headline, links, nextSteps(r));
    }

    private List<String> targetsOf(PolicyRequest r) {
        List<String> out = new ArrayList<>();
        if (r.hub()) {
            out.add(backend.hub());
        }
        out.addAll(r.spokes());
        return out;
    }

    private static List<String> nextSteps(PolicyRequest r) {
        List<String> steps = new ArrayList<>();
        if (r.delivery() == PolicyRequest.Delivery.GITOPS) {
            steps.add(
                    "Open the pull request, have it reviewed and merge it: Argo CD then syncs the policies (the hub's "
                            + "from demo/applications, the spokes' through the backstack-policies ApplicationSet).");
        }
        boolean audit = r.selections().stream().anyMatch(s -> s.mode() == PolicyMode.AUDIT);
        if (audit) {
            steps.add("Watch the Audit results in the compliance view; when nothing fails any more, run this wizard "
                    + "again with Enforce (its impact page shows what would still be refused).");
        }
        steps.add("The dashboard's Policies tab shows each policy's readiness and mode per cluster; Kyverno's reports "
                + "fill the compliance counts as it scans.");
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

    public CatalogViewModel catalog() {
        return catalog;
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public TargetsViewModel targets() {
        return targets;
    }

    public ImpactViewModel impact() {
        return impact;
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

    public BooleanBinding runSucceededProperty() {
        return run.succeededProperty();
    }
}
