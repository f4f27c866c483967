package dev.backstack.panel.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.app.install.InstallCommand;
import dev.backstack.panel.installer.demo.DemoFleet;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.gitops.GitOpsTarget;
import dev.backstack.panel.installer.gitops.ProgressListener;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policies list|render|apply} in process, one exit code after another. Each {@code --demo}
 * run starts (and stops) its own simulated fleet, so a second {@code --demo} run would find a
 * brand new fleet: the run-twice test starts a demo fleet itself and reaches it through a
 * kubeconfig. One fleet is not shared by several tests on purpose: fabric8's mock API server,
 * which plays the demo clusters, can stall for up to a minute when a client closes its watches
 * (its {@code WatchEventsListener.onClosed} waits on the Vert.x event loop), so a fleet outliving
 * many command runs makes later runs time out. Each test has its own configuration folder
 * (XDG_CONFIG_HOME, where the local journals live).
 */
class PoliciesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ResourceDefinitionContext VALIDATING_POLICY = new ResourceDefinitionContext.Builder()
            .withGroup("policies.kyverno.io")
            .withVersion("v1")
            .withKind("ValidatingPolicy")
            .withPlural("validatingpolicies")
            .withNamespaced(false)
            .build();
    private static final ResourceDefinitionContext CLUSTER_POLICY = new ResourceDefinitionContext.Builder()
            .withGroup("kyverno.io")
            .withVersion("v1")
            .withKind("ClusterPolicy")
            .withPlural("clusterpolicies")
            .withNamespaced(false)
            .build();

    @TempDir
    Path home;

    private HookedOutput out = new HookedOutput();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("KUBECONFIG", home.resolve("no-such-kubeconfig").toString());
        try {
            return new PoliciesCommand(
                            PoliciesOptions.parse(args),
                            env,
                            home,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run();
        } finally {
            Thread.interrupted(); // a test may have interrupted the command's (this) thread
        }
    }

    private String out() {
        return out.text();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> yamlDocuments(String text) throws Exception {
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll().stream()
                .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
                .toList();
    }

    @Test
    @DisplayName("list prints the catalog as a table (0): a header and one row per entry with its defaults")
    void listsAsTable() {
        assertThat(run("policies", "list")).isEqualTo(InstallCommand.EXIT_OK);

        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("CATEGORY", "SEVERITY", "MODE", "PARAMETERS (defaults)");
        assertThat(lines).hasSize(17);
        assertThat(lines.get(1))
                .startsWith("limit-cluster-node-count")
                .contains("Cluster claims", "medium", "Enforce", "maxNodes=3");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("restrict-image-registries")
                        .contains("high", "Audit", "registries=ghcr.io/, registry.k8s.io/, quay.io/"));
        assertThat(err()).isEmpty();
    }

    @Test
    @DisplayName("list -o json prints the catalog as JSON: every entry with its kinds and typed parameters")
    void listsAsJson() throws Exception {
        assertThat(run("policies", "list", "-o", "json")).isEqualTo(InstallCommand.EXIT_OK);

        JsonNode all = JSON.readTree(out());
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(16);
        JsonNode nodes = all.get(0);
        assertThat(nodes.get("id").asText()).isEqualTo("limit-cluster-node-count");
        assertThat(nodes.get("defaultMode").asText()).isEqualTo("ENFORCE");
        assertThat(nodes.get("kinds").toString())
                .isEqualTo("[\"backstack.dev/v1alpha1/EKSCluster\",\"backstack.dev/v1alpha1/AKSCluster\"]");
        JsonNode maxNodes = nodes.get("parameters").get(0);
        assertThat(maxNodes.get("name").asText()).isEqualTo("maxNodes");
        assertThat(maxNodes.get("type").asText()).isEqualTo("INTEGER");
        assertThat(maxNodes.get("default").asLong()).isEqualTo(3);
        assertThat(maxNodes.get("min").asLong()).isEqualTo(1);
        assertThat(maxNodes.get("max").asLong()).isEqualTo(100);
        List<String> ids = new ArrayList<>();
        all.forEach(e -> ids.add(e.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().contains("disallow-latest-tag", "require-labels");
    }

    @Test
    @DisplayName("render for Kyverno v1.19.0 (the default) prints ValidatingPolicies with the values set (0)")
    void rendersValidatingPolicies() throws Exception {
        assertThat(run(
                        "policies",
                        "render",
                        "--policy",
                        "limit-cluster-node-count",
                        "--set",
                        "limit-cluster-node-count.maxNodes=5",
                        "--policy",
                        "require-probes",
                        "--mode",
                        "require-probes=enforce"))
                .isEqualTo(InstallCommand.EXIT_OK);

        assertThat(out()).startsWith("# Kyverno v1.19.0: ValidatingPolicy\n");
        List<JsonNode> docs = yamlDocuments(out());
        assertThat(docs)
                .extracting(d -> d.get("apiVersion").asText() + " "
                        + d.get("kind").asText() + " " + d.at("/metadata/name").asText())
                .containsExactly(
                        "policies.kyverno.io/v1 ValidatingPolicy limit-cluster-node-count",
                        "policies.kyverno.io/v1 ValidatingPolicy require-probes");
        assertThat(docs.get(0).at("/spec/validations/0/expression").asText()).endsWith("<= 5");
        assertThat(docs.get(1).at("/spec/validationActions").toString()).isEqualTo("[\"Deny\"]");
    }

    @Test
    @DisplayName("render --kyverno v1.11.4 prints ClusterPolicies with CEL rules (0)")
    void rendersClusterPolicies() throws Exception {
        assertThat(run("policies", "render", "--kyverno", "v1.11.4", "--policy", "require-probes"))
                .isEqualTo(InstallCommand.EXIT_OK);

        assertThat(out()).startsWith("# Kyverno v1.11.4: ClusterPolicy\n");
        List<JsonNode> docs = yamlDocuments(out());
        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.get("apiVersion").asText()).isEqualTo("kyverno.io/v1");
            assertThat(d.get("kind").asText()).isEqualTo("ClusterPolicy");
            assertThat(d.at("/spec/validationFailureAction").asText()).isEqualTo("Audit");
            assertThat(d.at("/spec/rules/0/validate/cel/expressions").isArray()).isTrue();
        });
    }

    @Test
    @DisplayName(
            "render with an unknown policy, a bad --set value, a bad mode and an unknown parameter is a usage error (2) listing every problem")
    void renderUsageErrorListsEveryProblem() {
        int code = run(
                "policies",
                "render",
                "--policy",
                "no-such-policy",
                "--policy",
                "limit-cluster-node-count",
                "--set",
                "limit-cluster-node-count.maxNodes=0",
                "--mode",
                "limit-cluster-node-count=strict",
                "--set",
                "limit-cluster-node-count.maxPods=3");

        assertThat(code).isEqualTo(InstallCommand.EXIT_USAGE);
        assertThat(out()).isEmpty();
        assertThat(err())
                .startsWith("error: ")
                .contains(
                        "no policy no-such-policy in the catalog",
                        "limit-cluster-node-count: Maximum nodes: 0 is outside 1–100",
                        "limit-cluster-node-count: mode must be audit or enforce, not strict",
                        "--set limit-cluster-node-count.maxPods: no such policy parameter");
    }

    @Test
    @DisplayName("render with no policy, or for a Kyverno version the panel does not know, is a usage error (2)")
    void renderNeedsPoliciesAndAKnownVersion() {
        assertThat(run("policies", "render")).isEqualTo(InstallCommand.EXIT_USAGE);
        assertThat(err()).contains("choose policies with --policy ID");

        err.reset();
        assertThat(run("policies", "render", "--policy", "require-probes", "--kyverno", "v2.0.0"))
                .isEqualTo(InstallCommand.EXIT_USAGE);
        assertThat(err()).contains("--kyverno v2.0.0 is not a Kyverno version the panel knows");
        assertThat(out()).isEmpty();
    }

    @Test
    @DisplayName("apply --demo --plan prints the chosen policies as YAML for each target in its Kyverno's kind (0)")
    void planPrintsYamlPerTarget() throws Exception {
        int code = run(
                "policies",
                "apply",
                "--demo",
                "--plan",
                "--to",
                "hub",
                "--to",
                "spoke-1",
                "--policy",
                "disallow-latest-tag",
                "--policy",
                "require-labels",
                "--set",
                "require-labels.labels=team");

        assertThat(code).as(err()).isEqualTo(InstallCommand.EXIT_OK);
        assertThat(out())
                .startsWith("# 2 Kyverno policies applied directly\n")
                .contains("backstack-hub/disallow-latest-tag", "spoke-1/require-labels")
                .doesNotContain("Preflight");
        assertThat(yamlDocuments(out()))
                .extracting(d ->
                        d.get("kind").asText() + " " + d.at("/metadata/name").asText())
                .containsExactly(
                        "ClusterPolicy disallow-latest-tag",
                        "ClusterPolicy require-labels",
                        "ValidatingPolicy disallow-latest-tag",
                        "ValidatingPolicy require-labels");
        assertThat(out()).contains("'team'");
        assertThat(err())
                .contains(
                        "backstack-hub: Kyverno v1.11.4: ClusterPolicy",
                        "spoke-1: Kyverno v1.20.0: " + "ValidatingPolicy; 6 legacy ClusterPolicies not enforced",
                        "SIMULATION");
    }

    @Test
    @DisplayName(
            "apply --demo --dry-run on the hub and spoke-3 runs the preflight only: warnings printed, nothing run (0)")
    void dryRunReportsWithoutRunning() {
        int code = run(
                "policies",
                "apply",
                "--demo",
                "--dry-run",
                "--impact",
                "--to",
                "hub",
                "--to",
                "spoke-3",
                "--policy",
                "disallow-latest-tag",
                "--mode",
                "disallow-latest-tag=enforce");

        assertThat(code).as(out() + err()).isEqualTo(InstallCommand.EXIT_OK);
        assertThat(out())
                .contains(
                        "Impact preview",
                        "backstack-hub: disallow-latest-tag would refuse 0 of",
                        "spoke-3: disallow-latest-tag would refuse 2 of 4 existing objects\n    payments: 1 of 2\n    web: 1 of 2\n",
                        "Pod/legacy-cms-5f4b8-p9d2w: Give every image a tag other than 'latest', or a digest.",
                        "Pod/debug-shell: Give every image a tag other than 'latest', or a digest.",
                        "[ok  ] Kyverno on backstack-hub",
                        "[ok  ] Kyverno on spoke-3",
                        "[ok  ] spoke-3: Server-side dry run of 1 objects",
                        "[WARN] Enforce disallow-latest-tag on spoke-3 (impact-spoke-3-disallow-latest-tag)")
                .doesNotContain("[FAIL]", "plan policies", "SUCCEEDED");
        assertThat(err()).contains("spoke-3: Kyverno v1.19.0: ValidatingPolicy").doesNotContain("nothing was written");
    }

    @Test
    @DisplayName(
            "a dry run of a GitOps delivery to spokes that need different policy kinds is blocked (4), nothing committed")
    void dryRunBlockedBySpokesOfDifferentGenerations() throws Exception {
        Path repo = BareRepository.seed(home.resolve("gitops.git"));

        int code = run(
                "policies",
                "apply",
                "--demo",
                "--dry-run",
                "--to",
                "spokes",
                "--policy",
                "require-probes",
                "--gitops",
                repo.toString(),
                "--branch",
                "backstack/probes");

        assertThat(code).as(out() + err()).isEqualTo(InstallCommand.EXIT_BLOCKED);
        assertThat(out())
                .contains(
                        "[FAIL] Spokes selected by {clusterType=spoke} (selector)",
                        "spoke-1: Kyverno v1.20.0: ValidatingPolicy",
                        "spoke-2: Kyverno v1.11.4: ClusterPolicy",
                        "spoke-3: Kyverno v1.19.0: ValidatingPolicy");
        assertThat(err()).contains("preflight: blocked; nothing was written");
        assertThat(BareRepository.branches(repo)).containsExactly("refs/heads/main");
    }

    @Test
    @DisplayName("an Enforce warning that is not accepted blocks the apply (4) before anything runs")
    void unacceptedEnforceWarningBlocks() {
        int code = run(
                "policies",
                "apply",
                "--demo",
                "--to",
                "spoke-3",
                "--policy",
                "disallow-latest-tag",
                "--mode",
                "disallow-latest-tag=enforce");

        assertThat(code).as(out() + err()).isEqualTo(InstallCommand.EXIT_BLOCKED);
        assertThat(out())
                .contains("[WARN] Enforce disallow-latest-tag on spoke-3", "Pod/legacy-cms-5f4b8-p9d2w")
                .doesNotContain("[FAIL]", "plan policies");
        assertThat(err())
                .contains("preflight: warnings [impact-spoke-3-disallow-latest-tag] need --accept-warning ID "
                        + "to go on; nothing was written");
    }

    @Test
    @DisplayName(
            "apply to the hub and spoke-1 succeeds (0) in each one's kind; the same run again writes nothing (UNCHANGED, 0)")
    void appliesThenChangesNothing() throws Exception {
        try (DemoFleet fleet = DemoFleet.start(500)) {
            // the hub's and spoke-1's simulated Kyverno are up from the 4th tick
            Awaitility.await("the demo's 6th tick")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> fleet.elapsedTicks() >= 6);
            String[] args = {
                "policies",
                "apply",
                "--kubeconfig",
                DemoKubeconfig.write(fleet, home.resolve("kubeconfig")).toString(),
                "--context",
                "backstack-hub",
                "--spoke",
                "spoke-1",
                "--to",
                "hub",
                "--to",
                "spoke-1",
                "--policy",
                "require-probes",
                "--accept-warning",
                "legacy-spoke-1"
            };

            assertThat(run(args)).as(out() + err()).isEqualTo(InstallCommand.EXIT_OK);
            assertThat(out())
                    .contains(
                            "[WARN] Legacy policies on spoke-1 (legacy-spoke-1)",
                            "plan policies: 2 steps",
                            "backstack-hub/require-probes applied 1/1: ClusterPolicy require-probes",
                            "spoke-1/require-probes applied 1/1: ValidatingPolicy require-probes",
                            "SUCCEEDED: 2 clusters as planned");
            assertThat(fleet.client("backstack-hub")
                            .genericKubernetesResources(CLUSTER_POLICY)
                            .withName("require-probes")
                            .get())
                    .isNotNull();
            assertThat(fleet.client("spoke-1")
                            .genericKubernetesResources(VALIDATING_POLICY)
                            .withName("require-probes")
                            .get())
                    .isNotNull();

            out = new HookedOutput();
            assertThat(run(args)).as(out() + err()).isEqualTo(InstallCommand.EXIT_OK);
            assertThat(out())
                    .contains(
                            "backstack-hub/require-probes unchanged: already in place; nothing written",
                            "spoke-1/require-probes unchanged: already in place; nothing written",
                            "UNCHANGED: 2 clusters already as planned: nothing written")
                    .doesNotContain("SUCCEEDED", "applied 1/1");
        }
    }

    @Test
    @DisplayName(
            "a run that fails (1): the GitOps branch was pushed by someone else after the preflight; never force-pushed")
    void failedRun() throws Exception {
        Path repo = BareRepository.seed(home.resolve("gitops.git"));
        out = new HookedOutput("Preflight: ", () -> pushOtherContent(repo, "backstack/probes"));

        int code = run(
                "policies",
                "apply",
                "--demo",
                "--to",
                "hub",
                "--policy",
                "require-probes",
                "--gitops",
                repo.toString(),
                "--branch",
                "backstack/probes");

        assertThat(code).as(out() + err()).isEqualTo(InstallCommand.EXIT_FAILED);
        assertThat(out())
                .contains(
                        "FAILED: backstack-hub: Branch backstack/probes already exists on the GitOps remote",
                        "with other content than these files; nothing was pushed.",
                        "the panel never force-pushes",
                        "FAILED: backstack-hub: failed; the clusters after it were not touched");
        assertThat(BareRepository.files(repo, "backstack/probes")).containsOnlyKeys("README.md", "someone-else.yaml");
    }

    @Test
    @DisplayName("a run cancelled while it waits for Kyverno ends cancelled (5)")
    void cancelledRun() {
        out = new HookedOutput(
                "spoke-2/require-probes\\s+waiting\\R",
                () -> Thread.currentThread().interrupt());

        int code = run("policies", "apply", "--demo", "--to", "spoke-2", "--policy", "require-probes");

        assertThat(code).as(out() + err()).isEqualTo(InstallCommand.EXIT_CANCELLED);
        assertThat(out())
                .contains(
                        "spoke-2/require-probes cancelled: cancelled by the user",
                        "CANCELLED: spoke-2: cancelled; the clusters after it were not touched");
    }

    @Test
    @DisplayName("--to a spoke the fleet does not have is refused (3) with the spokes it has")
    void unknownSpoke() {
        assertThat(run("policies", "apply", "--demo", "--to", "nosuchspoke", "--policy", "require-probes"))
                .isEqualTo(InstallCommand.EXIT_CONNECTION);
        assertThat(err())
                .contains(
                        "error: --to nosuchspoke: no such spoke in the fleet (spokes: spoke-1, spoke-2, " + "spoke-3)");
        assertThat(out()).isEmpty();
    }

    private static void pushOtherContent(Path repo, String branch) {
        try {
            new GitOpsDelivery()
                    .deliver(
                            new GitOpsTarget(
                                    repo.toString(), "main", branch, "", "Someone Else", "someone@example.org"),
                            Map.of("someone-else.yaml", "kind: Something\n"),
                            "Someone else's change",
                            GitCredentials.none(),
                            ProgressListener.none());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
