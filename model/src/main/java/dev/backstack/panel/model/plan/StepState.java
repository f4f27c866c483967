package dev.backstack.panel.model.plan;

/** Where one step of a plan stands. */
public enum StepState {
    /** Not started yet. */
    PENDING,
    /** Waiting for its activation condition (such as a CRD being Established), then applying. */
    APPLYING,
    /** Applied; waiting for what it applied to become ready. */
    WAITING,
    /** Applied and ready. */
    DONE,
    /** Already in the wanted state: nothing was written. */
    UNCHANGED,
    /** Failed; the plan stopped here and can be resumed from this step. */
    FAILED,
    /** Stopped by the user. */
    CANCELLED,
    /** Not run because a step it depends on did not finish. */
    BLOCKED;

    /** True for the states a step ends in when it succeeded. */
    public boolean succeeded() {
        return this == DONE || this == UNCHANGED;
    }

    /** True once the step will not change any more in this run. */
    public boolean finished() {
        return this != PENDING && this != APPLYING && this != WAITING;
    }
}
