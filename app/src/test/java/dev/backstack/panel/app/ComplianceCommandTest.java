package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.compliance.FleetCompliance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless compliance command on the demo fleet: what it prints and its exit codes. */
class ComplianceCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = Map.of(
                "KUBECONFIG",
                home.resolve("no-such-kubeconfig").toString(),
                "XDG_CONFIG_HOME",
                home.resolve("config").toString());
        return new ComplianceCommand(
                        Options.parse(args),
                        env,
                        home,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--output json on the demo: both report groups, each result once, failures exit 1")
    void jsonOnTheDemo() throws Exception {
        assertThat(run("compliance", "--demo", "--output", "json")).isEqualTo(ComplianceCommand.EXIT_FAILURES);
        JsonNode root = new ObjectMapper().readTree(out());
        assertThat(root.get("simulated").asBoolean()).isTrue();
        assertThat(root.get("hasFailures").asBoolean()).isTrue();
        List<String> clusters = texts(root.get("clusters"), "cluster");
        assertThat(clusters).contains("backstack-hub", "spoke-1", "spoke-2", "spoke-3");
        assertThat(texts(root.get("failing"), "source")).contains("wgpolicyk8s.io", "openreports.io");
        // spoke-1's Kyverno writes the payments results to both groups: counted once, openreports kept
        assertThat(root.get("shadowed").asInt()).isEqualTo(6);
        assertThat(root.get("failing")).allSatisfy(f -> {
            if (f.get("cluster").asText().equals("spoke-1")
                    && f.get("namespace").asText().equals("payments")
                    && f.get("kind").asText().equals("Pod")) {
                assertThat(f.get("source").asText()).isEqualTo("openreports.io");
            }
        });
        assertThat(texts(root.get("failing"), "result")).contains("fail", "warn");
        assertThat(root.get("failing").get(0).get("message").asText()).isNotEmpty();
        // failures[]: the worst first (fail, then error, then warn), each saying what, where and why
        JsonNode failures = root.get("failures");
        assertThat(failures).isNotEmpty();
        assertThat(failures.size()).isLessThanOrEqualTo(20);
        assertThat(root.get("failuresTotal").asInt())
                .isEqualTo(root.get("failing").size());
        assertThat(root.get("failuresMore").asInt())
                .isEqualTo(root.get("failuresTotal").asInt() - failures.size());
        assertThat(failures.get(0).get("result").asText()).isEqualTo("fail");
        List<Integer> ranks = new ArrayList<>();
        failures.forEach(f -> {
            ranks.add(List.of("fail", "error", "warn").indexOf(f.get("result").asText()));
            assertThat(f.get("policy").asText()).isNotEmpty();
            assertThat(f.get("rule").asText()).isNotEmpty();
            assertThat(f.get("resource").get("kind").asText()).isEqualTo("Pod");
            assertThat(f.get("resource").get("name").asText())
                    .startsWith(f.get("namespace").asText() + "-app-");
            assertThat(f.get("cluster").asText()).isIn(clusters);
            assertThat(f.get("message").asText()).startsWith("validation ");
        });
        assertThat(ranks).doesNotContain(-1).isSorted();
        // the demo's history goes to a temporary folder, never into the user's
        assertThat(home.resolve("config")).doesNotExist();
    }

    @Test
    @DisplayName(
            "the table lists the failing results under the counts: result, policy, rule, resource, namespace, cluster, message")
    void tableOnTheDemo() {
        assertThat(run("compliance", "--demo")).isEqualTo(ComplianceCommand.EXIT_FAILURES);
        List<String> lines = List.of(out().split("\n"));
        int heading = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("FAILING RESULTS "))
                .findFirst()
                .orElseThrow());
        assertThat(heading)
                .isGreaterThan(lines.indexOf(lines.stream()
                        .filter(l -> l.startsWith("NAMESPACE"))
                        .findFirst()
                        .orElseThrow()));
        int total = Integer.parseInt(lines.get(heading).split(" ")[2]);
        assertThat(lines.get(heading + 1)).matches("RESULT +POLICY +RULE +RESOURCE +NAMESPACE +CLUSTER +MESSAGE");
        List<String> rows = lines.subList(heading + 2, lines.size()).stream()
                .takeWhile(l -> l.matches("(fail|error|warn) .*"))
                .toList();
        assertThat(rows).hasSize(Math.min(total, 20));
        assertThat(rows.get(0))
                .matches("fail +\\S+ +\\S+ +Pod/(default|payments|web)-app-\\d+ +(default|payments|web) +"
                        + "(backstack-hub|spoke-\\d) +validation error: rule \\S+ failed");
        String after = lines.get(heading + 2 + rows.size());
        if (total > 20) {
            assertThat(after)
                    .isEqualTo("... and " + (total - 20) + " more (every one: --output csv or json's failing[])");
        } else {
            assertThat(after).isEmpty();
        }
        assertThat(out()).contains("FAILURES ");
    }

    @Test
    @DisplayName("--output html on the demo: one self-contained page with the tables, failures and history")
    void htmlOnTheDemo() {
        assertThat(run("compliance", "--demo", "--output", "html")).isEqualTo(ComplianceCommand.EXIT_FAILURES);
        assertThat(out())
                .startsWith("<!DOCTYPE html>")
                .contains("SIMULATION", "By policy", "Failing resources", "Recent history", "spoke-1")
                .doesNotContain("<script", "<link");
    }

    @Test
    @DisplayName("a context that is not in the kubeconfig is a connection error (3)")
    void unknownContext() throws Exception {
        Path kubeconfig = Files.writeString(home.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]
                users: [{name: u, user: {}}]
                contexts: [{name: only, context: {cluster: c, user: u}}]
                current-context: only
                """);
        assertThat(run("compliance", "--kubeconfig", kubeconfig.toString(), "--context", "nope"))
                .isEqualTo(ComplianceCommand.EXIT_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no context named nope");
    }

    @Test
    @DisplayName("--output must be table, json, csv or html for compliance (a usage error, exit 2 in the launcher)")
    void outputFormats() {
        assertThat(Options.parse("compliance", "-o", "csv").output()).isEqualTo("csv");
        assertThat(Options.parse("compliance", "-o", "html").compliance()).isTrue();
        assertThatThrownBy(() -> Options.parse("compliance", "--output", "yaml"))
                .hasMessageContaining("table, json, csv or html");
        assertThatThrownBy(() -> Options.parse("status", "--output", "csv")).hasMessageContaining("table or json");
    }

    @Test
    @DisplayName("exit code: failures first, then whether every connected cluster was read")
    void exitCodes() {
        FleetCompliance clean = new FleetCompliance(
                false,
                0,
                dev.backstack.panel.model.ReportCounts.ZERO,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                0);
        FleetCompliance failing = new FleetCompliance(
                false,
                0,
                new dev.backstack.panel.model.ReportCounts(1, 0, 0, 1, 0),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                1,
                0);
        assertThat(ComplianceCommand.exitCode(clean, List.of())).isEqualTo(0);
        assertThat(ComplianceCommand.exitCode(clean, List.of("spoke-2"))).isEqualTo(3);
        assertThat(ComplianceCommand.exitCode(failing, List.of("spoke-2"))).isEqualTo(1);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        StreamSupport.stream(array.spliterator(), false)
                .forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
