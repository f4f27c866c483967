package dev.backstack.panel.bench.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit without a display, on Monocle's headless platform with the software
 * pipeline: the same system properties as the root pom's {@code headless.fx} (tests use them),
 * set before {@link Platform#startup}. Pulses run at JavaFX's usual 60 Hz.
 */
public final class HeadlessFx {

    private HeadlessFx() {}

    public static void start() throws InterruptedException {
        setIfAbsent("testfx.robot", "glass");
        setIfAbsent("testfx.headless", "true");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("java.awt.headless", "true");
        setIfAbsent("headless.geometry", "1600x1000-32");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
        Platform.setImplicitExit(false);
    }

    /** Runs on the FX thread and waits for the result. */
    public static <T> T call(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    public static void run(Runnable task) throws Exception {
        call(() -> {
            task.run();
            return null;
        });
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
