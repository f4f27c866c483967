package dev.backstack.panel.app.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real kube-apiserver with its etcd, on loopback only, for the integration tier. One per JVM
 * ({@link #shared()}); the upstream CRDs of {@code ../shared/crds} and the BACK Stack's XRD-backed
 * kinds are registered and Established before it is handed out. Nothing reconciles on it: tests
 * play the controllers with {@link StatusWriter}.
 */
public final class RealApiServer implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String LIMITED_USER = "alice";
    private static RealApiServer shared;

    private final Path binaries;
    private final Path work;
    private final int etcdPort = freePort();
    private final int peerPort = freePort();
    private final int apiPort = freePort();
    private final String adminToken = token();
    private final String limitedToken = token();
    private Process etcd;
    private Process apiServer;
    private final List<KubernetesClient> clients = new ArrayList<>();

    private RealApiServer(Path binaries) throws IOException {
        this.binaries = binaries;
        Path target = KubeBinaries.projectRoot().resolve("app/target");
        Files.createDirectories(target);
        this.work = Files.createTempDirectory(target, "real-apiserver-");
    }

    /** The server of this test run, started on first use; skips or fails the caller when unavailable. */
    static synchronized RealApiServer shared() throws Exception {
        if (shared == null) {
            KubeBinaries.Result found = KubeBinaries.locate();
            RealApiServerTier.requireOrSkip(found);
            RealApiServer server = new RealApiServer(found.dir().orElseThrow());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            try {
                server.startEtcd();
                server.startApiServer();
                new Crds(server.admin()).registerAll();
            } catch (Exception | Error e) {
                server.close();
                throw e;
            }
            shared = server;
        }
        return shared;
    }

    /**
     * A server of its own, with only the upstream CRDs of {@code ../shared/crds} registered (as
     * their charts would have installed them), for tests that need a cluster no other test
     * touches (public for the tests in sub-packages, such as the policy truth tests). The caller
     * closes it.
     */
    public static RealApiServer fresh() throws Exception {
        KubeBinaries.Result found = KubeBinaries.locate();
        RealApiServerTier.requireOrSkip(found);
        RealApiServer server = new RealApiServer(found.dir().orElseThrow());
        try {
            server.startEtcd();
            server.startApiServer();
            new Crds(server.admin()).registerUpstream();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startEtcd() throws IOException {
        String peer = "http://127.0.0.1:" + peerPort;
        String client = "http://127.0.0.1:" + etcdPort;
        etcd = new ProcessBuilder(
                        binaries.resolve("etcd").toString(),
                        "--name=it",
                        "--data-dir=" + work.resolve("etcd"),
                        "--listen-client-urls=" + client,
                        "--advertise-client-urls=" + client,
                        "--listen-peer-urls=" + peer,
                        "--initial-advertise-peer-urls=" + peer,
                        "--initial-cluster=it=" + peer,
                        "--unsafe-no-fsync=true",
                        "--log-level=warn")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("etcd.log").toFile())
                .start();
    }

    /** Starts (or restarts, on the same port and etcd) the API server and waits until it is ready. */
    synchronized void startApiServer() throws Exception {
        Path sa = work.resolve("sa");
        if (!Files.exists(sa.resolve("sa.key"))) {
            writeKeysAndTokens(sa);
        }
        List<String> args = new ArrayList<>(List.of(
                binaries.resolve("kube-apiserver").toString(),
                "--bind-address=127.0.0.1",
                "--secure-port=" + apiPort,
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--cert-dir=" + work.resolve("certs"),
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + sa.resolve("sa.pub"),
                "--service-account-signing-key-file=" + sa.resolve("sa.key"),
                "--service-cluster-ip-range=10.0.0.0/24",
                "--authorization-mode=RBAC",
                "--token-auth-file=" + sa.resolve("tokens.csv"),
                // as kubeadm, EKS and AKS run it: otherwise privileged pods fail validation before admission
                "--allow-privileged=true",
                // 410 Gone must be reachable in a test: compact often, and serve watches from etcd.
                "--etcd-compaction-interval=5s",
                "--watch-cache=false"));
        apiServer = new ProcessBuilder(args)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("kube-apiserver.log").toFile()))
                .start();
        awaitReady(Duration.ofSeconds(120));
    }

    /** Whether the API server process is running (it may not be ready yet). */
    synchronized boolean apiServerAlive() {
        return apiServer != null && apiServer.isAlive();
    }

    /**
     * Starts the API server again if a test stopped it, so the ITs that follow find it running;
     * a no-op while it runs.
     */
    synchronized void ensureApiServerRunning() throws Exception {
        if (!apiServerAlive()) {
            startApiServer();
        }
    }

    /** The port the API server listens on (for a proxy placed in front of it). */
    int port() {
        return apiPort;
    }

    /** Stops the API server process (etcd keeps the data). */
    synchronized void stopApiServer() throws InterruptedException {
        if (apiServer != null && apiServer.isAlive()) {
            apiServer.destroy();
            if (!apiServer.waitFor(30, TimeUnit.SECONDS)) {
                apiServer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void writeKeysAndTokens(Path sa) throws Exception {
        Files.createDirectories(sa);
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        Files.writeString(
                sa.resolve("sa.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(
                sa.resolve("sa.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(
                sa.resolve("tokens.csv"),
                adminToken + "," + ADMIN_USER + ",admin-uid,\"system:masters\"\n" + limitedToken + "," + LIMITED_USER
                        + ",alice-uid\n");
    }

    private void awaitReady(Duration budget) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trustAll())
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            Awaitility.await("kube-apiserver ready")
                    .atMost(budget)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!apiServer.isAlive()) {
                            throw new IllegalStateException("kube-apiserver exited with " + apiServer.exitValue()
                                    + "; log: " + work.resolve("kube-apiserver.log"));
                        }
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(url() + "/readyz"))
                                            .header("Authorization", "Bearer " + adminToken)
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            last.set(r.statusCode() + " " + r.body());
                            return r.statusCode() == 200;
                        } catch (IOException e) {
                            last.set(e.toString());
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("kube-apiserver not ready within " + budget + ": " + last.get(), e);
        }
    }

    String url() {
        return "https://127.0.0.1:" + apiPort;
    }

    /** A client for the cluster administrator (system:masters). Closed with the server. */
    public synchronized KubernetesClient admin() {
        return client(adminToken, null);
    }

    /** A client for {@code alice}, who holds no permissions until a test binds some. */
    synchronized KubernetesClient limited() {
        return client(limitedToken, null);
    }

    /** The configuration the panel would build from a kubeconfig context for this server. */
    Config config(String token) {
        Config config = Config.empty();
        config.setMasterUrl(url());
        config.setTrustCerts(true);
        config.setDisableHostnameVerification(true);
        config.setOauthToken(token);
        config.setWatchReconnectInterval(200);
        config.setRequestRetryBackoffLimit(2);
        config.setConnectionTimeout(3000);
        return config;
    }

    String adminToken() {
        return adminToken;
    }

    String limitedToken() {
        return limitedToken;
    }

    private KubernetesClient client(String token, Void unused) {
        KubernetesClient c =
                new KubernetesClientBuilder().withConfig(config(token)).build();
        clients.add(c);
        return c;
    }

    /** Loads a multi-document YAML file as objects. */
    static List<HasMetadata> load(KubernetesClient client, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return client.load(in).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path shared(String relative) {
        Path p = KubeBinaries.projectRoot().resolveSibling("shared").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("../shared/" + relative + " is missing beside the project");
        }
        return p;
    }

    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public synchronized void close() {
        clients.forEach(KubernetesClient::close);
        try {
            stopApiServer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (etcd != null) {
            etcd.destroy();
            try {
                etcd.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            etcd.destroyForcibly();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String token() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                new SecureRandom());
        return ctx;
    }
}
