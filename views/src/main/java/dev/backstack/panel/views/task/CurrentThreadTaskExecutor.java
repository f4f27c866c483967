package dev.backstack.panel.views.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each task at once on the calling thread, callbacks included, for deterministic tests of
 * view-models. Cancelling from inside the work interrupts the calling thread, as a real cancel
 * interrupts the worker; the flag is cleared when the task ends. Scheduled actions wait until
 * the test calls {@link #runScheduled()}.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    /** An action waiting for {@link #runScheduled()}. */
    public record Scheduled(Duration delay, Runnable action) {}

    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        task.run(Runnable::run);
        return task;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Scheduled s = new Scheduled(delay, action);
        scheduled.add(s);
        return () -> scheduled.remove(s);
    }

    /** What is scheduled and not yet run or cancelled. */
    public List<Scheduled> scheduled() {
        return List.copyOf(scheduled);
    }

    /** Runs every scheduled action now, as if its delay had passed. */
    public void runScheduled() {
        List<Scheduled> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(s -> s.action().run());
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
