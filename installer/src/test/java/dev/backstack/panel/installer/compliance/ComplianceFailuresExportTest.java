package dev.backstack.panel.installer.compliance;

import static dev.backstack.panel.installer.compliance.ComplianceFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.compliance.FleetCompliance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The table and JSON list the worst failing results next to the counts: what, where, why; "and K more" when cut. */
class ComplianceFailuresExportTest {

    /** A wgpolicyk8s.io PolicyReport in {@code payments} whose one result names a Deployment. */
    private static KubeObject wgReport(String policy, String result, String message) {
        return new KubeObject(
                "wgpolicyk8s.io/v1alpha2",
                "PolicyReport",
                "payments",
                "polr-" + policy,
                "uid",
                1,
                "",
                null,
                Map.of(),
                Map.of(),
                List.of(),
                Map.of(
                        "results",
                        List.of(Map.of(
                                "policy",
                                policy,
                                "rule",
                                policy + "-rule",
                                "result",
                                result,
                                "message",
                                message,
                                "resources",
                                List.of(Map.of("kind", "Deployment", "namespace", "payments", "name", "api"))))));
    }

    private static FleetCompliance fleet() {
        List<KubeObject> hub = new ArrayList<>(ComplianceFixtures.openReports(List.of(
                r("limits", "web-2", "warn", "set memory limits"),
                r("ro-rootfs", "web-1", "fail", "root filesystem must be\nread-only"),
                r("owner", "web-3", "error", "context lookup failed"),
                r("pass-me", "web-1", "pass", "ok"))));
        hub.add(wgReport("host-path", "fail", "hostPath volumes are forbidden"));
        return FleetCompliance.of(ComplianceFixtures.fleet(
                1,
                ComplianceFixtures.cluster("hub", Reachability.REACHABLE, hub),
                List.of(),
                ComplianceFixtures.cluster(
                        "spoke-1",
                        Reachability.REACHABLE,
                        ComplianceFixtures.openReports(
                                List.of(r("latest-tag", "shell", "fail", "use a pinned tag"))))));
    }

    private static List<String> linesAfter(String text, String heading) {
        List<String> lines = Arrays.asList(text.split("\n"));
        int at = lines.indexOf(
                lines.stream().filter(l -> l.startsWith(heading)).findFirst().orElseThrow());
        return lines.subList(at + 1, lines.size()).stream()
                .takeWhile(l -> !l.isEmpty())
                .toList();
    }

    @Test
    @DisplayName(
            "table: the failing results under the counts, fail then error then warn, one per line with its message")
    void tableListsTheWorstFirst() {
        String text = ComplianceExport.write(ComplianceExport.Format.TABLE, fleet(), null);
        assertThat(text.indexOf("FAILING RESULTS 5")).isGreaterThan(text.indexOf("NAMESPACE"));
        List<String> lines = linesAfter(text, "FAILING RESULTS 5");
        assertThat(lines.get(0)).matches("RESULT +POLICY +RULE +RESOURCE +NAMESPACE +CLUSTER +MESSAGE");
        assertThat(lines.subList(1, lines.size()))
                .map(l -> l.replaceAll(" +", " "))
                .containsExactly(
                        // by cluster, then namespace: payments before web
                        "fail host-path host-path-rule Deployment/api payments hub hostPath volumes are forbidden",
                        "fail ro-rootfs ro-rootfs Pod/web-1 web hub root filesystem must be read-only",
                        "fail latest-tag latest-tag Pod/shell web spoke-1 use a pinned tag",
                        "error owner owner Pod/web-3 web hub context lookup failed",
                        "warn limits limits Pod/web-2 web hub set memory limits");
        assertThat(text).doesNotContain("more (every one");
    }

    @Test
    @DisplayName("table: cut at the limit, it says how many more there are and where to find them")
    void tableCut() {
        String text = ComplianceTable.text(fleet(), 2);
        List<String> lines = linesAfter(text, "FAILING RESULTS 5 (fail, then error, then warn; the worst 2)");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("Deployment/api");
        assertThat(lines.get(2)).contains("Pod/web-1");
        assertThat(lines.get(3)).isEqualTo("... and 3 more (every one: --output csv or json's failing[])");
    }

    @Test
    @DisplayName(
            "JSON: failures[] worst first with policy, rule, resource kind/name, namespace, cluster, message; both report groups")
    void jsonFailures() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ComplianceExport.json(fleet(), null));
        JsonNode failures = root.get("failures");
        assertThat(failures).hasSize(5);
        assertThat(root.get("failuresTotal").asInt()).isEqualTo(5);
        assertThat(root.get("failuresMore").asInt()).isZero();
        JsonNode second = failures.get(0);
        assertThat(second.get("result").asText()).isEqualTo("fail");
        assertThat(second.get("policy").asText()).isEqualTo("host-path");
        assertThat(second.get("rule").asText()).isEqualTo("host-path-rule");
        assertThat(second.get("resource").get("kind").asText()).isEqualTo("Deployment");
        assertThat(second.get("resource").get("name").asText()).isEqualTo("api");
        assertThat(second.get("namespace").asText()).isEqualTo("payments");
        assertThat(second.get("cluster").asText()).isEqualTo("hub");
        assertThat(second.get("message").asText()).isEqualTo("hostPath volumes are forbidden");
        assertThat(second.get("source").asText()).isEqualTo("wgpolicyk8s.io");
        assertThat(failures.get(1).get("source").asText()).isEqualTo("openreports.io");
        List<String> results = new ArrayList<>();
        failures.forEach(f -> results.add(f.get("result").asText()));
        assertThat(results).containsExactly("fail", "fail", "fail", "error", "warn");
        // the full list stays where it was
        assertThat(root.get("failing")).hasSize(5);
    }

    @Test
    @DisplayName("JSON: at most FAILURES_SHOWN in failures[], the rest counted in failuresMore")
    void jsonFailuresCut() throws Exception {
        List<ComplianceFixtures.R> many = new ArrayList<>();
        for (int i = 0; i < ComplianceExport.FAILURES_SHOWN + 5; i++) {
            many.add(r("p", String.format("pod-%02d", i), i % 2 == 0 ? "warn" : "fail", "m" + i));
        }
        FleetCompliance fc =
                FleetCompliance.of(ComplianceFixtures.hubWith(1, many.toArray(ComplianceFixtures.R[]::new)));
        JsonNode root = new ObjectMapper().readTree(ComplianceExport.json(fc, null));
        assertThat(root.get("failures")).hasSize(ComplianceExport.FAILURES_SHOWN);
        assertThat(root.get("failuresTotal").asInt()).isEqualTo(ComplianceExport.FAILURES_SHOWN + 5);
        assertThat(root.get("failuresMore").asInt()).isEqualTo(5);
        assertThat(root.get("failures").get(0).get("resource").get("name").asText())
                .isEqualTo("pod-01");
        assertThat(root.get("failures").get(12).get("result").asText()).isEqualTo("warn");
    }
}
