package dev.backstack.panel.installer.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread of the live engine, owned in one place and stopped together: the store's thread
 * (snapshots), one control thread (watch checks, timers, starting and stopping informers:
 * nothing that waits on the network) and a pool for what may block (the server-version probe, a
 * credential plugin). fabric8's own informer threads belong to each client.
 */
public final class LiveThreads implements AutoCloseable {

    private final ScheduledExecutorService store =
            Executors.newSingleThreadScheduledExecutor(daemon("fleet-store", false));
    private final ScheduledThreadPoolExecutor control =
            new ScheduledThreadPoolExecutor(1, daemon("live-control", false));
    private final ExecutorService blocking = Executors.newCachedThreadPool(daemon("live-io", true));

    public LiveThreads() {
        control.setRemoveOnCancelPolicy(true);
    }

    /** Daemon threads named {@code name}, numbered {@code name-1, name-2...} in a pool. */
    private static ThreadFactory daemon(String name, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? name + "-" + n.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The store's one thread: every snapshot is assembled here. */
    ScheduledExecutorService store() {
        return store;
    }

    /** Runs a quick task on the control thread, in order with the others; dropped once closed. */
    void control(Runnable task) {
        try {
            control.execute(task);
        } catch (RejectedExecutionException closed) {
            // the fleet is closing: nothing more to start
        }
    }

    /** Runs a quick task on the control thread after a delay; null once closed. */
    ScheduledFuture<?> later(Runnable task, long delayMillis) {
        try {
            return control.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    /** Runs a quick task on the control thread every {@code periodMillis}; null once closed. */
    ScheduledFuture<?> every(Runnable task, long periodMillis) {
        try {
            return control.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    /** Runs a task that may wait on the network or a process, on a thread of the pool; dropped once closed. */
    void blocking(Runnable task) {
        try {
            blocking.execute(task);
        } catch (RejectedExecutionException closed) {
            // the fleet is closing
        }
    }

    /** Stops every thread; tasks not yet run are dropped. */
    @Override
    public void close() {
        store.shutdownNow();
        control.shutdownNow();
        blocking.shutdownNow();
    }
}
