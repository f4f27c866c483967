package dev.backstack.panel.app.install;

import dev.backstack.panel.model.plan.PlanEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Prints plan events as lines: {@code +12.3s  providers  providers healthy 2/3}. */
public final class EventPrinter {

    private final PrintStream out;
    private Instant start;

    public EventPrinter(PrintStream out) {
        this.out = out;
    }

    public synchronized void print(PlanEvent e) {
        if (start == null) {
            start = e.at();
        }
        String text;
        if (e instanceof PlanEvent.PlanStarted s) {
            text = "plan " + s.planId() + ": " + s.steps().size() + " steps"
                    + (s.resumed().isEmpty() ? "" : ", resuming (" + s.resumed().size() + " recorded as done)");
        } else if (e instanceof PlanEvent.StepChanged c) {
            text = c.state().name().toLowerCase();
        } else if (e instanceof PlanEvent.StepStatus st) {
            text = st.message();
        } else if (e instanceof PlanEvent.StepFinished f) {
            text = f.state().name().toLowerCase() + ": " + f.summary();
        } else if (e instanceof PlanEvent.StepFailed f) {
            text = "FAILED: " + f.reason() + "\n" + " ".repeat(10) + "what to do: " + f.hint();
        } else {
            PlanEvent.PlanFinished f = (PlanEvent.PlanFinished) e;
            text = f.outcome() + ": " + f.summary();
        }
        long ms = Duration.between(start, e.at()).toMillis();
        out.printf("%+8.1fs  %-17s %s%n", ms / 1000.0, e.stepId() == null ? "" : e.stepId(), text);
    }
}
