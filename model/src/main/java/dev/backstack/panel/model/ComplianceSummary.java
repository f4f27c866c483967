package dev.backstack.panel.model;

import java.util.ArrayList;
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
 * @param worst       the worst of the failing results (fail, then error, then warn;
 *                    {@link ComplianceResult#WORST_FIRST}), at most {@link #WORST_KEPT}: what a
 *                    summary lists next to its counts without going through every result
 * @param findings    how many counted results are fail, error or warn ({@code worst} may hold fewer)
 */
public record ComplianceSummary(
        ReportCounts total,
        Map<String, ReportCounts> byPolicy,
        Map<String, ReportCounts> byNamespace,
        int reports,
        List<ComplianceResult> results,
        int shadowed,
        List<ComplianceResult> worst,
        int findings) {

    /** How many of the worst failing results a summary keeps (computed once, where reports are read). */
    public static final int WORST_KEPT = 50;

    public static final ComplianceSummary EMPTY = new ComplianceSummary(ReportCounts.ZERO, Map.of(), Map.of(), 0);

    public ComplianceSummary {
        byPolicy = Collections.unmodifiableMap(new TreeMap<>(byPolicy));
        byNamespace = Collections.unmodifiableMap(new TreeMap<>(byNamespace));
        results = List.copyOf(results);
        worst = List.copyOf(worst);
    }

    /** A summary of these results; the worst failing ones and their number are taken from them. */
    public ComplianceSummary(
            ReportCounts total,
            Map<String, ReportCounts> byPolicy,
            Map<String, ReportCounts> byNamespace,
            int reports,
            List<ComplianceResult> results,
            int shadowed) {
        this(total, byPolicy, byNamespace, reports, results, shadowed, worstOf(results, WORST_KEPT), (int)
                results.stream().filter(r -> r.verdict().finding()).count());
    }

    /** A summary without per-result detail (counts only). */
    public ComplianceSummary(
            ReportCounts total,
            Map<String, ReportCounts> byPolicy,
            Map<String, ReportCounts> byNamespace,
            int reports) {
        this(total, byPolicy, byNamespace, reports, List.of(), 0);
    }

    /** The failing results (fail, error, warn) of {@code results}, worst first, at most {@code limit}. */
    public static List<ComplianceResult> worstOf(List<ComplianceResult> results, int limit) {
        List<ComplianceResult> findings = new ArrayList<>();
        for (ComplianceResult r : results) {
            if (r.verdict().finding()) {
                findings.add(r);
            }
        }
        findings.sort(ComplianceResult.WORST_FIRST);
        return findings.size() > limit ? List.copyOf(findings.subList(0, limit)) : findings;
    }

    /** How many failing results are not in {@link #worst()}. */
    public int moreFindings() {
        return findings - worst.size();
    }
}
