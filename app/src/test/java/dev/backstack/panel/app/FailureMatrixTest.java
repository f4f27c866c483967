package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure matrix of issue 6 as the headless status meets it: each broken credential, cluster
 * and kubeconfig ends within a bounded time with the documented exit code, the cluster named as
 * the kubeconfig names it (never a made-up one), Unknown with the reason, and never the demo.
 * The window shows the same snapshot (it reads the same {@code FleetService}).
 */
@DisabledOnOs(OS.WINDOWS)
class FailureMatrixTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private KubernetesMockServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroy();
        }
    }

    private OptionalInt status(Map<String, String> env, String... extra) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PATH", "/usr/bin:/bin");
        all.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        String[] args = new String[extra.length + 3];
        args[0] = "status";
        args[1] = "--output";
        args[2] = "json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Launcher.runWithoutWindow(
                args,
                all,
                home,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private OptionalInt status(Path kubeconfig, String... extra) {
        return status(Map.of("KUBECONFIG", kubeconfig.toString()), extra);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertHub(String reachability, String... reason) throws IOException {
        JsonNode root = json();
        assertThat(root.at("/simulated").asBoolean()).as("never the demo").isFalse();
        assertThat(root.at("/hub/name").asText()).isEqualTo("hub");
        assertThat(root.at("/hub/health").asText()).isEqualTo("Unknown");
        assertThat(root.at("/hub/reachability").asText()).isEqualTo(reachability);
        assertThat(root.at("/hub/reason").asText()).contains(reason);
        for (JsonNode c : root.at("/hub/components")) {
            assertThat(c.at("/health").asText()).as(c.at("/name").asText()).isEqualTo("Unknown");
            assertThat(c.at("/installed").isNull()).as("installed is not known").isTrue();
        }
        assertThat(err()).contains("error: the hub hub is " + reachability);
    }

    // --- credential plugins -------------------------------------------------------------------

    @Test
    @DisplayName("exec plugin missing on the hub: not connected, the plugin named with what to do; exit 3")
    @Timeout(60)
    void missingPlugin() throws IOException {
        Path kubeconfig = kubeconfig("https://127.0.0.1:1", Kubeconfigs.exec("aws-not-installed"));

        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);

        assertHub("not connected", "credential plugin `aws-not-installed` not found on PATH", "Install it");
        assertThat(err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("exec plugin failing: its own message on standard error is the reason; exit 3")
    @Timeout(60)
    void failingPlugin() throws IOException {
        Path plugin = script("failing-login", "echo 'error: SSO session expired, run aws sso login' >&2\nexit 1");
        Path kubeconfig = kubeconfig("https://127.0.0.1:1", Kubeconfigs.exec(plugin.toString()));

        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);

        assertHub("not connected", "failed (exit 1)", "SSO session expired, run aws sso login");
    }

    @Test
    @DisplayName("exec plugin asking for a device-code login: the instructions it printed are the reason; exit 3")
    @Timeout(60)
    void interactiveLoginPlugin() throws IOException {
        Path plugin = script(
                "device-login",
                "echo 'To sign in, open https://microsoft.com/devicelogin and enter the code ABCD-1234' >&2\nread answer\nexit 1");
        Path kubeconfig = kubeconfig(
                "https://127.0.0.1:1", Kubeconfigs.exec(plugin.toString()).replace("Never", "IfAvailable"));

        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);

        assertHub("not connected", "enter the code ABCD-1234");
    }

    @Test
    @DisplayName(
            "exec plugin that never ends (a browser login): the status still ends, says what it waits for, and the plugin is killed")
    @Timeout(90)
    void slowPluginIsBoundedAndKilled() throws IOException {
        Path pidFile = home.resolve("plugin.pid");
        Path plugin = script("browser-login", "echo $$ > " + pidFile + "\nexec sleep 600");
        Path kubeconfig = kubeconfig("https://127.0.0.1:1", Kubeconfigs.exec(plugin.toString()));
        long started = System.nanoTime();

        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(seconds)
                .as("bounded by the status's wait for the first list")
                .isLessThan(FleetWait.SYNC_SECONDS + 20);
        assertHub("connecting", "waiting for credential plugin", "browser");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid)
                .ifPresent(p ->
                        p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("the plugin is cancelled when the status ends")
                .isFalse();
    }

    @Test
    @DisplayName("a spoke whose plugin is missing: the hub keeps working, the spoke is not connected; exit 1")
    @Timeout(90)
    void brokenSpokeLeavesTheHubWorking() throws IOException {
        startServer(null);
        Path kubeconfig = write("kubeconfig", """
                apiVersion: v1
                kind: Config
                current-context: hub
                clusters:
                - name: mock
                  cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
                contexts:
                - name: hub
                  context: {cluster: mock, user: admin}
                - name: eks-spoke
                  context: {cluster: mock, user: eks}
                users:
                - name: admin
                  user: {token: admin-token}
                - name: eks
                  user:
                %s
                """.formatted(
                        server.getPort(), Kubeconfigs.exec("aws-not-installed").indent(2)));

        assertThat(status(kubeconfig, "--spoke", "eks-spoke", "--spoke", "gone-spoke"))
                .hasValue(StatusCommand.EXIT_UNHEALTHY);

        JsonNode root = json();
        assertThat(root.at("/hub/reachability").asText()).isEqualTo("reachable");
        assertThat(root.at("/spokes")).hasSize(2);
        assertThat(root.at("/spokes/0/name").asText()).isEqualTo("eks-spoke");
        assertThat(root.at("/spokes/0/reachability").asText()).isEqualTo("not connected");
        assertThat(root.at("/spokes/0/reason").asText()).contains("`aws-not-installed` not found on PATH");
        assertThat(root.at("/spokes/1/name").asText()).isEqualTo("gone-spoke");
        assertThat(root.at("/spokes/1/reason").asText()).contains("no context named gone-spoke");
    }

    // --- servers ------------------------------------------------------------------------------

    @Test
    @DisplayName(
            "a server that refuses connections, and a host that does not resolve: unreachable, naming the server; exit 3")
    @Timeout(90)
    void refusedAndUnknownHost() throws IOException {
        assertThat(status(kubeconfig("https://127.0.0.1:1", "    token: abc"))).hasValue(StatusCommand.EXIT_NO_HUB);
        assertHub("unreachable", "cannot reach the API server https://127.0.0.1:1: connection refused");

        out.reset();
        err.reset();
        assertThat(status(kubeconfig("https://no-such-host.invalid:6443", "    token: abc")))
                .hasValue(StatusCommand.EXIT_NO_HUB);
        assertHub("unreachable", "cannot reach the API server https://no-such-host.invalid:6443: unknown host");
    }

    @Test
    @DisplayName(
            "a server whose certificate is not trusted: unreachable with a TLS reason, never retried insecurely; exit 3")
    @Timeout(60)
    void untrustedCertificate() throws IOException {
        startServer(null);
        Path kubeconfig = write(
                "kubeconfig",
                Kubeconfigs.text("https://127.0.0.1:" + server.getPort(), "    token: abc")
                        .replace("insecure-skip-tls-verify: true", "insecure-skip-tls-verify: false"));

        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);

        assertHub("unreachable", "TLS failure");
    }

    @Test
    @DisplayName("a server answering 401 to everything: not connected, credentials refused, log in again; exit 3")
    @Timeout(60)
    void unauthorizedEverywhere() throws IOException {
        startServer(status(401, "Unauthorized"));
        Path kubeconfig = kubeconfig("https://127.0.0.1:" + server.getPort(), "    token: expired-token");

        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);

        assertHub("not connected", "401 Unauthorized", "log in again");
        assertThat(out.toString(StandardCharsets.UTF_8) + err()).doesNotContain("expired-token");
    }

    @Test
    @DisplayName("a server answering 403 to everything: not connected, nothing may be read; exit 3")
    @Timeout(60)
    void forbiddenEverywhere() throws IOException {
        startServer(status(403, "Forbidden"));
        Path kubeconfig = kubeconfig("https://127.0.0.1:" + server.getPort(), "    token: weak-token");

        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);

        assertHub("not connected", "403 Forbidden");
    }

    // --- kubeconfig files ---------------------------------------------------------------------

    @Test
    @DisplayName("kubeconfig not YAML: an error naming the file and line, not the demo; exit 3")
    void notYaml() throws IOException {
        assertNoHub(write("kubeconfig", "clusters: [not closed\n"), "kubeconfig", "YAML");
    }

    @Test
    @DisplayName("a YAML file that is not a kubeconfig: an error, not the demo; exit 3")
    void notAKubeconfig() throws IOException {
        assertNoHub(write("kubeconfig", "foo: bar\n"), "kubeconfig");
    }

    @Test
    @DisplayName("KUBECONFIG naming a missing file: an error naming it, not the demo; exit 3")
    void missingFile() {
        assertNoHub(home.resolve("no-such-kubeconfig"), "no-such-kubeconfig", "does not exist");
    }

    @Test
    @DisplayName("a kubeconfig without contexts: an error, not the demo; exit 3")
    void noContexts() throws IOException {
        assertNoHub(
                write("kubeconfig", "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n"),
                "no usable kubeconfig",
                "defines no contexts");
    }

    @Test
    @DisplayName("current-context naming no context: an error saying so; exit 3")
    void missingContext() throws IOException {
        assertNoHub(write("kubeconfig", """
                apiVersion: v1
                kind: Config
                current-context: hub
                clusters: []
                contexts: []
                users: []
                """), "current-context `hub`", "names no context");
    }

    @Test
    @DisplayName("a context whose user is not defined: the hub not connected with the reason; exit 3")
    @Timeout(60)
    void missingUser() throws IOException {
        Path kubeconfig = write(
                "kubeconfig",
                Kubeconfigs.text("https://127.0.0.1:1", "    token: abc").replace("user: u}", "user: nobody}"));
        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);
        assertHub("not connected", "user `nobody` is not defined");
    }

    @Test
    @DisplayName("a context whose cluster is not defined: the hub not connected with the reason; exit 3")
    @Timeout(60)
    void missingCluster() throws IOException {
        Path kubeconfig = write(
                "kubeconfig",
                Kubeconfigs.text("https://127.0.0.1:1", "    token: abc")
                        .replace("cluster: c,", "cluster: elsewhere,"));
        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);
        assertHub("not connected", "elsewhere");
    }

    @Test
    @DisplayName("certificate files that cannot be read: the hub not connected, each file named; exit 3")
    @Timeout(60)
    void unreadableCertificateFiles() throws IOException {
        Path kubeconfig = kubeconfig(
                "https://127.0.0.1:1",
                "    client-certificate: /nonexistent/client.crt\n    client-key: /nonexistent/client.key");
        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);
        assertHub("not connected", "/nonexistent/client.crt", "/nonexistent/client.key");
    }

    @Test
    @DisplayName("the demo only with --demo or when there is no kubeconfig at all; a broken one is not a reason")
    void demoOnlyWithoutAnyKubeconfig() throws IOException {
        Options plain = Options.parse(new String[] {"status"});
        Path empty = home.resolve("empty-home");
        Files.createDirectories(empty);
        assertThat(new FleetConnector(plain, Map.of(), empty).useDemo(plain))
                .as("no KUBECONFIG, no ~/.kube/config")
                .isTrue();
        assertThat(new FleetConnector(plain, Map.of("KUBECONFIG", ""), empty).useDemo(plain))
                .as("KUBECONFIG empty")
                .isTrue();

        Path kube = empty.resolve(".kube");
        Files.createDirectories(kube);
        Files.writeString(kube.resolve("config"), "not: [a kubeconfig");
        assertThat(new FleetConnector(plain, Map.of(), empty).useDemo(plain))
                .as("a broken ~/.kube/config")
                .isFalse();
        assertThat(new FleetConnector(
                                plain,
                                Map.of("KUBECONFIG", home.resolve("missing").toString()),
                                home)
                        .useDemo(plain))
                .as("KUBECONFIG naming a missing file")
                .isFalse();
        Options demo = Options.parse(new String[] {"status", "--demo"});
        assertThat(new FleetConnector(demo, Map.of(), empty).useDemo(demo))
                .as("--demo")
                .isTrue();
    }

    private void assertNoHub(Path kubeconfig, String... message) {
        long started = System.nanoTime();
        assertThat(status(kubeconfig)).hasValue(StatusCommand.EXIT_NO_HUB);
        assertThat((System.nanoTime() - started) / 1_000_000L)
                .as("nothing to wait for")
                .isLessThan(15_000);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .as("no demo, no made-up cluster")
                .isEmpty();
        assertThat(err()).contains("error: ").contains(message).contains("--demo");
    }

    // --- fixtures -----------------------------------------------------------------------------

    private Path kubeconfig(String server, String user) throws IOException {
        return write("kubeconfig", Kubeconfigs.text(server, user));
    }

    private Path write(String name, String text) throws IOException {
        return Kubeconfigs.write(home.resolve(name), text);
    }

    private Path script(String name, String body) throws IOException {
        return Kubeconfigs.script(home.resolve(name), body);
    }

    /** An https API server: the CRUD mock, or one that answers every request with {@code answer}. */
    private void startServer(Dispatcher answer) {
        Map<io.fabric8.mockwebserver.ServerRequest, java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>
                responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                responses,
                answer != null ? answer : new KubernetesMixedDispatcher(responses),
                true);
        server.init(InetAddress.getLoopbackAddress(), 0);
    }

    private static Dispatcher status(int code, String reason) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse()
                        .setResponseCode(code)
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                                + reason + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}");
            }
        };
    }
}
