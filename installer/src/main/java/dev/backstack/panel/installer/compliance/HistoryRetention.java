package dev.backstack.panel.installer.compliance;

import java.time.Duration;

/**
 * How much compliance history is kept: nothing older than {@code maxAge}, and at most
 * {@code maxSamples} samples and {@code maxTransitions} transitions (the oldest go first).
 * Applied when the history opens and every {@code pruneEvery} after.
 */
public record HistoryRetention(Duration maxAge, int maxSamples, int maxTransitions, Duration pruneEvery) {

    /** Thirty days, 200,000 samples (about 4 clusters a minute for a month), 50,000 transitions; pruned hourly. */
    public static final HistoryRetention DEFAULT =
            new HistoryRetention(Duration.ofDays(30), 200_000, 50_000, Duration.ofHours(1));

    public HistoryRetention {
        if (maxAge.isNegative()
                || maxAge.isZero()
                || maxSamples < 1
                || maxTransitions < 1
                || pruneEvery.isNegative()
                || pruneEvery.isZero()) {
            throw new IllegalArgumentException("retention limits must be positive");
        }
    }
}
