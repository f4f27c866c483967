package dev.backstack.panel.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kyverno compliance of one cluster, read from its reports of both API groups
 * ({@code wgpolicyk8s.io} PolicyReports and ClusterPolicyReports, {@code openreports.io} Reports
 * and ClusterReports); see {@code model.rules.ReportRules} for how a result written to both
 * groups is counted once.
 *
 * @param byPolicy    counts per policy name, sorted by name
 * @param byNamespace counts per namespace ({@code ""} for cluster-scoped reports), sorted
 * @param reports     how many report objects were read
 * @param results     every counted result, one per resource (the drill-down and the history)
 * @param shadowed    {@code wgpolicyk8s.io} results not counted because an {@code openreports.io}
 *                    report holds the same policy for the same resource
 */
public record ComplianceSummary(ReportCounts total, Map<String, ReportCounts> byPolicy,
        Map<String, ReportCounts> byNamespace, int reports, List<ComplianceResult> results, int shadowed) {

    public static final ComplianceSummary EMPTY = new ComplianceSummary(ReportCounts.ZERO, Map.of(), Map.of(), 0);

    public ComplianceSummary {
        byPolicy = Collections.unmodifiableMap(new TreeMap<>(byPolicy));
        byNamespace = Collections.unmodifiableMap(new TreeMap<>(byNamespace));
        results = List.copyOf(results);
    }

    /** A summary without per-result detail (counts only). */
    public ComplianceSummary(ReportCounts total, Map<String, ReportCounts> byPolicy,
            Map<String, ReportCounts> byNamespace, int reports) {
        this(total, byPolicy, byNamespace, reports, List.of(), 0);
    }
}
