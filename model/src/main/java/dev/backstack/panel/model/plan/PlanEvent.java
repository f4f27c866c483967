package dev.backstack.panel.model.plan;

import java.time.Instant;
import java.util.List;

/**
 * The progress of a running plan, as a stream of timestamped events. Immutable; safe on any
 * thread. Listeners receive them on the plan's own thread and must return quickly.
 */
public sealed interface PlanEvent {

    Instant at();

    /** The step the event is about, or {@code null} for plan-level events. */
    default String stepId() {
        return null;
    }

    /** The run started; {@code resumed} lists steps a journal of an earlier run recorded as done. */
    record PlanStarted(Instant at, String planId, List<StepInfo> steps, List<String> resumed) implements PlanEvent {
        public PlanStarted {
            steps = List.copyOf(steps);
            resumed = List.copyOf(resumed);
        }
    }

    /** A step started (or moved on, from applying to waiting). */
    record StepChanged(Instant at, String stepId, StepState state) implements PlanEvent {}

    /** A step's sub-status: {@code providers healthy 2/3}, {@code CRD hubs.backstack.dev Established}. */
    record StepStatus(Instant at, String stepId, String message) implements PlanEvent {}

    /** A step succeeded ({@link StepState#DONE} or {@link StepState#UNCHANGED}). */
    record StepFinished(Instant at, String stepId, StepState state, String summary) implements PlanEvent {}

    /** A step failed: what failed, where, and what to do next. */
    record StepFailed(Instant at, String stepId, String reason, String hint) implements PlanEvent {}

    /** The run ended. */
    record PlanFinished(Instant at, PlanOutcome outcome, String summary) implements PlanEvent {}
}
