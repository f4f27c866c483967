package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The headless status's exit codes, one test per code, as {@code java -jar … status} returns them. */
class StatusCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The launcher's path without a window, as {@code main} takes it before {@code System.exit}. */
    private OptionalInt run(Path kubeconfig, String... args) {
        Map<String, String> env = Map.of(
                "KUBECONFIG",
                kubeconfig.toString(),
                "XDG_CONFIG_HOME",
                home.resolve("config").toString());
        return Launcher.runWithoutWindow(
                args,
                env,
                home,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("0: the hub and every spoke Healthy")
    void healthyFleetExitsZero() {
        assertThat(StatusCommand.exitCode(fleet(Reachability.REACHABLE, Health.HEALTHY, Health.HEALTHY)))
                .isEqualTo(StatusCommand.EXIT_HEALTHY)
                .isZero();
    }

    @Test
    @DisplayName("1: the demo fleet, whose spoke-2 is Degraded, and a fleet whose spoke cannot be read")
    @Timeout(90)
    void notHealthyExitsOne() {
        assertThat(run(home.resolve("no-such-kubeconfig"), "status", "--demo")).hasValue(StatusCommand.EXIT_UNHEALTHY);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("spoke-2 +Degraded")
                .doesNotContain("FLEET Healthy");
        assertThat(StatusCommand.exitCode(fleet(Reachability.REACHABLE, Health.HEALTHY, Health.UNKNOWN)))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("2: a usage error, said on standard error")
    void usageErrorExitsTwo() {
        assertThat(run(home.resolve("no-such-kubeconfig"), "status", "--output", "yaml"))
                .hasValue(StatusCommand.EXIT_USAGE)
                .hasValue(2);
        assertThat(err()).contains("--output must be table or json, not yaml");
        assertThat(run(home.resolve("no-such-kubeconfig"), "status", "--wait")).hasValue(2);
    }

    @Test
    @DisplayName("3: no context of that name in the kubeconfig")
    @Timeout(30)
    void unknownHubContextExitsThree() throws IOException {
        Path kubeconfig = kubeconfig(1);
        assertThat(run(kubeconfig, "status", "--context", "no-such-hub"))
                .hasValue(StatusCommand.EXIT_NO_HUB)
                .hasValue(3);
        assertThat(err()).contains("no context named no-such-hub");
    }

    @Test
    @DisplayName("3: a hub that refuses connections, with the table still printed and the reason on standard error")
    @Timeout(60)
    void unreachableHubExitsThree() throws IOException {
        Path kubeconfig = kubeconfig(closedPort());

        assertThat(run(kubeconfig, "status", "--output", "json")).hasValue(StatusCommand.EXIT_NO_HUB);

        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(root.at("/hub/name").asText()).isEqualTo("refusing-hub");
        assertThat(root.at("/hub/reachability").asText()).isEqualTo("unreachable");
        assertThat(err()).contains("error: the hub refusing-hub is unreachable");
    }

    @Test
    @DisplayName("watchProblems names the cluster of each problem")
    void watchProblemsNameTheirCluster() {
        Fleet f = fleet(Reachability.REACHABLE, Health.HEALTHY, Health.HEALTHY);
        Fleet withProblems = new Fleet(
                f.hub(),
                f.spokes(),
                List.of(
                        new WatchState("hub-ctx", "ClusterPolicies", WatchState.State.FORBIDDEN, 0, 0, 0, ""),
                        new WatchState(
                                "spoke-2",
                                "Pods in kyverno",
                                WatchState.State.RECONNECTING,
                                3,
                                0,
                                0,
                                "connection reset"),
                        new WatchState("spoke-2", "Deployments", WatchState.State.WATCHING, 0, 0, 5, "")),
                false,
                1,
                1);

        assertThat(StatusReport.watchProblems(withProblems))
                .containsExactly(
                        "backstack-hub: no permission to list ClusterPolicies",
                        "spoke-2: Pods in kyverno: reconnecting (attempt 3): connection reset");
    }

    private static Fleet fleet(Reachability hubReachability, Health hub, Health spoke) {
        return new Fleet(
                cluster("hub-ctx", "backstack-hub", ClusterRole.HUB, hubReachability, hub),
                List.of(cluster("spoke-2", "spoke-2", ClusterRole.SPOKE, Reachability.REACHABLE, spoke)),
                List.of(),
                false,
                1,
                1);
    }

    private static Cluster cluster(String id, String name, ClusterRole role, Reachability r, Health h) {
        return new Cluster(
                id,
                name,
                role,
                "https://127.0.0.1:6443",
                Set.of("test"),
                r,
                "v1.33.4",
                List.of(),
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                h == Health.HEALTHY ? Assessment.healthy("all healthy") : Assessment.of(h, "Cluster " + name, "test"));
    }

    private Path kubeconfig(int port) throws IOException {
        Path file = home.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: refusing-hub
                clusters:
                - name: refusing
                  cluster:
                    server: https://127.0.0.1:%d
                    insecure-skip-tls-verify: true
                users:
                - name: someone
                  user:
                    token: not-a-real-token
                contexts:
                - name: refusing-hub
                  context:
                    cluster: refusing
                    user: someone
                """.formatted(port));
        return file;
    }

    /** A loopback port nothing listens on (bound, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
