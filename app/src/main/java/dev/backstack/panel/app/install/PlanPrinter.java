package dev.backstack.panel.app.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepPreview;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan and the preflight as the command line prints them. The plan is multi-document YAML:
 * every object exactly as the review page shows it (secret values redacted), and each Helm step
 * as a {@code helmRelease} document with its chart coordinates and values.
 */
public final class PlanPrinter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private PlanPrinter() {}

    public static String yaml(PlanPreview plan) {
        StringBuilder s = new StringBuilder("# ").append(plan.title()).append('\n');
        int n = 0;
        for (StepPreview step : plan.steps()) {
            n++;
            s.append("# step ")
                    .append(n)
                    .append('/')
                    .append(plan.steps().size())
                    .append(": ")
                    .append(step.info().id())
                    .append(" — ")
                    .append(step.info().title())
                    .append(" (")
                    .append(step.info().kind().label())
                    .append(")\n");
            if (step.helm() != null) {
                s.append("---\n").append(helm(step));
            }
            for (ObjectPreview o : step.objects()) {
                s.append("---\n").append(o.yaml());
            }
        }
        return s.toString();
    }

    private static String helm(StepPreview step) {
        try {
            Map<String, Object> doc = new LinkedHashMap<>();
            StepPreview.HelmPreview h = step.helm();
            Map<String, Object> release = new LinkedHashMap<>();
            release.put("name", h.release());
            release.put("namespace", h.namespace());
            release.put("chart", h.chart());
            release.put("version", h.version());
            release.put("repository", h.repository());
            doc.put("helmRelease", release);
            Object values = step.values().isBlank() ? Map.of() : YAML.readValue(step.values(), Object.class);
            doc.put("values", values == null ? Map.of() : values);
            return YAML.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String preflight(PreflightReport report) {
        StringBuilder s =
                new StringBuilder("Preflight: ").append(report.summary()).append('\n');
        for (PreflightFinding f : report.findings()) {
            String mark = f.passed() ? "ok  " : f.blocks() ? "FAIL" : "WARN";
            s.append("  [")
                    .append(mark)
                    .append("] ")
                    .append(f.title())
                    .append(" (")
                    .append(f.id())
                    .append(")\n");
            if (!f.detail().isEmpty()) {
                f.detail()
                        .lines()
                        .forEach(l -> s.append("         ").append(l.strip()).append('\n'));
            }
            if (!f.passed() && !f.hint().isEmpty()) {
                s.append("         what to do: ").append(f.hint()).append('\n');
            }
        }
        return s.toString();
    }
}
