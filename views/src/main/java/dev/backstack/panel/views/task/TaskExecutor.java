package dev.backstack.panel.views.task;

import java.time.Duration;

/**
 * Runs {@link BackgroundTask}s off the caller's thread and delivers their callbacks on one
 * callback thread: the FX thread for {@link FxTaskExecutor}, the caller's own thread for
 * {@link CurrentThreadTaskExecutor}. View-models take one in their constructor, so tests can run
 * them deterministically.
 */
public interface TaskExecutor {

    /** Starts the task; returns it, so the caller can keep it to cancel it. */
    <V> BackgroundTask<V> execute(BackgroundTask<V> task);

    /** Runs {@code action} on the callback thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * Stops accepting work. Running tasks go on until they end (cancel them first); scheduled
     * actions still run when they are due.
     */
    void shutdown();
}
