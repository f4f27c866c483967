package dev.backstack.panel.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Polls a condition that reads the scene graph on the FX thread: the one FX-specific waiting helper,
 * Awaitility underneath. TestFX's lookups walk the children lists; walking them from the test thread
 * while the FX thread replaces them fails with an IndexOutOfBoundsException now and then (seen in
 * CI), so every poll runs on the FX thread.
 */
public final class FxPoll {

    private FxPoll() {}

    /** Waits up to {@code seconds} for the condition, evaluated on the FX thread, then for pending FX events. */
    public static void until(int seconds, Callable<Boolean> condition) throws Exception {
        Awaitility.await()
                .atMost(Duration.ofSeconds(seconds))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Evaluates {@code read} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
