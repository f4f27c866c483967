package dev.backstack.panel.views.task;

import java.util.function.Consumer;

/**
 * What the work of a {@link BackgroundTask} may use while it runs on the worker thread: progress
 * and message updates, an ordered channel to the callback thread, and the cancel flag.
 */
public interface TaskContext {

    /** Reports progress; {@code max <= 0} or {@code done < 0} means indeterminate. Coalesced. */
    void updateProgress(double done, double max);

    /** Reports what the task is doing now. Coalesced with progress updates. */
    void updateMessage(String message);

    /**
     * Wraps a consumer so that each value handed to it on the worker thread is passed on, in
     * order and without coalescing, on the executor's callback thread (the FX thread).
     */
    <T> Consumer<T> deliver(Consumer<T> consumer);

    /** True once {@link BackgroundTask#cancel()} was called. */
    boolean isCancelled();
}
