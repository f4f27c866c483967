package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.ReportCounts;

/**
 * A cluster's compliance totals from a given minute on (samples are kept only when the totals
 * change, at most one per cluster and minute).
 *
 * @param cluster      the cluster id, or {@code ""} for a fleet-wide sum
 * @param minuteMillis the start of the minute, epoch millis
 */
public record ComplianceSample(String cluster, long minuteMillis, ReportCounts counts) {

    public static final long MINUTE = 60_000;

    /** The start of the minute that holds {@code millis}. */
    public static long minuteOf(long millis) {
        return Math.floorDiv(millis, MINUTE) * MINUTE;
    }
}
