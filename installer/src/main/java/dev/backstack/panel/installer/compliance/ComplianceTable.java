package dev.backstack.panel.installer.compliance;

import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.compliance.FleetCompliance;
import java.util.List;

/** The compliance as a plain-text table for a terminal. Pure; any thread. */
final class ComplianceTable {

    private static final String COUNTS = "%6s %6s %6s %6s %6s";

    private ComplianceTable() {
    }

    static String text(FleetCompliance fc) {
        StringBuilder sb = new StringBuilder();
        if (fc.simulated()) {
            sb.append("SIMULATION: the built-in demo fleet, not a real cluster\n");
        }
        sb.append("COMPLIANCE ").append(fc.total()).append("  (").append(fc.reports()).append(" reports");
        if (fc.shadowed() > 0) {
            sb.append(", ").append(fc.shadowed()).append(" wgpolicyk8s.io results also in openreports.io, counted once");
        }
        sb.append(")\n\n");
        rows(sb, "CLUSTER", fc.byCluster());
        rows(sb, "POLICY", fc.byPolicy());
        rows(sb, "NAMESPACE", fc.byNamespace());
        failing(sb, fc.failing());
        sb.append(fc.hasFailures() ? "FAILURES " + (fc.total().fail() + fc.total().error()) : "NO FAILURES").append('\n');
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String title, List<ComplianceRow> rows) {
        int width = Math.max(title.length(), rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        String fmt = "%-" + width + "s " + COUNTS + "  %s%n";
        sb.append(String.format(fmt, title, "PASS", "FAIL", "WARN", "ERROR", "SKIP", "NOTE").stripTrailing()).append('\n');
        for (ComplianceRow r : rows) {
            ReportCounts c = r.counts();
            sb.append(String.format(fmt, r.label(), c.pass(), c.fail(), c.warn(), c.error(), c.skip(), r.note())
                    .stripTrailing()).append('\n');
        }
        sb.append('\n');
    }

    private static void failing(StringBuilder sb, List<FailingResource> failing) {
        if (failing.isEmpty()) {
            sb.append("No failing resources.\n\n");
            return;
        }
        int cluster = width("CLUSTER", failing.stream().map(FailingResource::cluster).toList());
        int resource = width("RESOURCE", failing.stream().map(FailingResource::resource).toList());
        int policy = width("POLICY/RULE", failing.stream().map(ComplianceTable::policyRule).toList());
        String fmt = "%-" + cluster + "s %-6s %-" + resource + "s %-" + policy + "s %s%n";
        sb.append(String.format(fmt, "CLUSTER", "RESULT", "RESOURCE", "POLICY/RULE", "MESSAGE"));
        for (FailingResource f : failing) {
            sb.append(String.format(fmt, f.cluster(), f.result().label(), f.resource(), policyRule(f),
                    oneLine(f.message())));
        }
        sb.append('\n');
    }

    private static String policyRule(FailingResource f) {
        return f.policy() + (f.rule().isEmpty() || f.rule().equals(f.policy()) ? "" : "/" + f.rule());
    }

    private static int width(String title, List<String> values) {
        return Math.max(title.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }

    /** One line, without control characters (a message must not drive the terminal). */
    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").replaceAll("\\p{Cntrl}", " ").trim();
    }
}
