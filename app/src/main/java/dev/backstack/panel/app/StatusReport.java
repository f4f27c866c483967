package dev.backstack.panel.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.StatusReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headless status, as a table or as JSON. The JSON shape is documented in
 * {@code docs/status.md}: {@code simulated}, {@code health}, {@code hub} (name, server,
 * kubernetesVersion, reachability, health, reason, hint, components[kind, name, installed, health,
 * version, reason, hint, url, installedBy]) and {@code spokes} (name, health, reachable, reachability,
 * kubernetesVersion, reason, hint, applications) and {@code watchProblems} ({@code cluster: problem}).
 * A {@code hint} is short advice for a common failure ({@code docs/health.md}), empty when none.
 */
public final class StatusReport {

    private StatusReport() {}

    public static String json(Fleet fleet) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("simulated", fleet.simulated());
        root.put("health", fleet.health().label());
        root.put("hub", hub(fleet.hub()));
        List<Object> spokes = new ArrayList<>();
        for (Cluster s : fleet.spokes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("health", s.health().label());
            m.put("reachable", s.reachability().isReachable());
            m.put("reachability", s.reachability().label());
            m.put("kubernetesVersion", s.kubernetesVersion());
            m.put("reason", s.assessment().reason().map(r -> r.oneLine()).orElse(""));
            m.put("hint", s.assessment().hint());
            m.put("applications", s.applications().size());
            spokes.add(m);
        }
        root.put("spokes", spokes);
        root.put("watchProblems", watchProblems(fleet));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status as JSON", e);
        }
    }

    /** Each watch problem as {@code cluster: problem}, the cluster by the name the report shows. */
    static List<String> watchProblems(Fleet fleet) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(fleet.hub().id(), fleet.hub().name());
        fleet.spokes().forEach(s -> names.put(s.id(), s.name()));
        return fleet.watches().stream()
                .filter(w -> w.isProblem())
                .map(w -> names.getOrDefault(w.cluster(), w.cluster()) + ": " + w.describe())
                .toList();
    }

    private static Map<String, Object> hub(Cluster hub) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", hub.name());
        m.put("server", hub.server());
        m.put("kubernetesVersion", hub.kubernetesVersion());
        m.put("reachability", hub.reachability().label());
        m.put("health", hub.health().label());
        m.put("reason", hub.assessment().reason().map(r -> r.oneLine()).orElse(""));
        m.put("hint", hub.assessment().hint());
        List<Object> components = new ArrayList<>();
        for (Component c : hub.components()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("kind", c.kind().name());
            cm.put("name", c.kind().displayName());
            cm.put("installed", c.installed() || c.knownAbsent() ? c.installed() : null);
            cm.put("health", c.health().label());
            cm.put("version", c.version());
            cm.put("reason", c.assessment().reason().map(r -> r.oneLine()).orElse(""));
            cm.put("hint", c.assessment().hint());
            cm.put("url", c.url());
            cm.put("installedBy", c.installedBy());
            components.add(cm);
        }
        m.put("components", components);
        return m;
    }

    public static String table(Fleet fleet) {
        StringBuilder sb = new StringBuilder();
        Cluster hub = fleet.hub();
        if (fleet.simulated()) {
            sb.append("SIMULATION: the built-in demo fleet, not a real cluster\n");
        }
        sb.append("HUB ")
                .append(hub.name())
                .append("  ")
                .append(hub.health().label())
                .append("  ")
                .append(hub.reachability().label())
                .append(hub.kubernetesVersion().isEmpty() ? "" : "  " + hub.kubernetesVersion())
                .append('\n');
        String hubReason =
                hub.reachability().isReachable() ? "" : hub.assessment().oneLine();
        if (!hubReason.isEmpty()) {
            // Said once: every component of a hub that does not answer is Unknown for this reason.
            sb.append("REASON ").append(reasonColumn(hub.assessment())).append('\n');
        }
        sb.append('\n');
        String fmt = "%-15s %-12s %-10s %s%n";
        sb.append(String.format(fmt, "COMPONENT", "HEALTH", "VERSION", "REASON"));
        for (Component c : hub.components()) {
            sb.append(String.format(
                    fmt,
                    c.kind().displayName(),
                    c.statusLabel(),
                    c.version().isEmpty() ? "-" : c.version(),
                    c.assessment().oneLine().equals(hubReason) ? "(see REASON above)" : reasonColumn(c.assessment())));
        }
        sb.append('\n');
        String sfmt = "%-15s %-12s %-14s %-10s %s%n";
        sb.append(String.format(sfmt, "SPOKE", "HEALTH", "CONNECTION", "VERSION", "REASON"));
        for (Cluster s : fleet.spokes()) {
            sb.append(String.format(
                    sfmt,
                    s.name(),
                    s.health().label(),
                    s.reachability().label(),
                    s.kubernetesVersion().isEmpty() ? "-" : s.kubernetesVersion(),
                    reasonColumn(s.assessment())));
        }
        sb.append("\nFLEET ").append(fleet.health().label()).append('\n');
        return sb.toString();
    }

    /** The REASON column: the one-line reason, and its hint after {@code " \u2014 hint: "}, still one line. */
    static String reasonColumn(Assessment assessment) {
        return assessment.reason().map(StatusReason::oneLineWithHint).orElse(assessment.summary());
    }
}
