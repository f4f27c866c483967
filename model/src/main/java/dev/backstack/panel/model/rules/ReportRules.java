package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.ComplianceResult;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.ResourceRef;
import dev.backstack.panel.model.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kyverno's reports of both API groups into one {@link ComplianceSummary}. Pure.
 *
 * <p>Rules:
 * <ul>
 * <li>Each report object counts once (the same group, kind, namespace and name read twice is one).</li>
 * <li>A result is about the resource in its {@code resources[]} (one counted result per resource
 *     listed), else about the report's {@code scope}, else about no particular resource.</li>
 * <li><b>One result, two groups:</b> while Kyverno moves to {@code openreports.io} a cluster can
 *     hold both groups, and the same result can be written to both. An {@code openreports.io}
 *     result wins: a {@code wgpolicyk8s.io} result is not counted when an {@code openreports.io}
 *     report has a result of the same policy for the same resource (kind, namespace, name). The
 *     dropped results are counted in {@link ComplianceSummary#shadowed()}.</li>
 * <li>A report's totals are its own {@code summary} when it has one and none of its results was
 *     dropped; otherwise they are counted from its results. Per policy is always counted from the
 *     results.</li>
 * </ul>
 */
public final class ReportRules {

    public static final String WGPOLICY = "wgpolicyk8s.io";
    public static final String OPENREPORTS = "openreports.io";

    private ReportRules() {}

    private record Read(KubeObject report, List<ComplianceResult> results) {}

    private record Key(String policy, ResourceRef resource) {}

    public static ComplianceSummary summarize(Collection<KubeObject> reports) {
        List<Read> read =
                unique(reports).stream().map(r -> new Read(r, results(r))).toList();
        Set<Key> fromOpenReports = new HashSet<>();
        read.stream()
                .filter(r -> OPENREPORTS.equals(r.report().kindRef().group()))
                .forEach(r -> r.results().forEach(c -> fromOpenReports.add(new Key(c.policy(), c.resource()))));
        ReportCounts total = ReportCounts.ZERO;
        Map<String, ReportCounts> byPolicy = new HashMap<>();
        Map<String, ReportCounts> byNamespace = new HashMap<>();
        List<ComplianceResult> counted = new ArrayList<>();
        int shadowed = 0;
        for (Read r : read) {
            List<ComplianceResult> kept =
                    OPENREPORTS.equals(r.report().kindRef().group())
                            ? r.results()
                            : r.results().stream()
                                    .filter(c -> !fromOpenReports.contains(new Key(c.policy(), c.resource())))
                                    .toList();
            shadowed += r.results().size() - kept.size();
            ReportCounts counts = kept.size() == r.results().size() ? reportCounts(r.report()) : count(kept);
            total = total.plus(counts);
            byNamespace.merge(r.report().namespace(), counts, ReportCounts::plus);
            for (ComplianceResult c : kept) {
                if (!c.policy().isEmpty()) {
                    byPolicy.merge(c.policy(), c.verdict().counts(), ReportCounts::plus);
                }
            }
            counted.addAll(kept);
        }
        return new ComplianceSummary(total, byPolicy, byNamespace, read.size(), counted, shadowed);
    }

    private static Collection<KubeObject> unique(Collection<KubeObject> reports) {
        Map<String, KubeObject> byIdentity = new LinkedHashMap<>();
        for (KubeObject r : reports) {
            byIdentity.putIfAbsent(r.kindRef() + "|" + r.key(), r);
        }
        return byIdentity.values();
    }

    /** The results of one report, one per resource they name; results with an unknown verdict are left out. */
    static List<ComplianceResult> results(KubeObject report) {
        String group = report.kindRef().group();
        ResourceRef scope = scope(report);
        List<ComplianceResult> out = new ArrayList<>();
        for (Object item : Fields.list(report.body(), "results")) {
            if (!(item instanceof Map<?, ?> r)) {
                continue;
            }
            Verdict.of(Fields.str(r, "result")).ifPresent(verdict -> {
                List<ResourceRef> resources = resources(r, report.namespace());
                for (ResourceRef resource : resources.isEmpty() ? List.of(scope) : resources) {
                    out.add(new ComplianceResult(
                            group,
                            report.namespace(),
                            Fields.str(r, "policy"),
                            Fields.str(r, "rule"),
                            verdict,
                            Fields.str(r, "message"),
                            resource));
                }
            });
        }
        return out;
    }

    private static List<ResourceRef> resources(Map<?, ?> result, String reportNamespace) {
        List<ResourceRef> out = new ArrayList<>();
        for (Object item : Fields.list(result, "resources")) {
            if (item instanceof Map<?, ?> m) {
                out.add(ref(m, reportNamespace));
            }
        }
        return out;
    }

    private static ResourceRef scope(KubeObject report) {
        Map<?, ?> scope = Fields.map(report.body(), "scope");
        return scope.isEmpty() ? new ResourceRef("", report.namespace(), "") : ref(scope, report.namespace());
    }

    private static ResourceRef ref(Map<?, ?> m, String reportNamespace) {
        String ns = Fields.str(m, "namespace");
        return new ResourceRef(
                Fields.str(m, "kind"), ns == null || ns.isEmpty() ? reportNamespace : ns, Fields.str(m, "name"));
    }

    /** A report's own {@code summary}; when absent, counted from its results. */
    static ReportCounts reportCounts(KubeObject report) {
        Map<?, ?> summary = Fields.map(report.body(), "summary");
        if (!summary.isEmpty()) {
            return new ReportCounts(
                    Fields.num(summary, 0, "pass"),
                    Fields.num(summary, 0, "fail"),
                    Fields.num(summary, 0, "warn"),
                    Fields.num(summary, 0, "error"),
                    Fields.num(summary, 0, "skip"));
        }
        ReportCounts counts = ReportCounts.ZERO;
        for (Object result : Fields.list(report.body(), "results")) {
            if (result instanceof Map<?, ?> r) {
                counts = counts.plus(ReportCounts.ofResult(Fields.str(r, "result")));
            }
        }
        return counts;
    }

    private static ReportCounts count(List<ComplianceResult> results) {
        ReportCounts counts = ReportCounts.ZERO;
        for (ComplianceResult c : results) {
            counts = counts.plus(c.verdict().counts());
        }
        return counts;
    }
}
