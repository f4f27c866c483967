package dev.backstack.panel.installer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClusterConnection;
import dev.backstack.panel.installer.connect.ExecCredentialProvider;
import dev.backstack.panel.installer.connect.KubeconfigDiscovery;
import dev.backstack.panel.installer.connect.LoginShellPath;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T9: the panel's client (built by {@link ClientFactory} from a kubeconfig and the app's
 * environment) behind an HTTP CONNECT proxy, in front of fabric8's https mock API server. The
 * server is named {@code apiserver.test} (a name that never resolves) wherever the proxy must be
 * used: a request that succeeds can only have gone through the proxy, which tunnels every
 * CONNECT to the mock server and records its target.
 */
class ProxyRoutingTest {

    private static final String UNRESOLVABLE = "apiserver.test";
    private static KubernetesMockServer server;
    private static KubernetesClient admin;

    @TempDir
    Path tmp;

    private ConnectProxy proxy;
    private ClusterConnection connection;

    @BeforeAll
    static void startServer() throws IOException {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        // every local address, so NO_PROXY tests can reach it by a non-loopback IP or host name
        server.init(InetAddress.getByName("::"), 0);
        Config direct = Config.empty();
        direct.setMasterUrl("https://127.0.0.1:" + server.getPort());
        direct.setTrustCerts(true);
        direct.setDisableHostnameVerification(true);
        admin = new KubernetesClientBuilder().withConfig(direct).build();
    }

    @AfterAll
    static void stopServer() {
        admin.close();
        server.destroy();
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new ConnectProxy(server.getPort());
    }

    @AfterEach
    void closeAll() throws IOException {
        if (connection != null) {
            connection.close();
        }
        proxy.close();
    }

    private String serverUrl(String host) {
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
    }

    private KubernetesClient connect(String serverUrl, String proxyUrl, Map<String, String> env) throws IOException {
        Path kubeconfig = tmp.resolve("config-" + UUID.randomUUID());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                %s
                contexts:
                - name: mock
                  context: {cluster: mock, user: u, namespace: default}
                users:
                - name: u
                  user: {token: fixture-token}
                """.formatted(serverUrl, proxyUrl == null ? "" : "    proxy-url: " + proxyUrl));
        var entry = new KubeconfigDiscovery()
                .discover(Map.of("KUBECONFIG", kubeconfig.toString()), tmp)
                .current()
                .orElseThrow();
        ClientFactory factory = new ClientFactory(
                env,
                LoginShellPath.fixed(null),
                new ClientFactory.Settings(
                        Duration.ofSeconds(5), Duration.ofSeconds(10), 0, ExecCredentialProvider.Settings.defaults()));
        connection = factory.connect(entry);
        return connection.client();
    }

    /** A list, then a watch that sees a pod created by someone else: both must work. */
    private static void listAndWatch(KubernetesClient client) throws Exception {
        String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.pods().inNamespace("default").list().getItems()).isNotNull();
        BlockingQueue<String> added = new LinkedBlockingQueue<>();
        try (Watch watch = client.pods().inNamespace("default").watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action == Action.ADDED) {
                    added.add(pod.getMetadata().getName());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // closed by the test
            }
        })) {
            admin.pods()
                    .inNamespace("default")
                    .resource(new PodBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .build())
                    .create();
            String seen;
            do {
                seen = added.poll(10, TimeUnit.SECONDS);
                assertThat(seen).as("the watch sees the new pod").isNotNull();
            } while (!seen.equals(name));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static ClusterSession session(KubernetesClient client) {
        return new ClusterSession(
                "hub",
                client,
                new ClusterSession.Sink() {
                    @Override
                    public void mark(ClusterSession s, KindSpec spec, String key) {}

                    @Override
                    public void dropKind(ClusterSession s, KindSpec spec) {}

                    @Override
                    public void stateChanged(ClusterSession s) {}
                },
                System::currentTimeMillis);
    }

    /** The first reachability that satisfies the condition, or the last one after 20 s (the caller asserts on it). */
    private static Reachability awaitReachability(ClusterSession session, Predicate<Reachability> condition) {
        try {
            return Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(session::reachability, condition);
        } catch (ConditionTimeoutException e) {
            return session.reachability();
        }
    }

    @Test
    @DisplayName(
            "T9: proxy-url in the kubeconfig carries the list, the watch and the informers; it wins over HTTPS_PROXY")
    void proxyUrlCarriesRestAndWatches() throws Exception {
        try (ConnectProxy environmentProxy = new ConnectProxy(server.getPort())) {
            KubernetesClient client = connect(
                    serverUrl(UNRESOLVABLE),
                    "http://127.0.0.1:" + proxy.port(),
                    Map.of("HTTPS_PROXY", "http://127.0.0.1:" + environmentProxy.port()));

            listAndWatch(client);
            int afterWatch = proxy.tunnels().size();
            try (ClusterSession session = session(client)) {
                session.start();
                assertThat(session.awaitSynced(20, TimeUnit.SECONDS))
                        .as("informers synced through the proxy")
                        .isTrue();
                assertThat(awaitReachability(session, r -> r.state() == Reachability.State.REACHABLE)
                                .state())
                        .isEqualTo(Reachability.State.REACHABLE);
            }

            assertThat(proxy.targets())
                    .as("list and watch tunnels")
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(t -> t.equals(UNRESOLVABLE + ":" + server.getPort()));
            assertThat(proxy.tunnels().size())
                    .as("the informers' lists and watches tunnel too")
                    .isGreaterThan(afterWatch);
            assertThat(environmentProxy.tunnels())
                    .as("HTTPS_PROXY is not used when proxy-url is set")
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("T9: HTTPS_PROXY from the app's environment carries list and watch, with the URL's credentials")
    void environmentProxyCarriesRestAndWatch() throws Exception {
        proxy.requireAuthorization(basic("alice", "s3cr3t!"));
        KubernetesClient client = connect(
                serverUrl(UNRESOLVABLE),
                null,
                Map.of(
                        "HTTPS_PROXY",
                        "http://alice:s3cr3t%21@127.0.0.1:" + proxy.port(),
                        "NO_PROXY",
                        "example.com,10.0.0.0/8,fd00::/8"));

        listAndWatch(client);

        assertThat(proxy.tunnels()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(t -> {
            assertThat(t.target()).isEqualTo(UNRESOLVABLE + ":" + server.getPort());
            assertThat(t.authorization()).isEqualTo(basic("alice", "s3cr3t!"));
        });
        assertThat(client.getConfiguration().getHttpsProxy()).isEqualTo("http://127.0.0.1:" + proxy.port());
    }

    @Test
    @DisplayName("T9: lower-case https_proxy is honoured as kubectl does")
    void lowerCaseEnvironmentProxy() throws Exception {
        KubernetesClient client =
                connect(serverUrl(UNRESOLVABLE), null, Map.of("https_proxy", "127.0.0.1:" + proxy.port()));

        listAndWatch(client);

        assertThat(proxy.targets()).isNotEmpty().allMatch(t -> t.equals(UNRESOLVABLE + ":" + server.getPort()));
    }

    private static Optional<String> localAddress(boolean ipv6) throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                boolean family = ipv6 ? a instanceof Inet6Address : a instanceof Inet4Address;
                if (family && !a.isLinkLocalAddress() && !a.isLoopbackAddress() && !a.isMulticastAddress()) {
                    return Optional.of(a.getHostAddress().replaceAll("%.*", ""));
                }
            }
        }
        return Optional.empty();
    }

    /** Connects directly under NO_PROXY, and (control) through the proxy without the entry. */
    private void assertNoProxyHonoured(String host, String noProxy) throws Exception {
        KubernetesClient viaProxy = connect(
                serverUrl(host),
                null,
                Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port(), "NO_PROXY", "example.com"));
        assertThat(viaProxy.pods().inNamespace("default").list().getItems()).isNotNull();
        String target = (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
        assertThat(proxy.targets())
                .as("control: without the entry, %s is proxied", host)
                .contains(target);
        connection.close();
        connection = null;
        int before = proxy.tunnels().size();

        KubernetesClient client = connect(
                serverUrl(host), null, Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port(), "no_proxy", noProxy));
        listAndWatch(client);

        assertThat(proxy.tunnels()).as("NO_PROXY %s: no CONNECT", noProxy).hasSize(before);
        assertThat(client.getConfiguration().getHttpsProxy()).isNull();
    }

    @Test
    @DisplayName("T9: NO_PROXY naming the host (a host name) is honoured")
    void noProxyHostName() throws Exception {
        String name = InetAddress.getLocalHost().getHostName();
        Assumptions.assumeTrue(!name.contains(".") || !name.endsWith("localhost"), "a host name other than localhost");
        assertNoProxyHonoured(name, " other.example , " + name.toUpperCase(java.util.Locale.ROOT) + " ");
    }

    @Test
    @DisplayName("T9: NO_PROXY with an IPv4 CIDR (next to 127.0.0.0/8 and IPv6 entries) is honoured")
    void noProxyCidr() throws Exception {
        Optional<String> ip = localAddress(false);
        Assumptions.assumeTrue(ip.isPresent(), "a non-loopback IPv4 address");
        String[] octets = ip.get().split("\\.");
        assertNoProxyHonoured(
                ip.get(), "*.example.com,127.0.0.0/8,[::1]:443,fd00::/8," + octets[0] + "." + octets[1] + ".0.0/16");
    }

    @Test
    @DisplayName("T9: NO_PROXY with IPv6 entries (CIDR and address) is honoured for an IPv6 server")
    void noProxyIpv6() throws Exception {
        Optional<String> ip = localAddress(true);
        Assumptions.assumeTrue(ip.isPresent(), "a non-loopback IPv6 address");
        String network = InetAddress.getByName(ip.get()).getHostAddress().replaceAll("%.*", "");
        assertNoProxyHonoured(ip.get(), "10.0.0.0/8,127.0.0.1," + network.substring(0, network.indexOf(':')) + "::/16");
        connection.close();
        connection = null;
        assertNoProxyHonoured(ip.get(), "[" + ip.get() + "]");
    }

    @Test
    @DisplayName("T9: a 407 from the proxy reads 'proxy authentication required', names the proxy, hides the password")
    void proxyAuthenticationRequired() throws Exception {
        proxy.denyAll();
        KubernetesClient client = connect(
                serverUrl(UNRESOLVABLE),
                null,
                Map.of("HTTPS_PROXY", "http://alice:wrong-pass@127.0.0.1:" + proxy.port()));

        Throwable error =
                catchThrowable(() -> client.pods().inNamespace("default").list());
        String message = WatchTracker.describe(error, WatchTracker.statusCode(error));

        assertThat(message)
                .startsWith("proxy authentication required")
                .contains(":" + proxy.port())
                .contains("127.0.0.1")
                .contains(UNRESOLVABLE + ":" + server.getPort())
                .doesNotContain("wrong-pass")
                .doesNotContain("connection refused");
        assertThat(proxy.tunnels()).isNotEmpty();

        try (ClusterSession session = session(client)) {
            session.start();
            Reachability r = awaitReachability(session, x -> x.message().contains("proxy authentication required"));
            assertThat(r.state()).isEqualTo(Reachability.State.UNREACHABLE);
            assertThat(r.message()).contains("proxy authentication required").doesNotContain("wrong-pass");
            assertThat(session.watchStates())
                    .filteredOn(w -> w.state() == WatchState.State.RECONNECTING)
                    .isNotEmpty()
                    .allSatisfy(w -> assertThat(w.message())
                            .contains("proxy authentication required")
                            .doesNotContain("wrong-pass"));
        }
    }
}
