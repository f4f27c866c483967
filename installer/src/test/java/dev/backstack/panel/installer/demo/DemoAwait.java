package dev.backstack.panel.installer.demo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits until a probe's value satisfies a condition, on the demo's clock (a tick is 1.5 s). */
final class DemoAwait {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DemoAwait() {}

    /**
     * The first value of {@code probe} that satisfies {@code ok}; a probe that throws is not there
     * yet (the object or its kind may not exist). Fails the test after the timeout, with the last value seen.
     */
    static <T> T until(String what, Supplier<T> probe, Predicate<T> ok) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await(what)
                    .atMost(TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(
                            () -> {
                                T v = probe.get();
                                last.set(v);
                                return v;
                            },
                            v -> v != null && ok.test(v));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; last seen: " + last.get(), e);
        }
    }
}
