package dev.backstack.panel.views.task;

import dev.backstack.panel.views.fx.FxThread;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on daemon worker threads and delivers their callbacks on the FX thread (through
 * {@code views.fx}, the one package that posts to it). Scheduled actions also land on the FX
 * thread. Safe to call from any thread.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Executor callbacks;

    public FxTaskExecutor() {
        this(FxThread.executor());
    }

    /** With another callback thread (tests). */
    FxTaskExecutor(Executor callbacks) {
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        int pool = POOLS.incrementAndGet();
        this.workers = Executors.newCachedThreadPool(daemon("panel-task-" + pool + "-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("panel-timer-" + pool + "-"));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        workers.execute(() -> task.run(callbacks));
        return task;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        ScheduledFuture<?> f = timer.schedule(() -> callbacks.execute(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void shutdown() {
        workers.shutdown();
        timer.shutdown();
    }
}
