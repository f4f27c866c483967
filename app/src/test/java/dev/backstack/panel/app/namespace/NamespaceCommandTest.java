package dev.backstack.panel.app.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.app.install.PlanExits;
import dev.backstack.panel.app.policy.BareRepository;
import dev.backstack.panel.app.policy.DemoKubeconfig;
import dev.backstack.panel.installer.demo.DemoFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code namespace render|apply} in process, one exit code after another. Each {@code --demo}
 * run starts (and stops) its own simulated fleet; the run-twice test starts one itself and
 * reaches it through a kubeconfig (see PoliciesCommandTest for why fleets are not shared).
 */
class NamespaceCommandTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path home;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("KUBECONFIG", home.resolve("no-such-kubeconfig").toString());
        try {
            return new NamespaceCommand(
                            NamespaceOptions.parse(args),
                            env,
                            home,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run();
        } finally {
            Thread.interrupted();
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> documents(String text) throws Exception {
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll().stream()
                .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
                .toList();
    }

    @Test
    @DisplayName("render without a cluster prints the bundle for Kyverno v1.19.0 (0): every object, policies scoped")
    void rendersOffline() throws Exception {
        int code = run(
                "namespace",
                "render",
                "--to",
                "spoke-1",
                "--name",
                "team-a-dev",
                "--team",
                "team-a",
                "--cpu",
                "2",
                "--memory",
                "4Gi",
                "--pods",
                "10",
                "--isolate",
                "--policy",
                "require-probes");

        assertThat(code).as(err()).isEqualTo(PlanExits.OK);
        assertThat(out()).startsWith("# spoke-1/team-a-dev: policies for Kyverno v1.19.0: ValidatingPolicy\n");
        List<JsonNode> docs = documents(out());
        assertThat(docs)
                .extracting(d -> d.path("kind").asText())
                .containsExactly(
                        "Namespace", "ResourceQuota", "LimitRange", "RoleBinding", "NetworkPolicy", "ValidatingPolicy");
        assertThat(docs.get(1).at("/spec/hard/limits.memory").asText()).isEqualTo("4Gi");
        assertThat(docs.get(1).at("/spec/hard/pods").asText()).isEqualTo("10");
        assertThat(docs.get(5).at("/metadata/name").asText()).isEqualTo("team-a-dev-require-probes");
        assertThat(docs.get(5).at("/spec/validationActions/0").asText())
                .as("the entry's default mode")
                .isEqualTo("Audit");
    }

    @Test
    @DisplayName("render --kyverno v1.11.4 with --mode gives Enforce ClusterPolicies; no --isolate, no NetworkPolicy")
    void rendersForAnOlderKyverno() throws Exception {
        int code = run(
                "namespace",
                "render",
                "--to",
                "spoke-2",
                "--name",
                "web",
                "--team",
                "web-team",
                "--kyverno",
                "v1.11.4",
                "--policy",
                "disallow-latest-tag",
                "--mode",
                "disallow-latest-tag=enforce");

        assertThat(code).as(err()).isEqualTo(PlanExits.OK);
        List<JsonNode> docs = documents(out());
        assertThat(docs)
                .extracting(d -> d.path("kind").asText())
                .containsExactly("Namespace", "ResourceQuota", "LimitRange", "RoleBinding", "ClusterPolicy");
        assertThat(docs.get(4).at("/spec/validationFailureAction").asText()).isEqualTo("Enforce");
    }

    @Test
    @DisplayName("an invalid request is refused (2) with every problem, before any connection")
    void invalidRequestListsEveryProblem() {
        int code = run(
                "namespace",
                "apply",
                "--demo",
                "--to",
                "spoke-1",
                "--name",
                "Team_A",
                "--team",
                "team a",
                "--cpu",
                "lots",
                "--limit-memory",
                "16Gi",
                "--policy",
                "no-such-policy",
                "--policy",
                "limit-cluster-node-count");

        assertThat(code).isEqualTo(PlanExits.USAGE);
        assertThat(err())
                .contains(
                        "error: Namespace name: \"Team_A\" is not a valid name",
                        "error: Team group: \"team a\" cannot be a label value",
                        "error: CPU quota: \"lots\" is not a Kubernetes quantity",
                        "error: Default memory limit (16Gi) is more than the memory quota (8Gi)",
                        "error: no policy no-such-policy in the catalog",
                        "error: Policy limit-cluster-node-count guards the hub's cluster claims");
        assertThat(out()).isEmpty();
    }

    @Test
    @DisplayName("usage errors: missing --name, an unknown flag, --plan with --dry-run, a bad mode")
    void usageErrors() {
        assertThatThrownBy(() -> NamespaceOptions.parse("namespace", "render", "--to", "s", "--team", "t"))
                .hasMessageStartingWith("namespace render needs --name");
        assertThatThrownBy(() -> NamespaceOptions.parse("namespace", "apply", "--nope"))
                .hasMessageStartingWith("unknown argument: --nope");
        assertThatThrownBy(() -> NamespaceOptions.parse(
                        "namespace", "apply", "--to", "s", "--name", "n", "--team", "t", "--plan", "--dry-run"))
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> NamespaceOptions.parse(
                        "namespace",
                        "apply",
                        "--to",
                        "s",
                        "--name",
                        "n",
                        "--team",
                        "t",
                        "--policy",
                        "require-probes",
                        "--mode",
                        "require-probes=strict"))
                .hasMessage("require-probes: mode must be audit or enforce, not strict");
        assertThatThrownBy(() -> NamespaceOptions.parse("namespace", "list"))
                .hasMessageStartingWith("namespace needs render or apply");
        assertThat(NamespaceOptions.parse("namespace", "apply", "--help")
                        .common()
                        .help())
                .as("help needs no flags")
                .isTrue();
    }

    @Test
    @DisplayName("apply --demo --dry-run on spoke-3 runs the preflight only (0): nothing written")
    void dryRunReportsWithoutRunning() {
        int code = run(
                "namespace",
                "apply",
                "--demo",
                "--dry-run",
                "--to",
                "spoke-3",
                "--name",
                "team-a-dev",
                "--team",
                "team-a",
                "--policy",
                "require-probes");

        assertThat(code).as(out() + err()).isEqualTo(PlanExits.OK);
        assertThat(out())
                .contains(
                        "[ok  ] Namespace request",
                        "[ok  ] Kyverno on spoke-3",
                        "[ok  ] spoke-3: Server-side dry run of")
                .doesNotContain("[FAIL]", "SUCCEEDED");
        assertThat(err()).contains("spoke-3: Kyverno v1.19.0: ValidatingPolicy", "SIMULATION");
    }

    @Test
    @DisplayName("a warning that is not accepted blocks (4): the isolated namespace's ingress namespace does not exist")
    void unacceptedWarningBlocks() {
        int code = run(
                "namespace",
                "apply",
                "--demo",
                "--to",
                "spoke-3",
                "--name",
                "team-a-dev",
                "--team",
                "team-a",
                "--isolate",
                "--ingress-namespace",
                "no-such-ingress");

        assertThat(code).as(out() + err()).isEqualTo(PlanExits.BLOCKED);
        assertThat(out())
                .contains("[WARN] spoke-3: Ingress namespace no-such-ingress")
                .doesNotContain("SUCCEEDED");
        assertThat(err()).contains("need --accept-warning ID to go on; nothing was written");
    }

    @Test
    @DisplayName(
            "apply --gitops commits the namespace's folder and its Application to a new branch (0); nothing applied")
    void commitsThroughGitOps() throws Exception {
        Path repo = BareRepository.seed(home.resolve("gitops.git"));

        int code = run(
                "namespace",
                "apply",
                "--demo",
                "--to",
                "spoke-2",
                "--name",
                "web",
                "--team",
                "web-team",
                "--policy",
                "require-probes",
                "--gitops",
                repo.toString(),
                "--branch",
                "backstack/ns-web");

        assertThat(code).as(out() + err()).isEqualTo(PlanExits.OK);
        assertThat(out()).contains("Committed 6 files", "on the new branch backstack/ns-web");
        Map<String, String> files = BareRepository.files(repo, "backstack/ns-web");
        assertThat(files)
                .containsKeys(
                        "namespaces/spoke-2/web/namespace-web.yaml", "demo/applications/namespace-spoke-2-web.yaml");
        assertThat(files.get("namespaces/spoke-2/web/policy-web-require-probes.yaml"))
                .as("spoke-2 runs Kyverno 1.11")
                .contains("kind: \"ClusterPolicy\"");
        assertThat(BareRepository.branches(repo)).containsExactly("refs/heads/backstack/ns-web", "refs/heads/main");
    }

    @Test
    @DisplayName("--to a spoke the fleet does not have is refused (3) with the spokes it has")
    void unknownSpoke() {
        int code = run("namespace", "apply", "--demo", "--to", "nosuchspoke", "--name", "a", "--team", "t");

        assertThat(code).isEqualTo(PlanExits.CONNECTION);
        assertThat(err())
                .contains("error: --to nosuchspoke: no such spoke in the fleet (spokes: spoke-1, spoke-2, spoke-3)");
    }

    @Test
    @DisplayName("apply creates the namespace on spoke-1 (0); the same run again writes nothing (UNCHANGED, 0)")
    void appliesThenChangesNothing() throws Exception {
        try (DemoFleet fleet = DemoFleet.start(500)) {
            // spoke-1's simulated Kyverno is up from the 4th tick
            Awaitility.await("the demo's 6th tick")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> fleet.elapsedTicks() >= 6);
            String[] args = {
                "namespace",
                "apply",
                "--kubeconfig",
                DemoKubeconfig.write(fleet, home.resolve("kubeconfig")).toString(),
                "--context",
                "backstack-hub",
                "--spoke",
                "spoke-1",
                "--to",
                "spoke-1",
                "--name",
                "team-b",
                "--team",
                "team-b",
                "--policy",
                "require-probes"
            };

            assertThat(run(args)).as(out() + err()).isEqualTo(PlanExits.OK);
            assertThat(out())
                    .contains(
                            "spoke-1/namespace applied 1/1: Namespace team-b",
                            "spoke-1/guardrails applied 3/3: RoleBinding team-b/team-edit",
                            "spoke-1/policy-require-probes applied 1/1",
                            "SUCCEEDED: 1 cluster as planned");
            assertThat(fleet.client("spoke-1")
                            .resourceQuotas()
                            .inNamespace("team-b")
                            .withName("team-quota")
                            .get())
                    .isNotNull();

            out = new ByteArrayOutputStream();
            assertThat(run(args)).as(out() + err()).isEqualTo(PlanExits.OK);
            assertThat(out())
                    .contains("UNCHANGED: 1 cluster already as planned: nothing written")
                    .doesNotContain("SUCCEEDED", "applied 1/1");
        }
    }
}
