package dev.backstack.panel.installer.compliance;

import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.compliance.FailureList;
import dev.backstack.panel.model.compliance.FleetCompliance;
import java.util.List;

/** The compliance as a plain-text table for a terminal. Pure; any thread. */
final class ComplianceTable {

    private static final String COUNTS = "%6s %6s %6s %6s %6s";

    private ComplianceTable() {}

    static String text(FleetCompliance fc) {
        return text(fc, ComplianceExport.FAILURES_SHOWN);
    }

    /** The table with at most {@code limit} failing results. */
    static String text(FleetCompliance fc, int limit) {
        StringBuilder sb = new StringBuilder();
        if (fc.simulated()) {
            sb.append("SIMULATION: the built-in demo fleet, not a real cluster\n");
        }
        sb.append("COMPLIANCE ")
                .append(fc.total())
                .append("  (")
                .append(fc.reports())
                .append(" reports");
        if (fc.shadowed() > 0) {
            sb.append(", ")
                    .append(fc.shadowed())
                    .append(" wgpolicyk8s.io results also in openreports.io, counted once");
        }
        sb.append(")\n\n");
        rows(sb, "CLUSTER", fc.byCluster());
        rows(sb, "POLICY", fc.byPolicy());
        rows(sb, "NAMESPACE", fc.byNamespace());
        failing(sb, fc.worst(limit));
        sb.append(
                        fc.hasFailures()
                                ? "FAILURES " + (fc.total().fail() + fc.total().error())
                                : "NO FAILURES")
                .append('\n');
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String title, List<ComplianceRow> rows) {
        int width = Math.max(
                title.length(),
                rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        String fmt = "%-" + width + "s " + COUNTS + "  %s%n";
        sb.append(String.format(fmt, title, "PASS", "FAIL", "WARN", "ERROR", "SKIP", "NOTE")
                        .stripTrailing())
                .append('\n');
        for (ComplianceRow r : rows) {
            ReportCounts c = r.counts();
            sb.append(String.format(fmt, r.label(), c.pass(), c.fail(), c.warn(), c.error(), c.skip(), r.note())
                            .stripTrailing())
                    .append('\n');
        }
        sb.append('\n');
    }

    /**
     * The worst failing results under the counts, one per line: result, policy, rule, resource
     * (kind/name), namespace, cluster and message; "... and K more" when cut at {@code limit}.
     */
    private static void failing(StringBuilder sb, FailureList list) {
        if (list.isEmpty()) {
            sb.append("No failing results.\n\n");
            return;
        }
        List<FailingResource> shown = list.shown();
        sb.append("FAILING RESULTS ")
                .append(list.total())
                .append(" (fail, then error, then warn")
                .append(list.more() == 0 ? "" : "; the worst " + shown.size())
                .append(")\n");
        int policy = width("POLICY", shown.stream().map(FailingResource::policy).toList());
        int rule = width("RULE", shown.stream().map(FailingResource::rule).toList());
        int resource =
                width("RESOURCE", shown.stream().map(FailingResource::kindName).toList());
        int namespace = width(
                "NAMESPACE", shown.stream().map(ComplianceTable::namespace).toList());
        int cluster =
                width("CLUSTER", shown.stream().map(FailingResource::cluster).toList());
        String fmt =
                "%-6s %-" + policy + "s %-" + rule + "s %-" + resource + "s %-" + namespace + "s %-" + cluster + "s %s";
        sb.append(String.format(fmt, "RESULT", "POLICY", "RULE", "RESOURCE", "NAMESPACE", "CLUSTER", "MESSAGE"))
                .append('\n');
        for (FailingResource f : shown) {
            sb.append(String.format(
                                    fmt,
                                    f.result().label(),
                                    oneLine(f.policy()),
                                    oneLine(f.rule()),
                                    oneLine(f.kindName()),
                                    oneLine(namespace(f)),
                                    f.cluster(),
                                    oneLine(f.message()))
                            .stripTrailing())
                    .append('\n');
        }
        if (list.more() > 0) {
            sb.append("... ").append(list.moreText()).append(" (every one: --output csv or json's failing[])\n");
        }
        sb.append('\n');
    }

    private static String namespace(FailingResource f) {
        return f.namespace().isEmpty() ? "-" : f.namespace();
    }

    private static int width(String title, List<String> values) {
        return Math.max(
                title.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }

    /** One line, without control characters (a message must not drive the terminal). */
    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").replaceAll("\\p{Cntrl}", " ").trim();
    }
}
