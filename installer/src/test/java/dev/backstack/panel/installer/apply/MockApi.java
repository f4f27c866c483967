package dev.backstack.panel.installer.apply;

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
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock server in expectation mode with a client built from a plain Config (the mock's
 * own createClient() hangs in this setup).
 */
final class MockApi implements AutoCloseable {

    final KubernetesMockServer server;
    final KubernetesClient client;

    MockApi() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = client("https://127.0.0.1:" + server.getPort());
    }

    static KubernetesClient client(String url) {
        Config config = Config.empty();
        config.setMasterUrl(url);
        config.setTrustCerts(true);
        config.setDisableHostnameVerification(true);
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout(2000);
        config.setRequestTimeout(5000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
