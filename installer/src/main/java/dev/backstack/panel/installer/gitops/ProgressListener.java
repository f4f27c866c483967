package dev.backstack.panel.installer.gitops;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hears what a delivery is doing ({@code fetching main from https://...}, {@code pushing ...})
 * and tells it whether the user cancelled. Called on the delivering thread; implementations
 * must return quickly. A delivery also stops when its thread is interrupted.
 */
@FunctionalInterface
public interface ProgressListener {

    /** One status line, for the step's sub-status or a log. */
    void status(String line);

    /** Polled between phases and during transfers; true stops the delivery with CANCELLED. */
    default boolean isCancelled() {
        return false;
    }

    /** Reports nothing and never cancels. */
    static ProgressListener none() {
        return line -> {};
    }

    /** Status lines to a sink; cancelled when {@code cancelled} says so. */
    static ProgressListener of(Consumer<String> sink, BooleanSupplier cancelled) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(cancelled, "cancelled");
        return new ProgressListener() {
            @Override
            public void status(String line) {
                sink.accept(line);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
