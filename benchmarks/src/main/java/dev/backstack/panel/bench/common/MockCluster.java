package dev.backstack.panel.bench.common;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A fabric8 mock API server in CRUD mode on loopback, built the way the demo fleet builds its
 * clusters (DemoCluster is package-private), and clients for it configured like the demo's:
 * explicit config, no retries, 500 ms watch reconnect. Each call to {@link #client} is a new
 * client with its own connection pool, so the panel, the raw watch and the writer do not share one.
 */
public final class MockCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final int port;

    private MockCluster(KubernetesMockServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server on the given port (0: any free port). */
    public static MockCluster start(int port) {
        VersionInfo version = new VersionInfo.Builder()
                .withGitVersion("v1.31.2")
                .withMajor("1")
                .withMinor("31")
                .withPlatform("linux/amd64")
                .build();
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true, version);
        server.init(InetAddress.getLoopbackAddress(), port);
        return new MockCluster(server, server.getPort());
    }

    public int port() {
        return port;
    }

    public String url() {
        return url(port);
    }

    public static String url(int port) {
        return "https://127.0.0.1:" + port;
    }

    public KubernetesClient client() {
        return client(url());
    }

    public static KubernetesClient client(String url) {
        Config config = Config.empty();
        config.setMasterUrl(url);
        config.setTrustCerts(true);
        config.setDisableHostnameVerification(true);
        config.setNamespace("default");
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout(5_000);
        config.setRequestTimeout(30_000);
        config.setWatchReconnectInterval(500);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
