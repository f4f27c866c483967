package dev.backstack.panel.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Kyverno compliance of one cluster, summed from its PolicyReports and ClusterPolicyReports.
 *
 * @param byPolicy    counts per policy name, sorted by name
 * @param byNamespace counts per namespace ({@code ""} for cluster-scoped reports), sorted
 */
public record ComplianceSummary(ReportCounts total, Map<String, ReportCounts> byPolicy,
        Map<String, ReportCounts> byNamespace, int reports) {

    public static final ComplianceSummary EMPTY = new ComplianceSummary(ReportCounts.ZERO, Map.of(), Map.of(), 0);

    public ComplianceSummary {
        byPolicy = java.util.Collections.unmodifiableMap(new TreeMap<>(byPolicy));
        byNamespace = java.util.Collections.unmodifiableMap(new TreeMap<>(byNamespace));
    }
}
