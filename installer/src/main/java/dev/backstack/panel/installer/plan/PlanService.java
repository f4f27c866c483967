package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.ServerSideApplier;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs any plan on one {@link PlanTarget}: the steps' context, the journal (a ConfigMap on the
 * cluster mirrored to a local copy), the preflight. Every wizard's service goes through this, so
 * every plan journals, resumes and preflights the same way. Blocking methods: call them from a
 * background thread; interrupting the caller cancels.
 */
public final class PlanService {

    private final PlanTarget target;
    private final Path journalDir;
    private final Clock clock;

    public PlanService(PlanTarget target, Path journalDir, Clock clock) {
        this.target = target;
        this.journalDir = journalDir;
        this.clock = clock;
    }

    public PlanTarget target() {
        return target;
    }

    /** Runs (or resumes) the plan; a finished plan run again writes nothing. */
    public PlanOutcome run(Plan plan, List<String> overrides, Consumer<PlanEvent> events) {
        try (Waiter waiter = new Waiter(target.client())) {
            return new PlanRunner(context(waiter), journal(plan.id()), clock).run(plan, overrides, events);
        }
    }

    /** Every gap at once, before any write: the engine's checks for the plan plus the given ones. */
    public PreflightReport preflight(Plan plan, VersionRange supported, List<PreflightCheck> checks)
            throws InterruptedException {
        return new Preflight(context(new Waiter(target.client())), supported).run(plan, checks);
    }

    /** The plan's journal on this target. */
    public Journal journal(String planId) {
        return new MirroredJournal(
                new ConfigMapJournal(target.client(), new ServerSideApplier(target.client()), planId),
                new LocalJournal(journalDir, target.clusterKey(), planId));
    }

    /** The steps' context on this target; the runner gives each step its own status sink. */
    private StepContext context(Waiter waiter) {
        KubernetesClient c = target.client();
        return new StepContext(
                c,
                KindRegistry.standard(),
                new ServerSideApplier(c),
                waiter,
                target.helm(),
                target.kube(),
                m -> {},
                false);
    }
}
