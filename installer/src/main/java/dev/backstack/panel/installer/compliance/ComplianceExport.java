package dev.backstack.panel.installer.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.Verdict;
import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.ComplianceSample;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.compliance.FailureList;
import dev.backstack.panel.model.compliance.FleetCompliance;
import dev.backstack.panel.model.compliance.Grouping;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.model.compliance.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet's compliance as text for people and tools: a plain-text table, JSON, CSV (RFC 4180)
 * and a self-contained HTML page ({@link HtmlReport}). Pure string building; any thread.
 */
public final class ComplianceExport {

    /** What can be written. */
    public enum Format {
        TABLE("txt"),
        JSON("json"),
        CSV("csv"),
        HTML("html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** {@code table}, {@code json}, {@code csv} or {@code html}. */
        public static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("not an output format: " + name + " (table, json, csv or html)");
        }
    }

    /** How many failing results the table and JSON's {@code failures[]} list, worst first. */
    public static final int FAILURES_SHOWN = 20;

    private ComplianceExport() {}

    public static String write(Format format, FleetCompliance fc, HistorySnapshot history) {
        return switch (format) {
            case TABLE -> ComplianceTable.text(fc);
            case JSON -> json(fc, history);
            case CSV -> csv(fc);
            case HTML -> HtmlReport.html(fc, history);
        };
    }

    /** The failing resources, one per line: cluster, kind, namespace, name, policy, rule, result, message, source. */
    public static String csv(FleetCompliance fc) {
        StringBuilder sb = new StringBuilder();
        line(sb, "cluster", "kind", "namespace", "name", "policy", "rule", "result", "message", "source");
        for (FailingResource f : fc.failing()) {
            line(
                    sb,
                    f.cluster(),
                    f.kind(),
                    f.namespace(),
                    f.name(),
                    f.policy(),
                    f.rule(),
                    f.result().label(),
                    f.message(),
                    f.group());
        }
        return sb.toString();
    }

    /** One table's rows: grouping, cluster, key and the five counts, with the note. */
    public static String csv(FleetCompliance fc, Grouping grouping) {
        StringBuilder sb = new StringBuilder();
        line(sb, "grouping", "cluster", "key", "pass", "fail", "warn", "error", "skip", "note");
        for (ComplianceRow r : fc.rows(grouping)) {
            ReportCounts c = r.counts();
            line(
                    sb,
                    grouping.name().toLowerCase(Locale.ROOT),
                    r.cluster(),
                    r.key(),
                    Long.toString(c.pass()),
                    Long.toString(c.fail()),
                    Long.toString(c.warn()),
                    Long.toString(c.error()),
                    Long.toString(c.skip()),
                    r.note());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ",").append(csvField(fields[i]));
        }
        sb.append("\r\n");
    }

    /** RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled. */
    static String csvField(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** The whole compliance, with the history when one is given (shape in docs/policies.md). */
    public static String json(FleetCompliance fc, HistorySnapshot history) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("simulated", fc.simulated());
        root.put("takenAt", Instant.ofEpochMilli(fc.takenMillis()).toString());
        root.put("hasFailures", fc.hasFailures());
        root.put("total", counts(fc.total()));
        root.put("reports", fc.reports());
        root.put("shadowed", fc.shadowed());
        root.put("clusters", fc.byCluster().stream().map(r -> row("cluster", r)).toList());
        root.put("policies", fc.byPolicy().stream().map(r -> row("policy", r)).toList());
        root.put(
                "namespaces",
                fc.byNamespace().stream().map(r -> row("namespace", r)).toList());
        FailureList worst = fc.worst(FAILURES_SHOWN);
        root.put(
                "failures",
                worst.shown().stream().map(ComplianceExport::failure).toList());
        root.put("failuresTotal", worst.total());
        root.put("failuresMore", worst.more());
        root.put("failing", fc.failing().stream().map(ComplianceExport::failing).toList());
        if (history != null) {
            root.put("history", history(history));
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the compliance as JSON", e);
        }
    }

    private static Map<String, Object> counts(ReportCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pass", c.pass());
        m.put("fail", c.fail());
        m.put("warn", c.warn());
        m.put("error", c.error());
        m.put("skip", c.skip());
        return m;
    }

    private static Map<String, Object> row(String keyName, ComplianceRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.grouping() == Grouping.NAMESPACE) {
            m.put("cluster", r.cluster());
        }
        m.put(keyName, r.key());
        m.putAll(counts(r.counts()));
        if (!r.note().isEmpty()) {
            m.put("note", r.note());
        }
        return m;
    }

    private static Map<String, Object> failing(FailingResource f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", f.cluster());
        m.put("kind", f.kind());
        m.put("namespace", f.namespace());
        m.put("name", f.name());
        m.put("policy", f.policy());
        m.put("rule", f.rule());
        m.put("result", f.result().label());
        m.put("message", f.message());
        m.put("source", f.group());
        return m;
    }

    /** One of the worst failing results: what failed, where, and why. */
    private static Map<String, Object> failure(FailingResource f) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("kind", f.kind());
        resource.put("name", f.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", f.result().label());
        m.put("policy", f.policy());
        m.put("rule", f.rule());
        m.put("resource", resource);
        m.put("namespace", f.namespace());
        m.put("cluster", f.cluster());
        m.put("message", f.message());
        m.put("source", f.group());
        return m;
    }

    private static Map<String, Object> history(HistorySnapshot h) {
        List<Object> samples = new ArrayList<>();
        for (ComplianceSample s : h.samples()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cluster", s.cluster());
            m.put("minute", Instant.ofEpochMilli(s.minuteMillis()).toString());
            m.putAll(counts(s.counts()));
            samples.add(m);
        }
        List<Object> transitions = new ArrayList<>();
        for (Transition t : h.transitions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", Instant.ofEpochMilli(t.atMillis()).toString());
            m.put("cluster", t.cluster());
            m.put("policy", t.policy());
            m.put("resource", t.resource().display());
            m.put("rule", t.rule());
            m.put("from", t.from().map(Verdict::label).orElse(null));
            m.put("to", t.to().map(Verdict::label).orElse(null));
            m.put("message", t.message());
            transitions.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("transitions", transitions);
        return m;
    }
}
