package dev.backstack.panel.views.task;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that runs on a worker thread, with callbacks on the {@link TaskExecutor}'s callback thread
 * (the FX thread in the app): {@link #onRunning}, {@link #onProgress}, {@link #onSuccess},
 * {@link #onFailure}, {@link #onCancelled} and {@link #onFinished}, in that order. Modelled on
 * JabRef's task of the same name.
 *
 * <p>{@link #cancel()} sets the cancel flag and interrupts the worker thread; the work decides how
 * to stop. When it still returns a value, {@link #onSuccess} receives it (a cancelled install
 * returns its CANCELLED outcome); when it throws, {@link #onCancelled} runs instead of
 * {@link #onFailure}. Configure the callbacks before handing the task to an executor. A task runs
 * once.
 *
 * @param <V> the result
 */
public abstract class BackgroundTask<V> implements TaskContext {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** The work of a task built with {@link #wrap(Work)}. */
    @FunctionalInterface
    public interface Work<V> {
        V run(TaskContext context) throws Exception;
    }

    private final Object lock = new Object();
    private final AtomicReference<TaskProgress> pendingProgress = new AtomicReference<>();
    private Runnable onRunning = () -> {};
    private Consumer<? super V> onSuccess = v -> {};
    private Consumer<Exception> onFailure = e -> LOG.warn("background task failed: {}", e.toString());
    private Runnable onCancelled = () -> {};
    private Runnable onFinished = () -> {};
    private Consumer<TaskProgress> onProgress = p -> {};
    private volatile boolean cancelled;
    private volatile Executor callbacks = Runnable::run;
    private Thread worker;
    private double lastFraction = TaskProgress.INDETERMINATE;
    private String lastMessage = "";

    /** The work itself, on the worker thread. */
    protected abstract V call() throws Exception;

    public static <V> BackgroundTask<V> wrap(Work<V> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>() {
            @Override
            protected V call() throws Exception {
                return work.run(this);
            }
        };
    }

    public BackgroundTask<V> onRunning(Runnable action) {
        this.onRunning = action;
        return this;
    }

    public BackgroundTask<V> onSuccess(Consumer<? super V> action) {
        this.onSuccess = action;
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<Exception> action) {
        this.onFailure = action;
        return this;
    }

    public BackgroundTask<V> onCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    /** Runs last, whatever the ending. */
    public BackgroundTask<V> onFinished(Runnable action) {
        this.onFinished = action;
        return this;
    }

    public BackgroundTask<V> onProgress(Consumer<TaskProgress> action) {
        this.onProgress = action;
        return this;
    }

    public BackgroundTask<V> executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    /** Sets the cancel flag and interrupts the worker thread, if the task is running. Any thread. */
    public void cancel() {
        cancelled = true;
        synchronized (lock) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void updateProgress(double done, double max) {
        lastFraction = max <= 0 || done < 0 ? TaskProgress.INDETERMINATE : Math.min(1, done / max);
        post(new TaskProgress(lastFraction, lastMessage));
    }

    @Override
    public void updateMessage(String message) {
        lastMessage = message == null ? "" : message;
        post(new TaskProgress(lastFraction, lastMessage));
    }

    @Override
    public <T> Consumer<T> deliver(Consumer<T> consumer) {
        return value -> callbacks.execute(() -> consumer.accept(value));
    }

    private void post(TaskProgress p) {
        if (pendingProgress.getAndSet(p) == null) {
            callbacks.execute(() -> onProgress.accept(pendingProgress.getAndSet(null)));
        }
    }

    /** Runs the task on the current thread (the worker), with callbacks on {@code callbackThread}. */
    final void run(Executor callbackThread) {
        callbacks = callbackThread;
        synchronized (lock) {
            worker = Thread.currentThread();
        }
        try {
            if (cancelled) {
                throw new CancellationException("cancelled before it started");
            }
            callbacks.execute(onRunning);
            V value = call();
            callbacks.execute(() -> onSuccess.accept(value));
        } catch (Exception e) {
            if (cancelled) {
                callbacks.execute(onCancelled);
            } else {
                callbacks.execute(() -> onFailure.accept(e));
            }
        } finally {
            synchronized (lock) {
                worker = null;
                Thread.interrupted(); // our own cancel must not leak to the next task on this thread
            }
            callbacks.execute(onFinished);
        }
    }
}
