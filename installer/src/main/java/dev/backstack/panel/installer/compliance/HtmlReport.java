package dev.backstack.panel.installer.compliance;

import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.ComplianceSample;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.compliance.FleetCompliance;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.model.compliance.Transition;
import java.time.Instant;
import java.util.List;

/**
 * The compliance as one self-contained HTML page: inline CSS, an inline SVG chart, no scripts and
 * no external assets; every text from the cluster is escaped. Pure; any thread.
 */
final class HtmlReport {

    static final int MAX_TRANSITIONS = 50;
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
            .meta{color:#59636e}.sim{background:#fff8c5;border:1px solid #d4a72c;padding:2px 8px;border-radius:4px}
            table{border-collapse:collapse;margin:4px 0 8px}th,td{border-bottom:1px solid #d1d9e0;padding:4px 10px;
            text-align:left;vertical-align:top}th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .fail,.error{color:#d1242f;font-weight:600}.warn{color:#9a6700}.pass{color:#1a7f37}
            .total{font-size:16px}svg{border:1px solid #d1d9e0;background:#fff}
            """;

    private HtmlReport() {}

    static String html(FleetCompliance fc, HistorySnapshot history) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>Fleet compliance</title><style>")
                .append(CSS)
                .append("</style></head><body>\n");
        sb.append("<h1>Fleet compliance</h1><p class=\"meta\">Taken ")
                .append(esc(Instant.ofEpochMilli(fc.takenMillis()).toString()))
                .append(" \u00b7 ")
                .append(fc.reports())
                .append(" reports");
        if (fc.simulated()) {
            sb.append(" \u00b7 <span class=\"sim\">SIMULATION: the built-in demo fleet, not a real cluster</span>");
        }
        sb.append("</p>\n<p class=\"total\">").append(counts(fc.total())).append("</p>\n");
        table(sb, "By cluster", "Cluster", fc.byCluster());
        table(sb, "By policy", "Policy", fc.byPolicy());
        table(sb, "By namespace", "Cluster / namespace", fc.byNamespace());
        failing(sb, fc.failing());
        if (history != null) {
            history(sb, history);
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder sb, String title, String first, List<ComplianceRow> rows) {
        sb.append("<h2>")
                .append(esc(title))
                .append("</h2>\n<table><tr><th>")
                .append(esc(first))
                .append("</th><th>Pass</th><th>Fail</th><th>Warn</th><th>Error</th><th>Skip</th><th>Note</th></tr>\n");
        for (ComplianceRow r : rows) {
            ReportCounts c = r.counts();
            sb.append("<tr><td>")
                    .append(esc(r.label()))
                    .append("</td>")
                    .append(num(c.pass(), "pass"))
                    .append(num(c.fail(), "fail"))
                    .append(num(c.warn(), "warn"))
                    .append(num(c.error(), "error"))
                    .append(num(c.skip(), ""))
                    .append("<td>")
                    .append(esc(r.note()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void failing(StringBuilder sb, List<FailingResource> failing) {
        sb.append("<h2>Failing resources (").append(failing.size()).append(")</h2>\n");
        if (failing.isEmpty()) {
            sb.append("<p>None.</p>\n");
            return;
        }
        sb.append("<table><tr><th>Cluster</th><th>Result</th><th>Kind</th><th>Namespace</th><th>Name</th>")
                .append("<th>Policy</th><th>Rule</th><th>Message</th></tr>\n");
        for (FailingResource f : failing) {
            sb.append("<tr><td>")
                    .append(esc(f.cluster()))
                    .append("</td><td class=\"")
                    .append(f.result().label())
                    .append("\">")
                    .append(f.result().label())
                    .append("</td><td>")
                    .append(esc(f.kind()))
                    .append("</td><td>")
                    .append(esc(f.namespace()))
                    .append("</td><td>")
                    .append(esc(f.name()))
                    .append("</td><td>")
                    .append(esc(f.policy()))
                    .append("</td><td>")
                    .append(esc(f.rule()))
                    .append("</td><td>")
                    .append(esc(f.message()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void history(StringBuilder sb, HistorySnapshot h) {
        List<ComplianceSample> series = h.fleetSeries();
        sb.append("<h2>Recent history</h2>\n");
        if (series.isEmpty() && h.transitions().isEmpty()) {
            sb.append("<p>No history recorded yet.</p>\n");
            return;
        }
        if (!series.isEmpty()) {
            ComplianceSample first = series.get(0);
            ComplianceSample last = series.get(series.size() - 1);
            sb.append("<p>From ")
                    .append(esc(Instant.ofEpochMilli(first.minuteMillis()).toString()))
                    .append(": ")
                    .append(counts(first.counts()))
                    .append("<br>To ")
                    .append(esc(Instant.ofEpochMilli(last.minuteMillis()).toString()))
                    .append(": ")
                    .append(counts(last.counts()))
                    .append("</p>\n")
                    .append(FailChart.svg(series))
                    .append('\n');
        }
        List<Transition> shown = h.transitions().stream().limit(MAX_TRANSITIONS).toList();
        sb.append("<p>")
                .append(h.newFailures())
                .append(" of the last ")
                .append(h.transitions().size())
                .append(" transitions were new failures.</p>\n");
        sb.append("<table><tr><th>Time</th><th>Cluster</th><th>Resource</th><th>Policy</th><th>Change</th>")
                .append("<th>Message</th></tr>\n");
        for (Transition t : shown) {
            sb.append("<tr><td>")
                    .append(esc(Instant.ofEpochMilli(t.atMillis()).toString()))
                    .append("</td><td>")
                    .append(esc(t.cluster()))
                    .append("</td><td>")
                    .append(esc(t.resource().display()))
                    .append("</td><td>")
                    .append(esc(t.policy()))
                    .append("</td><td class=\"")
                    .append(t.failing() ? "fail" : "pass")
                    .append("\">")
                    .append(esc(t.change()))
                    .append("</td><td>")
                    .append(esc(t.message()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String num(long n, String style) {
        return "<td class=\"n" + (n > 0 && !style.isEmpty() ? " " + style : "") + "\">" + n + "</td>";
    }

    private static String counts(ReportCounts c) {
        return "<span class=\"pass\">" + c.pass() + " pass</span> \u00b7 <span class=\"fail\">" + c.fail()
                + " fail</span> \u00b7 <span class=\"warn\">" + c.warn() + " warn</span> \u00b7 <span class=\"error\">"
                + c.error() + " error</span> \u00b7 " + c.skip() + " skip";
    }

    /** HTML-escapes text for element content and quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
