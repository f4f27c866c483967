package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a probe's value satisfies a condition (Awaitility is not on this module's classpath). */
final class DemoAwait {

    static final long TIMEOUT_MILLIS = 30_000;

    private DemoAwait() {
    }

    /** The first value of {@code probe} that satisfies {@code ok}; fails the test after the timeout. */
    static <T> T until(String what, Supplier<T> probe, Predicate<T> ok) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        T last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = probe.get();
                if (last != null && ok.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // not there yet: the object or its kind may not exist
            }
            Thread.sleep(50);
        }
        assertThat(last).as("timed out waiting until " + what + "; last seen: " + last).matches(v -> v != null && ok.test(v));
        return last;
    }
}
