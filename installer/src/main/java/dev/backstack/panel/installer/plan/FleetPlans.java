package dev.backstack.panel.installer.plan;

import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.model.plan.StepState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A plan that spans several clusters, as one plan to the screen and the command line: each
 * cluster's plan runs on its own cluster (its own client, waits and journal), one cluster after
 * another, and their previews, preflight findings and events are merged with step and finding
 * ids qualified by the cluster ({@code spoke-1/require-probes}). The first cluster that fails or
 * is cancelled stops the run; a re-run resumes each cluster from its journal. Blocking methods:
 * call them from a background thread; interrupting the caller cancels.
 */
public final class FleetPlans {

    private FleetPlans() {}

    /** The merged preview. */
    public static PlanPreview preview(String planId, String title, List<ClusterPlan> plans) {
        List<StepPreview> steps = new ArrayList<>();
        for (ClusterPlan cp : plans) {
            for (StepPreview s : cp.plan().preview().steps()) {
                steps.add(new StepPreview(qualify(cp, s.info()), s.objects(), s.helm(), s.values()));
            }
        }
        return new PlanPreview(planId, title, steps);
    }

    /** Every cluster's preflight (the engine's checks plus the given ones), findings qualified by cluster. */
    public static PreflightReport preflight(
            List<ClusterPlan> plans, VersionRange supported, Function<ClusterPlan, List<PreflightCheck>> checks)
            throws InterruptedException {
        List<PreflightFinding> out = new ArrayList<>();
        for (ClusterPlan cp : plans) {
            PreflightReport r = cp.service().preflight(cp.plan(), supported, checks.apply(cp));
            r.findings()
                    .forEach(f -> out.add(new PreflightFinding(
                            cp.qualify(f.id()),
                            cp.cluster() + ": " + f.title(),
                            f.severity(),
                            f.passed(),
                            f.detail(),
                            f.hint())));
        }
        return new PreflightReport(out);
    }

    /** Runs every cluster's plan in order; {@code overrides} are qualified finding ids. */
    public static PlanOutcome run(
            String planId, List<ClusterPlan> plans, List<String> overrides, Consumer<PlanEvent> events, Clock clock) {
        List<StepInfo> all = plans.stream()
                .flatMap(cp -> cp.plan().steps().stream().map(s -> qualify(cp, s.info())))
                .toList();
        events.accept(new PlanEvent.PlanStarted(clock.instant(), planId, all, List.of()));
        List<PlanOutcome> outcomes = new ArrayList<>();
        for (ClusterPlan cp : plans) {
            List<String> local =
                    overrides.stream().map(cp::local).filter(Objects::nonNull).toList();
            PlanOutcome o = cp.service().run(cp.plan(), local, e -> forward(cp, e, events));
            outcomes.add(o);
            if (o == PlanOutcome.FAILED || o == PlanOutcome.CANCELLED || o == PlanOutcome.BLOCKED) {
                events.accept(new PlanEvent.PlanFinished(
                        clock.instant(),
                        o,
                        cp.cluster() + ": " + o.name().toLowerCase(java.util.Locale.ROOT)
                                + "; the clusters after it were not touched"));
                return o;
            }
        }
        PlanOutcome result = outcomes.stream().allMatch(o -> o == PlanOutcome.UNCHANGED)
                ? PlanOutcome.UNCHANGED
                : PlanOutcome.SUCCEEDED;
        events.accept(new PlanEvent.PlanFinished(
                clock.instant(),
                result,
                plans.size()
                        + (plans.size() == 1 ? " cluster " : " clusters ")
                        + (result == PlanOutcome.UNCHANGED ? "already as planned: nothing written" : "as planned")));
        return result;
    }

    private static void forward(ClusterPlan cp, PlanEvent e, Consumer<PlanEvent> out) {
        if (e instanceof PlanEvent.PlanStarted s) {
            s.resumed()
                    .forEach(id -> out.accept(new PlanEvent.StepFinished(
                            s.at(), cp.qualify(id), StepState.DONE, "done in an earlier run")));
        } else if (e instanceof PlanEvent.StepChanged c) {
            out.accept(new PlanEvent.StepChanged(c.at(), cp.qualify(c.stepId()), c.state()));
        } else if (e instanceof PlanEvent.StepStatus s) {
            // a notice of the plan itself (no step, such as "journal not saved") stays one, naming its cluster
            out.accept(
                    s.stepId() == null
                            ? new PlanEvent.StepStatus(s.at(), null, cp.cluster() + ": " + s.message())
                            : new PlanEvent.StepStatus(s.at(), cp.qualify(s.stepId()), s.message()));
        } else if (e instanceof PlanEvent.StepFinished f) {
            out.accept(new PlanEvent.StepFinished(f.at(), cp.qualify(f.stepId()), f.state(), f.summary()));
        } else if (e instanceof PlanEvent.StepFailed f) {
            out.accept(new PlanEvent.StepFailed(
                    f.at(), cp.qualify(f.stepId()), cp.cluster() + ": " + f.reason(), f.hint()));
        }
        // an inner PlanFinished is dropped: the fleet run reports its own end
    }

    private static StepInfo qualify(ClusterPlan cp, StepInfo i) {
        return new StepInfo(
                cp.qualify(i.id()),
                cp.cluster() + " · " + i.title(),
                i.description(),
                i.kind(),
                i.dependsOn().stream().map(cp::qualify).toList(),
                i.budget());
    }
}
