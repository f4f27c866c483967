package dev.backstack.panel.views.wizard;

import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepState;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run page of any plan wizard: starts the plan as a background task, turns its
 * {@link PlanEvent}s into {@link StepRow}s (state, sub-status, elapsed time against the budget,
 * per-step log), cancels it by interrupting the worker, and runs it again to resume from the
 * failed step. No scene-graph code; call on the FX thread.
 */
public final class RunViewModel {

    /** One run of the plan: blocks, reports events, returns the outcome. */
    @FunctionalInterface
    public interface PlanRun {
        PlanOutcome run(Consumer<PlanEvent> events) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final Map<String, StepRow> byId = new LinkedHashMap<>();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final ObjectProperty<StepRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PlanOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureHint = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRetry;
    private final BooleanBinding succeeded;
    private PlanRun last;
    private BackgroundTask<PlanOutcome> task;

    public RunViewModel(TaskExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
        canRetry = Bindings.createBooleanBinding(
                () -> !running.get()
                        && last != null
                        && outcome.get() != PlanOutcome.SUCCEEDED
                        && outcome.get() != PlanOutcome.UNCHANGED
                        && outcome.get() != PlanOutcome.BLOCKED,
                running,
                outcome);
        succeeded = Bindings.createBooleanBinding(
                () -> !running.get()
                        && (outcome.get() == PlanOutcome.SUCCEEDED || outcome.get() == PlanOutcome.UNCHANGED),
                running,
                outcome);
    }

    /** Starts (or, after a failure, resumes) the plan; does nothing while a run is going on. */
    public void start(PlanRun run) {
        if (running.get()) {
            return;
        }
        last = run;
        outcome.set(null);
        summary.set("Starting\u2026");
        failure.set("");
        failureHint.set("");
        cancelling.set(false);
        running.set(true);
        task = BackgroundTask.wrap(ctx -> run.run(ctx.deliver(this::apply)))
                .onSuccess(this::ended)
                .onFailure(e -> {
                    LOG.warn("the run stopped with an error: {}", e.toString());
                    ended(PlanOutcome.FAILED);
                    failure.set("The run stopped with an error: " + e.getMessage());
                    failureHint.set("Retry; if it fails the same way, see the panel's log.");
                })
                .onCancelled(() -> ended(PlanOutcome.CANCELLED));
        executor.execute(task);
    }

    /** Runs the last plan again: the engine resumes from the step that failed. */
    public void retry() {
        if (canRetry.get()) {
            start(last);
        }
    }

    /** Asks the running plan to stop (interrupts its thread); it ends with CANCELLED. */
    public void cancel() {
        if (running.get() && task != null) {
            cancelling.set(true);
            summary.set("Cancelling\u2026 the current step stops safely; run again to resume.");
            task.cancel();
        }
    }

    /** Advances the elapsed time of running steps; the view calls it about once a second. */
    public void tick() {
        var now = clock.instant();
        rows.stream().filter(StepRow::running).forEach(r -> r.tick(now));
    }

    public void select(StepRow row) {
        selected.set(row);
    }

    void apply(PlanEvent e) {
        if (e instanceof PlanEvent.PlanStarted s) {
            started(s);
        } else if (e instanceof PlanEvent.StepChanged c) {
            row(c.stepId(), r -> {
                r.changed(c.at(), c.state());
                summary.set(r.title() + "\u2026");
                if (c.state() == StepState.APPLYING) {
                    selected.set(r);
                }
            });
        } else if (e instanceof PlanEvent.StepStatus s) {
            if (s.stepId() == null) {
                notices.add(s.message());
            } else {
                row(s.stepId(), r -> r.status(s.at(), s.message()));
            }
        } else if (e instanceof PlanEvent.StepFinished f) {
            row(f.stepId(), r -> r.finished(f.at(), f.state(), f.summary()));
        } else if (e instanceof PlanEvent.StepFailed f) {
            row(f.stepId(), r -> {
                r.failed(f.at(), f.reason(), f.hint());
                failure.set(r.title() + " failed: " + f.reason());
                failureHint.set(f.hint());
                selected.set(r);
            });
        } else if (e instanceof PlanEvent.PlanFinished f) {
            StepState left = f.outcome() == PlanOutcome.CANCELLED ? StepState.CANCELLED : StepState.BLOCKED;
            rows.forEach(r -> r.interrupted(f.at(), left));
            summary.set(f.summary());
        }
    }

    private void started(PlanEvent.PlanStarted s) {
        ObservableList<StepRow> next = FXCollections.observableArrayList();
        for (StepInfo info : s.steps()) {
            StepRow r = byId.computeIfAbsent(info.id(), id -> new StepRow(info, clock.getZone()));
            r.reset(s.resumed().contains(info.id()));
            next.add(r);
        }
        byId.keySet().retainAll(s.steps().stream().map(StepInfo::id).toList());
        rows.setAll(next);
        if (selected.get() == null || !rows.contains(selected.get())) {
            selected.set(rows.isEmpty() ? null : rows.get(0));
        }
    }

    private void row(String id, Consumer<StepRow> change) {
        StepRow r = byId.get(id);
        if (r != null) {
            change.accept(r);
        }
    }

    private void ended(PlanOutcome o) {
        var now = clock.instant();
        StepState left = o == PlanOutcome.CANCELLED ? StepState.CANCELLED : StepState.FAILED;
        rows.stream().filter(StepRow::running).forEach(r -> r.interrupted(now, left));
        rows.forEach(r -> r.tick(now));
        running.set(false);
        cancelling.set(false);
        outcome.set(o);
        if (o == PlanOutcome.CANCELLED && failure.get().isEmpty()) {
            failure.set("Cancelled.");
            failureHint.set("Retry from the step that was cancelled when you are ready.");
        }
    }

    public ObservableList<StepRow> rows() {
        return rows;
    }

    /** Plan-level notices, such as a journal that could not be saved. */
    public ObservableList<String> notices() {
        return notices;
    }

    /** The step whose log is shown; follows the running step, and the failed one. */
    public ObjectProperty<StepRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** The outcome of the last run; null while none has ended. */
    public ReadOnlyObjectProperty<PlanOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What failed, with its reason; empty when nothing did. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureHintProperty() {
        return failureHint.getReadOnlyProperty();
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }

    /** True once a run ended with every step done or already in place. */
    public BooleanBinding succeededProperty() {
        return succeeded;
    }

    /** True once a run has been started. */
    public boolean started() {
        return last != null;
    }
}
