package dev.backstack.panel.model.plan;

/** How a run of a plan ended. */
public enum PlanOutcome {
    /** Every step succeeded and at least one wrote something. */
    SUCCEEDED,
    /** Everything was already in place: nothing was written. */
    UNCHANGED,
    /** A step failed; the plan can be resumed from it. */
    FAILED,
    /** The user cancelled; the plan can be resumed. */
    CANCELLED,
    /** A blocking preflight check failed; nothing was written. */
    BLOCKED
}
