package dev.backstack.panel.app.spoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.app.install.PlanExits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spoke render|apply} in process: what it prints and its exit codes. */
class SpokeCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String kubeconfig, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put(
                "KUBECONFIG",
                kubeconfig == null ? home.resolve("no-such-kubeconfig").toString() : kubeconfig);
        try {
            return new SpokeCommand(
                            SpokeOptions.parse(args),
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

    @Test
    void renderPrintsTheGoldenClaimWithoutAnyCluster() throws Exception {
        int code = run(
                null,
                "spoke",
                "render",
                "--kind",
                "aks",
                "--id",
                "spoke-4",
                "--region",
                "westeurope",
                "--version",
                "1.34",
                "--nodes",
                "2",
                "--node-size",
                "Standard_B2s");

        assertThat(code).as(err()).isEqualTo(PlanExits.OK);
        assertThat(out())
                .isEqualTo(Files.readString(Path.of("../installer/src/test/resources/golden/spoke-claim-aks.yaml")));
    }

    @Test
    void renderFillsTheApisDefaults() {
        assertThat(run(null, "spoke", "render", "--kind", "eks", "--id", "spoke-5", "--region", "eu-west-1"))
                .isEqualTo(PlanExits.OK);

        assertThat(out()).contains("version: \"1.35\"", "instanceType: \"t3.small\"", "count: 2");
    }

    @Test
    void aValueTheApiRefusesIsAUsageErrorNamingTheAllowedValues() {
        int code = run(
                null,
                "spoke",
                "render",
                "--kind",
                "eks",
                "--id",
                "spoke-5",
                "--region",
                "eu-west-1",
                "--version",
                "1.20");

        assertThat(code).isEqualTo(PlanExits.USAGE);
        assertThat(err())
                .contains("error: spec.parameters.version: 1.20 is not allowed by the EKSCluster API: "
                        + "choose one of 1.35, 1.34, 1.33");
        assertThat(out()).isEmpty();
    }

    @Test
    void renderRegistrationRedactsTheTokenAndNeedsNoConnection() throws Exception {
        Path kubeconfig = Files.writeString(home.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: edge
                  cluster: {server: "https://edge.example:6443"}
                users:
                - name: me
                  user: {token: my-own-user-token}
                contexts:
                - name: edge
                  context: {cluster: edge, user: me}
                current-context: edge
                """);

        int code = run(kubeconfig.toString(), "spoke", "render", "--register", "edge", "--id", "edge-1");

        assertThat(code).as(err()).isEqualTo(PlanExits.OK);
        assertThat(out())
                .contains(
                        "kind: ServiceAccount",
                        "kind: ClusterRoleBinding",
                        "type: kubernetes.io/service-account-token",
                        "name: cluster-edge-1",
                        "clusterType: spoke",
                        "argocd.argoproj.io/secret-type: cluster",
                        "config: <redacted>",
                        "https://edge.example:6443")
                .doesNotContain("my-own-user-token");
    }

    @Test
    void applyOnTheDemoStopsAtARefusingGuardrailAndSaysWhich() {
        int code = run(
                null,
                "spoke",
                "apply",
                "--demo",
                "--kind",
                "aks",
                "--id",
                "spoke-4",
                "--region",
                "westeurope",
                "--nodes",
                "5",
                "--dry-run");

        assertThat(code).as(err()).isEqualTo(PlanExits.BLOCKED);
        assertThat(out())
                .contains("guardrail: ValidatingAdmissionPolicy backstack-limit-cluster-node-count refuses: "
                        + "A cluster may have at most 3 nodes");
        assertThat(err()).contains("preflight: blocked; nothing was written");
    }

    @Test
    void applyOnTheDemoRequestsTheClaimAndSaysWhereToFollowIt() {
        int code = run(null, "spoke", "apply", "--demo", "--kind", "aks", "--id", "spoke-4", "--region", "westeurope");

        assertThat(code).as(err()).isEqualTo(PlanExits.OK);
        assertThat(out())
                .contains(
                        "guardrail: ValidatingAdmissionPolicy backstack-validate-cluster-name passes",
                        "follow spoke-4 in the lineage view");
    }

    @Test
    void helpIsAnOptionNotAnError() {
        assertThat(SpokeOptions.parse("spoke", "--help").common().help()).isTrue();
        assertThat(SpokeOptions.parse("spoke", "apply", "--help").common().help())
                .isTrue();
        assertThat(SpokeOptions.USAGE).contains("--register CONTEXT", "Exit codes");
    }

    @Test
    void optionsRefuseMixingANewClusterWithARegistration() {
        assertThatThrownBy(() -> SpokeOptions.parse("spoke", "apply", "--register", "edge", "--kind", "aks"))
                .hasMessageContaining("--register registers an existing cluster");
        assertThatThrownBy(() -> SpokeOptions.parse("spoke", "render", "--id", "x"))
                .hasMessageContaining("choose --kind aks|eks");
        assertThatThrownBy(() -> SpokeOptions.parse("spoke", "render", "--kind", "gke", "--id", "x"))
                .hasMessageContaining("unknown cluster kind gke");
        assertThat(SpokeOptions.parse(
                                "spoke", "apply", "--kind", "aks", "--id", "x", "--gitops", "https://github.com/a/b")
                        .request("1.35", "Standard_B2s")
                        .gitops()
                        .branch())
                .isEqualTo("backstack/spoke-x");
    }
}
