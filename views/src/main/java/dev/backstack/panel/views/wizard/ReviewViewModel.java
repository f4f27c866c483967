package dev.backstack.panel.views.wizard;

import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import dev.backstack.panel.views.task.TaskProgress;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review page of any plan wizard: the plan as a list of steps, the selected step's objects
 * (YAML) or Helm chart and values, and the preflight, run as a background task. Blocking
 * findings keep the wizard here; warnings need {@link #acceptWarningsProperty()} set, and are
 * then handed to the run as overrides. No scene-graph code; call on the FX thread.
 */
public final class ReviewViewModel {

    /** Where the preflight stands. */
    public enum PreflightState {
        NOT_RUN,
        RUNNING,
        DONE,
        ERROR
    }

    /** Blocking failures, then warnings, then passes; the report's order within each. */
    private static final Comparator<PreflightFinding> FAILURES_FIRST =
            Comparator.comparingInt(f -> f.blocks() ? 0 : f.warns() ? 1 : 2);

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<PlanPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StepPreview> steps = FXCollections.observableArrayList();
    private final ObjectProperty<StepPreview> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper planSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PreflightState> state = new ReadOnlyObjectWrapper<>(PreflightState.NOT_RUN);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(TaskProgress.INDETERMINATE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PreflightReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PreflightFinding> findings = FXCollections.observableArrayList();
    private final BooleanProperty acceptWarnings = new SimpleBooleanProperty();
    private final BooleanBinding blocked;
    private final BooleanBinding hasWarnings;
    private final BooleanBinding valid;
    private Callable<PreflightReport> preflightSource;
    private BackgroundTask<PreflightReport> running;
    private int generation;

    public ReviewViewModel(TaskExecutor executor) {
        this.executor = executor;
        blocked = Bindings.createBooleanBinding(
                () -> report.get() != null && report.get().blocked(), report);
        hasWarnings = Bindings.createBooleanBinding(
                () -> report.get() != null && !report.get().warnings().isEmpty(), report);
        valid = Bindings.createBooleanBinding(
                () -> preview.get() != null
                        && state.get() == PreflightState.DONE
                        && !blocked.get()
                        && (!hasWarnings.get() || acceptWarnings.get()),
                preview,
                state,
                blocked,
                hasWarnings,
                acceptWarnings);
        selected.addListener((o, a, b) -> detail.set(b == null ? "" : detailOf(b)));
    }

    /**
     * Shows a new plan and forgets the last preflight. The preview is computed in the background;
     * {@code preflight} runs when {@link #runPreflight()} is called.
     */
    public void load(Callable<PlanPreview> previewSource, Callable<PreflightReport> preflight) {
        reset();
        int gen = generation;
        this.preflightSource = preflight;
        planSummary.set("Preparing the plan\u2026");
        executor.execute(BackgroundTask.wrap(ctx -> previewSource.call())
                .onSuccess(p -> {
                    if (gen == generation) {
                        showPreview(p);
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        planSummary.set("Cannot prepare the plan: " + e.getMessage());
                    }
                }));
    }

    /** Forgets the plan and the preflight (the inputs changed). */
    public void reset() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
        preview.set(null);
        steps.clear();
        selected.set(null);
        planSummary.set("");
        clearPreflight();
    }

    private void showPreview(PlanPreview p) {
        preview.set(p);
        steps.setAll(p.steps());
        planSummary.set(p.title() + ": " + p.steps().size() + " steps, " + p.objectCount() + " objects");
        selected.set(steps.isEmpty() ? null : steps.get(0));
    }

    /** Runs every preflight check in the background; all gaps are reported at once. */
    public void runPreflight() {
        if (preflightSource == null || state.get() == PreflightState.RUNNING) {
            return;
        }
        clearPreflight();
        int gen = generation;
        Callable<PreflightReport> source = preflightSource;
        state.set(PreflightState.RUNNING);
        message.set("Checking permissions, versions and a server-side dry run of every object\u2026");
        running = BackgroundTask.wrap(ctx -> {
                    ctx.updateProgress(-1, 0);
                    return source.call();
                })
                .onProgress(p -> {
                    if (gen == generation) {
                        progress.set(p.fraction());
                    }
                })
                .onSuccess(r -> {
                    if (gen == generation) {
                        report.set(r);
                        findings.setAll(
                                r.findings().stream().sorted(FAILURES_FIRST).toList());
                        message.set(r.summary()
                                + (r.blocked()
                                        ? ". Fix the blocking ones, then run the preflight again."
                                        : r.warnings().isEmpty()
                                                ? ". Ready to go on."
                                                : ". Review the warnings before going on."));
                        progress.set(1);
                        state.set(PreflightState.DONE);
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        message.set("The preflight could not run: " + e.getMessage());
                        progress.set(0);
                        state.set(PreflightState.ERROR);
                    }
                });
        executor.execute(running);
    }

    private void clearPreflight() {
        report.set(null);
        findings.clear();
        acceptWarnings.set(false);
        progress.set(TaskProgress.INDETERMINATE);
        message.set("Run the preflight to check the cluster before anything is written.");
        state.set(PreflightState.NOT_RUN);
    }

    /** The warnings the user chose to go on with (their ids), for the run's journal. */
    public List<String> overrides() {
        if (report.get() == null || !acceptWarnings.get()) {
            return List.of();
        }
        return report.get().warnings().stream().map(PreflightFinding::id).toList();
    }

    /** The text shown for a step: its description, then its chart and values or its objects. */
    static String detailOf(StepPreview s) {
        StringBuilder b = new StringBuilder();
        b.append("# ")
                .append(s.info().title())
                .append(" (")
                .append(s.info().kind().label())
                .append(")\n");
        if (!s.info().description().isEmpty()) {
            b.append("# ").append(s.info().description()).append('\n');
        }
        if (!s.chart().isEmpty()) {
            b.append("# Helm chart: ").append(s.chart()).append("\n# values:\n");
            b.append(s.values().isBlank() ? "{}\n" : s.values());
        }
        for (ObjectPreview o : s.objects()) {
            b.append("---\n# ").append(o.title()).append('\n').append(o.yaml());
            if (!o.yaml().endsWith("\n")) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    public ReadOnlyObjectProperty<PlanPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<StepPreview> steps() {
        return steps;
    }

    public ObjectProperty<StepPreview> selectedProperty() {
        return selected;
    }

    /** The selected step's objects as YAML, or its chart and values. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** {@code Install a BACK Stack hub: 10 steps, 42 objects}, or why there is no plan. */
    public ReadOnlyStringProperty planSummaryProperty() {
        return planSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreflightState> preflightStateProperty() {
        return state.getReadOnlyProperty();
    }

    /** -1 while indeterminate, else 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty preflightMessageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<PreflightFinding> findings() {
        return findings;
    }

    /** Input: the user read the warnings and goes on anyway. */
    public BooleanProperty acceptWarningsProperty() {
        return acceptWarnings;
    }

    public BooleanBinding blockedProperty() {
        return blocked;
    }

    public BooleanBinding hasWarningsProperty() {
        return hasWarnings;
    }

    /** True when the plan may run: the preflight passed, or only warned and the user accepted. */
    public BooleanBinding validProperty() {
        return valid;
    }
}
