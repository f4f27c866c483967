package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.rules.Hints;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The headless status shows each failure's hint: {@code hint} in the JSON, after the reason in the table. */
class StatusReportHintTest {

    static final Assessment CRASHING = Hints.apply(Assessment.of(
            Health.DEGRADED,
            "Pod kyverno-admission-1",
            "container kyverno is in CrashLoopBackOff (3 restarts)\nback-off 5m0s"));
    static final Assessment SYNC_FAILED = Hints.apply(Assessment.of(
            Health.DEGRADED,
            "Application spoke-2-kyverno",
            "sync Failed (retry 2): one or more objects failed to apply"));

    static Fleet fleet() {
        List<Component> components = List.of(
                new Component(
                        ComponentKind.KYVERNO, true, CRASHING, "1.13.0", "Helm", null, List.of(), List.of(), List.of()),
                new Component(
                        ComponentKind.BACKSTAGE,
                        true,
                        Assessment.healthy("1 workload available"),
                        "1.24.0",
                        "Helm",
                        null,
                        List.of(),
                        List.of(),
                        List.of()));
        Cluster hub = new Cluster(
                "hub-ctx",
                "backstack-hub",
                ClusterRole.HUB,
                "https://127.0.0.1:6443",
                Set.of("test"),
                Reachability.REACHABLE,
                "v1.33.4",
                components,
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                CRASHING);
        Cluster spoke = new Cluster(
                "spoke-2",
                "spoke-2",
                ClusterRole.SPOKE,
                "https://127.0.0.1:7443",
                Set.of("test"),
                Reachability.REACHABLE,
                "v1.31.11",
                List.of(),
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                SYNC_FAILED);
        return new Fleet(hub, List.of(spoke), List.of(), false, 1, 1);
    }

    @Test
    @DisplayName("JSON: components, the hub and spokes carry their hint; a healthy one an empty hint")
    void jsonCarriesHints() throws Exception {
        JsonNode root = new ObjectMapper().readTree(StatusReport.json(fleet()));

        JsonNode kyverno = root.at("/hub/components/0");
        assertThat(kyverno.get("kind").asText()).isEqualTo("KYVERNO");
        assertThat(kyverno.get("hint").asText()).isEqualTo("read the previous container's log (Load log)");
        assertThat(kyverno.get("reason").asText())
                .isEqualTo("Pod kyverno-admission-1: container kyverno is in " + "CrashLoopBackOff (3 restarts)");
        assertThat(root.at("/hub/components/1/hint").asText()).isEmpty();
        assertThat(root.at("/hub/hint").asText()).isEqualTo(kyverno.get("hint").asText());
        assertThat(root.at("/spokes/0/hint").asText())
                .isEqualTo("read the operation message, then Retry on the Add-ons tab");
    }

    @Test
    @DisplayName("table: the REASON column appends the hint and stays one line")
    void tableAppendsTheHintOnOneLine() {
        String table = StatusReport.table(fleet());

        String kyvernoRow =
                table.lines().filter(l -> l.startsWith("Kyverno")).findFirst().orElseThrow();
        assertThat(kyvernoRow)
                .endsWith("Pod kyverno-admission-1: container kyverno is in CrashLoopBackOff (3 restarts)"
                        + " \u2014 hint: read the previous container's log (Load log)");
        String spokeRow =
                table.lines().filter(l -> l.startsWith("spoke-2")).findFirst().orElseThrow();
        assertThat(spokeRow).contains("\u2014 hint: read the operation message, then Retry on the Add-ons tab");
        assertThat(table).doesNotContain("back-off 5m0s");
        String backstageRow =
                table.lines().filter(l -> l.startsWith("Backstage")).findFirst().orElseThrow();
        assertThat(backstageRow).doesNotContain("hint");
    }
}
