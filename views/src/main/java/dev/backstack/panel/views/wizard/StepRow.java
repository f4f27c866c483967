package dev.backstack.panel.views.wizard;

import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One step of a running plan as the run page shows it: state, live sub-status, elapsed time
 * against its budget, failure reason and hint, and its own log. Changed only by
 * {@link RunViewModel}, on the FX thread.
 */
public final class StepRow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StepInfo info;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(StepState.PENDING);
    private final ReadOnlyStringWrapper subStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overBudget = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private Instant startedAt;
    private Instant endedAt;

    StepRow(StepInfo info, ZoneId zone) {
        this.info = info;
        this.zone = zone;
        elapsed.set("budget " + clock(info.budget()));
    }

    public StepInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    public String title() {
        return info.title();
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subStatusProperty() {
        return subStatus.getReadOnlyProperty();
    }

    /** {@code 1:05 / 5:00}; before the step starts, {@code budget 5:00}. */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overBudgetProperty() {
        return overBudget.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** This step's own log: state changes and every sub-status line, timestamped. */
    public ObservableList<String> log() {
        return log;
    }

    void reset(boolean doneEarlier) {
        if (!log.isEmpty()) {
            log.add("--- run again ---");
        }
        startedAt = null;
        endedAt = null;
        reason.set("");
        hint.set("");
        overBudget.set(false);
        elapsed.set("budget " + clock(info.budget()));
        state.set(StepState.PENDING);
        subStatus.set(doneEarlier ? "done in an earlier run; checked again" : "");
    }

    void changed(Instant at, StepState s) {
        if (startedAt == null) {
            startedAt = at;
        }
        state.set(s);
        line(
                at,
                s == StepState.WAITING
                        ? "applied; waiting until ready"
                        : s.name().toLowerCase());
        tick(at);
    }

    void status(Instant at, String message) {
        subStatus.set(message);
        line(at, message);
    }

    void finished(Instant at, StepState s, String summary) {
        endedAt = at;
        state.set(s);
        subStatus.set(summary == null ? "" : summary);
        line(at, s.name().toLowerCase() + (summary == null || summary.isEmpty() ? "" : ": " + summary));
        tick(at);
    }

    void failed(Instant at, String why, String what) {
        endedAt = at;
        state.set(StepState.FAILED);
        reason.set(why == null ? "" : why);
        hint.set(what == null ? "" : what);
        subStatus.set(reason.get());
        line(at, "failed: " + reason.get());
        if (!hint.get().isEmpty()) {
            line(at, "hint: " + hint.get());
        }
        tick(at);
    }

    /** Marks a step that was still running when the run ended without finishing it. */
    void interrupted(Instant at, StepState s) {
        if (!state.get().finished()) {
            finished(at, s, "stopped");
        }
    }

    /** Recomputes the elapsed time; a running step counts up to {@code now}. */
    void tick(Instant now) {
        if (startedAt == null) {
            return;
        }
        Duration took = Duration.between(startedAt, endedAt != null ? endedAt : now);
        if (took.isNegative()) {
            took = Duration.ZERO;
        }
        overBudget.set(took.compareTo(info.budget()) > 0); // first: the elapsed cell reads it on change
        elapsed.set(clock(took) + " / " + clock(info.budget()));
    }

    boolean running() {
        return startedAt != null && endedAt == null && !state.get().finished();
    }

    private void line(Instant at, String text) {
        log.add(LocalTime.ofInstant(at, zone).format(TIME) + "  " + text);
    }

    /** {@code 0:42}, {@code 12:05}, {@code 1:02:03}. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }
}
