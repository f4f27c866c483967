package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.rules.ClusterAssembler;
import dev.backstack.panel.testsupport.TcpProxy;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A hub on fabric8's mock server (scripted expectations first, CRUD behind them), watched by a
 * real {@link ClusterSession} feeding a real {@link FleetStore}.
 */
final class MockCluster implements AutoCloseable {

    static final String ID = "hub";
    KubernetesMockServer server;
    /** The panel's client, through the proxy. */
    final KubernetesClient client;
    /** Someone else's client, straight to the server: writes that the panel must notice. */
    final KubernetesClient admin;

    final FleetStore store = new FleetStore(false, 20, System::currentTimeMillis);
    final ClusterSession session;
    private final TcpProxy proxy;

    MockCluster(int retries) {
        server = newServer(0);
        try {
            proxy = new TcpProxy(server.getPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Config config = Config.empty();
        config.setMasterUrl("https://127.0.0.1:" + proxy.port());
        config.setTrustCerts(true);
        config.setDisableHostnameVerification(true);
        config.setWatchReconnectInterval(100);
        config.setRequestRetryBackoffLimit(retries);
        config.setRequestRetryBackoffInterval(100);
        config.setConnectionTimeout(2000);
        client = new KubernetesClientBuilder().withConfig(config).build();
        Config direct = Config.empty();
        direct.setMasterUrl("https://127.0.0.1:" + server.getPort());
        direct.setTrustCerts(true);
        direct.setDisableHostnameVerification(true);
        admin = new KubernetesClientBuilder().withConfig(direct).build();
        session = new ClusterSession(ID, client, store, System::currentTimeMillis);
        store.register(
                new ClusterAssembler.Identity(ID, ID, ClusterRole.HUB, config.getMasterUrl(), Set.of("test")), session);
    }

    private static KubernetesMockServer newServer(int port) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer s = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        s.init(InetAddress.getLoopbackAddress(), port);
        return s;
    }

    void start() {
        session.start();
    }

    /** The API server goes away: connections reset, new ones refused. */
    void stopServer() throws java.io.IOException {
        proxy.down();
    }

    /** Connections stay open but nothing flows. */
    void stall(boolean stall) {
        proxy.pause(stall);
    }

    void restartServer() throws java.io.IOException {
        proxy.up();
    }

    Fleet await(String what, Predicate<Fleet> condition) {
        return await(what, condition, 20_000);
    }

    Fleet await(String what, Predicate<Fleet> condition, long timeoutMillis) {
        try {
            return Awaitility.await(what)
                    .atMost(Duration.ofMillis(timeoutMillis))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(store::latest, condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "timed out waiting until " + what + "; last snapshot: "
                            + store.latest().watches(),
                    e);
        }
    }

    @Override
    public void close() {
        session.close();
        store.close();
        client.close();
        admin.close();
        try {
            proxy.close();
        } catch (java.io.IOException e) {
            // best effort
        }
        server.destroy();
    }
}
