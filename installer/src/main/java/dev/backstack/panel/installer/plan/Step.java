package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepPreview;
import java.util.List;

/**
 * One step of a plan. The engine ({@link PlanRunner}) knows steps only through this interface:
 * it waits for the {@link #activation()} conditions, asks whether the step is already
 * {@link #satisfied}, {@link #apply applies} it, then waits for its {@link #readiness()}.
 * Implementations are immutable (everything is rendered when the plan is built), so the preview
 * is exactly what is applied. Methods taking a {@link StepContext} block; call them from the
 * plan's thread.
 */
public interface Step {

    StepInfo info();

    default String id() {
        return info().id();
    }

    /** What the step would do, secret values redacted. */
    StepPreview preview();

    /** A digest of what the step would do (no secret values), to tell a changed step in the journal. */
    String fingerprint();

    /** Every permission the step needs, for the RBAC preflight. */
    List<Permission> permissions();

    /** Conditions that must hold before the step can apply, such as a CRD being Established. */
    default List<Wait> activation() {
        return List.of();
    }

    /** What must become ready after the step applied (a Helm step learns it from its rendered chart). */
    List<Wait> readiness(StepContext ctx) throws StepFailure;

    /**
     * True when the cluster already holds what the step would write (readiness is checked apart).
     *
     * @param recordedFingerprint the fingerprint the journal recorded when this step last finished, or null
     */
    boolean satisfied(StepContext ctx, String recordedFingerprint) throws InterruptedException;

    /** Writes the step's objects or release. */
    void apply(StepContext ctx) throws StepFailure, InterruptedException;

    /** A server-side dry run of what {@link #apply} would write: one result per object or release. */
    List<DryRunResult> dryRun(StepContext ctx) throws InterruptedException;
}
