package dev.backstack.panel.views.namespace;

import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.views.task.TaskExecutor;
import dev.backstack.panel.views.wizard.ReviewViewModel;
import dev.backstack.panel.views.wizard.RunViewModel;
import dev.backstack.panel.views.wizard.SummaryViewModel;
import dev.backstack.panel.views.wizard.TextClipboard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The namespace wizard: spoke, name and team; quota and container defaults; isolation, policies
 * and delivery; review (the plan's objects, the same the {@code namespace render} command prints,
 * and the preflight); run; summary. One view-model per page, wired to the {@link NamespaceBackend};
 * every blocking call runs through the {@link TaskExecutor}. The request is rebuilt from the
 * pages' inputs when a later page is entered, so going back and changing anything recomputes what
 * follows. No scene-graph code; call on the FX thread.
 */
public final class NamespaceWizardViewModel {

    private final NamespaceBackend backend;
    private final TargetViewModel target;
    private final QuotaViewModel quota = new QuotaViewModel();
    private final GuardrailsViewModel guardrails;
    private final ReviewViewModel review;
    private final RunViewModel run;
    private final SummaryViewModel summary;
    private final AtomicReference<PolicyService.Delivered> delivered = new AtomicReference<>();
    private final TaskExecutor executor;
    private NamespaceRequest reviewedFor;
    private NamespaceRequest ranFor;

    public NamespaceWizardViewModel(
            NamespaceBackend backend, TaskExecutor executor, Clock clock, TextClipboard clipboard) {
        this.backend = backend;
        this.executor = executor;
        this.target = new TargetViewModel(backend, executor);
        this.guardrails = new GuardrailsViewModel(backend.catalog());
        this.review = new ReviewViewModel(executor);
        this.run = new RunViewModel(executor, clock);
        this.summary = new SummaryViewModel(executor, clipboard);
    }

    /** The request the pages describe now. */
    public NamespaceRequest request() {
        NamespaceRequest base = NamespaceRequest.of(
                        target.spokeProperty().get(),
                        target.nameProperty().get(),
                        target.teamProperty().get())
                .withQuota(quota.quota(), quota.defaults());
        return guardrails.apply(base);
    }

    /** Entering the guardrails page: proposes a branch named after the namespace. */
    public void enterGuardrails() {
        guardrails.proposeBranch(target.nameProperty().get().strip());
    }

    /** Entering the review page: a new preview (and preflight on request) when the request changed. */
    public void enterReview() {
        NamespaceRequest r = request();
        if (r.equals(reviewedFor) && review.previewProperty().get() != null) {
            return;
        }
        reviewedFor = r;
        ClusterFacts facts = target.factsProperty().get();
        SecretText token = guardrails.token();
        review.load(
                () -> backend.preview(r, facts(facts, r), token), () -> backend.preflight(r, facts(facts, r), token));
    }

    /** The facts read on the first page, or read now (blocking; called in the background) when they were not. */
    private ClusterFacts facts(ClusterFacts known, NamespaceRequest r) throws InterruptedException {
        return known != null && known.cluster().equals(r.spoke()) ? known : backend.facts(r.spoke());
    }

    /** Entering the run page: delivers, unless it is running or already delivered this same request. */
    public void enterRun() {
        NamespaceRequest r = request();
        if (run.runningProperty().get() || run.succeededProperty().get() && r.equals(ranFor)) {
            return;
        }
        ranFor = r;
        ClusterFacts known = target.factsProperty().get();
        SecretText token = guardrails.token();
        List<String> overrides = review.overrides();
        run.start(events -> {
            PolicyService.Delivered d = backend.run(r, facts(known, r), token, overrides, events);
            delivered.set(d);
            return d.outcome();
        });
    }

    /** Entering the summary: where the namespace is, the pull request, and what the team does next. */
    public void enterSummary() {
        NamespaceRequest r = ranFor;
        PolicyService.Delivered d = delivered.get();
        if (r == null || d == null) {
            return;
        }
        List<SummaryViewModel.Link> links = new ArrayList<>();
        d.commit()
                .flatMap(c -> c.pullRequestUrl())
                .ifPresent(u -> links.add(new SummaryViewModel.Link("Pull request", u)));
        String headline = r.viaGitOps()
                ? d.commit()
                        .map(c -> c.summary())
                        .orElse("Namespace " + r.name() + " is committed to "
                                + r.gitops().repository() + ".")
                : "Namespace " + r.name()
                        + (d.outcome() == PlanOutcome.UNCHANGED ? " was already in place on " : " is ready on ")
                        + r.spoke() + " for " + r.team() + ".";
        summary.show(headline, links, nextSteps(r));
    }

    private static List<String> nextSteps(NamespaceRequest r) {
        List<String> steps = new ArrayList<>();
        if (r.viaGitOps()) {
            steps.add("Open the pull request, have it reviewed and merge it: the hub's Argo CD then syncs "
                    + "namespaces/" + r.spoke() + "/" + r.name() + " to " + r.spoke() + " (Application "
                    + r.spoke() + "-namespace-" + r.name() + " in demo/applications).");
        }
        steps.add("Members of " + r.team() + " can now create workloads in " + r.name() + " (ClusterRole edit); pods "
                + "without requests or limits get " + r.defaults().requestCpu() + "/"
                + r.defaults().requestMemory()
                + " requested and " + r.defaults().limitCpu() + "/"
                + r.defaults().limitMemory() + " as limits.");
        steps.add("Above the quota (cpu " + r.quota().cpu() + ", memory "
                + r.quota().memory() + ", " + r.quota().pods()
                + " pods) the API server refuses new pods: kubectl describe resourcequota team-quota -n " + r.name()
                + " shows what is used.");
        if (!r.policies().isEmpty()) {
            steps.add("The compliance view shows how " + r.name() + " fares against its "
                    + r.policies().size() + (r.policies().size() == 1 ? " policy." : " policies."));
        }
        steps.add("A re-run of this wizard with the same choices changes nothing that is already in place.");
        return steps;
    }

    /** Leaving the wizard: stops a running delivery and wipes the token. */
    public void close() {
        run.cancel();
        guardrails.clear();
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

    public TargetViewModel target() {
        return target;
    }

    public QuotaViewModel quota() {
        return quota;
    }

    public GuardrailsViewModel guardrails() {
        return guardrails;
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
