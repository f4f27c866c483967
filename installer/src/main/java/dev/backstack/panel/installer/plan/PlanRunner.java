package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.connect.Redactor;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.StepState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one plan engine: runs a {@link Plan}'s steps in order, each after the steps it depends on,
 * and reports every move as a {@link PlanEvent}. A step already in place is skipped without a
 * write; otherwise the runner waits for its activation conditions, applies it, and watches its
 * readiness. The journal records each step before it writes and after it finishes, so a failed,
 * cancelled or killed run resumes where it stopped. A re-run of a finished plan writes nothing.
 *
 * <p>{@link #run} blocks on the calling thread (a background thread, never the FX thread);
 * interrupting that thread cancels the run at the next step or inside the current wait. Events
 * are delivered on that thread; listeners must return quickly.
 */
public final class PlanRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);

    private final StepContext context;
    private final Journal journal;
    private final Clock clock;

    public PlanRunner(StepContext context, Journal journal, Clock clock) {
        this.context = context;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Runs the plan.
     *
     * @param overrides preflight warnings the user chose to go on with, recorded in the journal
     */
    public PlanOutcome run(Plan plan, List<String> overrides, Consumer<PlanEvent> listener) {
        Run run = new Run(plan, listener);
        return run.execute(overrides);
    }

    /** The state of one run. */
    private final class Run {
        private final Plan plan;
        private final Consumer<PlanEvent> listener;
        private final Map<String, StepState> states = new LinkedHashMap<>();
        private JournalRecord record;
        private boolean wrote;

        Run(Plan plan, Consumer<PlanEvent> listener) {
            this.plan = plan;
            this.listener = listener;
            plan.steps().forEach(s -> states.put(s.id(), StepState.PENDING));
        }

        PlanOutcome execute(List<String> overrides) {
            record = journal.load().orElse(JournalRecord.empty(plan.id()));
            List<String> resumed = plan.steps().stream()
                    .filter(s -> record.doneWith(s.id(), s.fingerprint()))
                    .map(Step::id)
                    .toList();
            emit(new PlanEvent.PlanStarted(
                    now(), plan.id(), plan.steps().stream().map(Step::info).toList(), resumed));
            if (!record.overrides().containsAll(overrides)) {
                save(record.withOverrides(overrides));
            }
            PlanOutcome outcome = null;
            for (Step step : plan.steps()) {
                if (outcome != null) {
                    finish(step, outcome == PlanOutcome.CANCELLED ? StepState.CANCELLED : StepState.BLOCKED, "not run");
                    continue;
                }
                if (!step.info().dependsOn().stream()
                        .allMatch(d -> states.get(d).succeeded())) {
                    finish(step, StepState.BLOCKED, "a step it depends on did not finish");
                    continue;
                }
                outcome = runStep(step);
            }
            if (outcome == null) {
                outcome = wrote ? PlanOutcome.SUCCEEDED : PlanOutcome.UNCHANGED;
            }
            emit(new PlanEvent.PlanFinished(now(), outcome, summary(outcome)));
            return outcome;
        }

        /** Runs one step; returns the plan's outcome when the plan must stop, else null. */
        private PlanOutcome runStep(Step step) {
            String id = step.id();
            Instant started = now();
            StepContext ctx = context.reportingTo(m -> emit(new PlanEvent.StepStatus(now(), id, m)));
            try {
                emit(new PlanEvent.StepChanged(started, id, StepState.APPLYING));
                JournalRecord.Entry last = record.steps().get(id);
                List<Wait> readiness = step.readiness(ctx);
                if (inPlace(step, ctx, last == null ? null : last.fingerprint(), readiness)) {
                    finish(step, StepState.UNCHANGED, "already in place; nothing written");
                    if (!record.doneWith(id, step.fingerprint())) {
                        save(record.with(id, entry(StepState.DONE, step, "found in place")));
                    }
                    return null;
                }
                save(record.with(id, entry(StepState.APPLYING, step, "")));
                Duration budget = step.info().budget();
                context.waiter().prepare(step.activation());
                context.waiter().prepare(readiness);
                for (Wait w : step.activation()) {
                    ctx.status().accept("waiting for " + w.label());
                    context.waiter().await(w, budget, ctx.status());
                }
                step.apply(ctx);
                wrote = true;
                emit(new PlanEvent.StepChanged(now(), id, StepState.WAITING));
                for (Wait w : readiness) {
                    context.waiter().await(w, budget, ctx.status());
                }
                String took = "done in " + Durations.human(Duration.between(started, now()));
                save(record.with(id, entry(StepState.DONE, step, took)));
                finish(step, StepState.DONE, took);
                return null;
            } catch (StepFailure f) {
                return fail(step, f.getMessage(), f.hint());
            } catch (InterruptedException e) {
                Thread.interrupted(); // cleared so the journal can still be written
                save(record.with(id, entry(StepState.CANCELLED, step, "cancelled by the user")));
                finish(step, StepState.CANCELLED, "cancelled by the user");
                return PlanOutcome.CANCELLED;
            } catch (RuntimeException e) {
                LOG.warn("step {} failed unexpectedly: {}", id, Redactor.redact(String.valueOf(e)));
                return fail(
                        step,
                        "Unexpected error in step " + id + ": " + Redactor.redact(String.valueOf(e.getMessage())),
                        "Retry the step; if it fails the same way, report it with the panel's log.");
            }
        }

        private boolean inPlace(Step step, StepContext ctx, String recorded, List<Wait> readiness)
                throws InterruptedException {
            if (!step.satisfied(ctx, recorded)) {
                return false;
            }
            for (Wait w : readiness) {
                if (!context.waiter().check(w).isReady()) {
                    return false;
                }
            }
            return true;
        }

        private PlanOutcome fail(Step step, String reason, String hint) {
            save(record.with(step.id(), entry(StepState.FAILED, step, reason)));
            states.put(step.id(), StepState.FAILED);
            emit(new PlanEvent.StepFailed(now(), step.id(), reason, hint));
            return PlanOutcome.FAILED;
        }

        private void finish(Step step, StepState state, String summary) {
            states.put(step.id(), state);
            emit(new PlanEvent.StepFinished(now(), step.id(), state, summary));
        }

        private JournalRecord.Entry entry(StepState state, Step step, String message) {
            return new JournalRecord.Entry(
                    state,
                    step.fingerprint(),
                    now().toString(),
                    message,
                    step.info().title());
        }

        private void save(JournalRecord next) {
            next = next.titled(plan.title());
            record = next;
            try {
                journal.save(next);
            } catch (Journal.JournalException e) {
                LOG.warn("{}", e.getMessage());
                emit(new PlanEvent.StepStatus(
                        now(),
                        null,
                        "journal not saved (" + e.getMessage() + "); the plan goes on, but a resume may repeat steps"));
            }
        }

        private String summary(PlanOutcome outcome) {
            long done =
                    states.values().stream().filter(s -> s == StepState.DONE).count();
            long unchanged = states.values().stream()
                    .filter(s -> s == StepState.UNCHANGED)
                    .count();
            List<String> failed = new ArrayList<>();
            states.forEach((k, v) -> {
                if (v == StepState.FAILED || v == StepState.CANCELLED) {
                    failed.add(k);
                }
            });
            return switch (outcome) {
                case UNCHANGED ->
                    "Nothing to change: all " + unchanged + " steps already in place; nothing was written.";
                case SUCCEEDED -> done + " steps applied, " + unchanged + " already in place.";
                case FAILED ->
                    "Stopped at step " + failed + "; " + done + " applied, " + unchanged
                            + " already in place. Fix the cause and run again to resume from there.";
                case CANCELLED -> "Cancelled at step " + failed + "; run again to resume from there.";
                case BLOCKED -> "Blocked by the preflight; nothing was written.";
            };
        }

        private void emit(PlanEvent e) {
            try {
                listener.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("plan listener failed on {}: {}", e.getClass().getSimpleName(), ex.toString());
            }
        }

        private Instant now() {
            return clock.instant();
        }
    }
}
