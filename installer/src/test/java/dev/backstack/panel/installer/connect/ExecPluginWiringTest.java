package dev.backstack.panel.installer.connect;

import static dev.backstack.panel.installer.connect.Fixtures.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The exec provider really authenticates requests: an https mock API server sees the plugin's token. */
@DisabledOnOs(OS.WINDOWS)
class ExecPluginWiringTest {

    /** One server for the class: its TLS set-up costs seconds. CRUD state is shared, requests are drained. */
    private static KubernetesMockServer server;

    @TempDir
    Path tmp;

    private Path kubeconfig;
    private Path counter;

    @BeforeAll
    static void startServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        server.init(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stopServer() {
        server.destroy();
    }

    @BeforeEach
    void writeKubeconfigAndDrainRequests() throws InterruptedException {
        while (server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // requests of earlier tests
        }
        counter = tmp.resolve("counter");
        Fixtures.script(tmp.resolve("kube"), "fake-login", Fixtures.countingCredential());
        kubeconfig = Fixtures.write(tmp.resolve("kube/config"), """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters:
                - name: mock
                  cluster:
                    server: https://127.0.0.1:%d
                    insecure-skip-tls-verify: true
                contexts:
                - name: mock
                  context: {cluster: mock, user: plugin-user, namespace: default}
                users:
                - name: plugin-user
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./fake-login
                      env: [{name: COUNTER, value: "%s"}]
                      provideClusterInfo: true
                      interactiveMode: Never
                """.formatted(server.getPort(), counter));
    }

    private ClusterConnection connect(ExecCredentialProvider.Settings exec) {
        KubeconfigSet set = new KubeconfigDiscovery().discover(env("KUBECONFIG", kubeconfig.toString()), tmp);
        ClientFactory factory = new ClientFactory(
                Map.of("PATH", "/usr/bin:/bin"),
                LoginShellPath.fixed(null),
                new ClientFactory.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 0, exec));
        return factory.connect(set.current().orElseThrow());
    }

    @Test
    @DisplayName("T19-T22: requests carry the plugin's token as a bearer token")
    void sendsPluginTokenAsBearerToken() throws Exception {
        try (ClusterConnection connection = connect(ExecCredentialProvider.Settings.defaults())) {
            KubernetesClient client = connection.client();

            client.configMaps()
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("probe")
                            .endMetadata()
                            .addToData("k", "v")
                            .build())
                    .create();
            assertThat(client.configMaps().withName("probe").get().getData()).containsEntry("k", "v");

            RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
            RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(first.getHeader("Authorization")).isEqualTo("Bearer token-1");
            assertThat(second.getHeader("Authorization")).isEqualTo("Bearer token-1");
            assertThat(Fixtures.count(counter))
                    .as("one plugin run serves both requests")
                    .isEqualTo(1);
        }
    }

    @Test
    @DisplayName("T22: a 401 re-runs the plugin and retries with the new token")
    void rerunsPluginAndRetriesOnUnauthorized() throws Exception {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/default/configmaps")
                .andReturn(401, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":401}")
                .once();
        ExecCredentialProvider.Settings noMinAge = new ExecCredentialProvider.Settings(
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO);
        try (ClusterConnection connection = connect(noMinAge)) {

            assertThat(connection.client().configMaps().list().getItems()).isNotNull();

            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
                    .isEqualTo("Bearer token-1");
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
                    .isEqualTo("Bearer token-2");
            assertThat(Fixtures.count(counter)).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("T19/T20: a failing plugin fails the request clearly instead of sending it anonymously")
    void failingPluginFailsTheRequestWithoutSendingIt() throws Exception {
        Fixtures.script(
                tmp.resolve("kube"), "fake-login", "echo 'login expired; token: eyJhbGciOiJub25lIn0.e30.' >&2\nexit 1");
        try (ClusterConnection connection = connect(ExecCredentialProvider.Settings.defaults())) {

            Throwable error =
                    catchThrowable(() -> connection.client().configMaps().list());

            ConnectionException cause = ConnectionException.findIn(error);
            assertThat(cause).isNotNull();
            assertThat(cause.reason()).isEqualTo(ConnectionException.Reason.PLUGIN_FAILED);
            assertThat(cause.getMessage())
                    .contains("failed (exit 1)")
                    .contains("login expired")
                    .contains("context `mock`")
                    .doesNotContain("eyJhbGciOiJub25lIn0");
            assertThat(server.takeRequest(200, TimeUnit.MILLISECONDS))
                    .as("nothing sent unauthenticated")
                    .isNull();
        }
    }

    @Test
    @DisplayName("T26: discovery, client, plugin runs and requests leave the kubeconfig byte-identical")
    void leavesKubeconfigByteIdentical() {
        String before = Fixtures.sha256(kubeconfig);
        try (ClusterConnection connection = connect(ExecCredentialProvider.Settings.defaults())) {
            connection.client().configMaps().list();
            connection.credentials().orElseThrow().invalidate();
            connection.client().configMaps().list();
        }

        assertThat(Fixtures.sha256(kubeconfig)).isEqualTo(before);
        assertThat(Fixtures.count(counter)).isEqualTo(2);
    }
}
