package dev.backstack.panel.installer.demo;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated cluster: fabric8's mock API server in CRUD mode on a loopback port chosen up
 * front (so a spoke can be "not yet provisioned" and come up later on the same address), and a
 * client for it. The client is built like any other, from an explicit configuration. The server
 * also speaks server-side apply and dry runs, and answers access reviews (see
 * {@link DemoDispatcher}).
 */
final class DemoCluster implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoCluster.class);

    private final String name;
    private final int port;
    private final VersionInfo version;
    private final KubernetesClient client;
    private final List<DemoFault> faults = new CopyOnWriteArrayList<>();
    private KubernetesMockServer server;

    DemoCluster(String name, String kubernetesVersion) {
        this(name, kubernetesVersion, 500);
    }

    /** @param reconnectMillis the client's watch reconnect interval (the base of its retry backoff) */
    DemoCluster(String name, String kubernetesVersion, int reconnectMillis) {
        this.name = name;
        this.port = freePort();
        String[] parts = kubernetesVersion.replace("v", "").split("\\.");
        this.version = new VersionInfo.Builder()
                .withGitVersion(kubernetesVersion)
                .withMajor(parts[0])
                .withMinor(parts[1])
                .withPlatform("linux/amd64")
                .build();
        Config config = Config.empty();
        config.setMasterUrl(url());
        config.setTrustCerts(true);
        config.setDisableHostnameVerification(true);
        config.setNamespace("default");
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout(5_000);
        config.setWatchReconnectInterval(reconnectMillis);
        this.client = new KubernetesClientBuilder().withConfig(config).build();
    }

    String name() {
        return name;
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    KubernetesClient client() {
        return client;
    }

    /** Makes the server refuse matching requests from now on (kept across restarts). */
    void inject(DemoFault fault) {
        faults.add(fault);
    }

    synchronized boolean isUp() {
        return server != null;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                responses,
                new DemoDispatcher(name, responses, faults),
                true,
                version);
        server.init(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Stops the simulated server. Best effort: fabric8's mock server can fail to close its event
     * loop in time when watches were closed under it (a known mock-server stall); the port is
     * released either way, and a stopped simulation must never fail the caller.
     */
    synchronized void stop() {
        if (server != null) {
            try {
                server.destroy();
            } catch (RuntimeException e) {
                LOG.debug("simulated server {} did not close cleanly: {}", name, e.toString());
            } finally {
                server = null;
            }
        }
    }

    @Override
    public void close() {
        client.close();
        stop();
    }

    /**
     * A loopback port free now and never handed to another simulated cluster of this process. A
     * port is only reserved, not held, until its server starts (spoke-3 comes up late), and the
     * system may offer a closed port again: two clusters on one port once made spoke-3's client
     * read the hub, showing the hub's policies and Applications as spoke-3's.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port for the demo fleet", e);
            }
        }
        throw new IllegalStateException(
                "no loopback port for the demo fleet that another simulated cluster does not use");
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
}
