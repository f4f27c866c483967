package dev.backstack.panel.installer.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T25: the kubeconfig is rewritten on disk while the panel runs. */
class KubeconfigWatcherTest {

    private static final KubeconfigWatcher.Options FAST =
            new KubeconfigWatcher.Options(Duration.ofMillis(250), 5, Duration.ofMillis(200));

    @TempDir
    Path tmp;

    private final List<KubeconfigWatcher.Change> reports = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private KubeconfigWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Two contexts, {@code a} and {@code b}, each with its own cluster and token user. */
    static String kubeconfig(String serverA, String tokenA, String serverB, String tokenB) {
        return """
                apiVersion: v1
                kind: Config
                current-context: a
                clusters:
                - name: ca
                  cluster:
                    server: "%s"
                - name: cb
                  cluster:
                    server: "%s"
                users:
                - name: ua
                  user:
                    token: "%s"
                - name: ub
                  user:
                    token: "%s"
                contexts:
                - name: a
                  context: {cluster: ca, user: ua}
                - name: b
                  context: {cluster: cb, user: ub}
                """.formatted(serverA, serverB, tokenA, tokenB);
    }

    private Path config() {
        return tmp.resolve("kube").resolve("config");
    }

    private KubeconfigSet discover() {
        return new KubeconfigDiscovery().discover(Map.of("KUBECONFIG", config().toString()), tmp.resolve("home"));
    }

    private void start(Supplier<KubeconfigSet> reader) throws IOException {
        watcher = new KubeconfigWatcher(
                List.of(config()),
                () -> {
                    reads.incrementAndGet();
                    return reader.get();
                },
                discover(),
                FAST,
                reports::add);
    }

    private void start() throws IOException {
        start(this::discover);
    }

    private void write(String content) throws IOException {
        Files.createDirectories(config().getParent());
        Files.writeString(config(), content);
    }

    private void awaitReports(int count) throws Exception {
        waitFor(() -> reports.size() >= count);
    }

    private static String server(KubeconfigSet set, String context) {
        return set.find(context).orElseThrow().server();
    }

    @Test
    @DisplayName("a file rewritten in place is read again and the changed context is reported")
    void rewriteInPlace() throws Exception {
        write(kubeconfig("https://a1.example.test", "ta", "https://b.example.test", "tb"));
        start();

        write(kubeconfig("https://a2.example.test", "ta", "https://b.example.test", "tb"));

        awaitReports(1);
        KubeconfigWatcher.Change change = reports.get(0);
        assertThat(change.changed()).containsExactly("a");
        assertThat(change.unchanged()).containsExactly("b");
        assertThat(server(change.previous(), "a")).isEqualTo("https://a1.example.test");
        assertThat(server(change.current(), "a")).isEqualTo("https://a2.example.test");
    }

    @Test
    @DisplayName("a file atomically replaced by a rename (as aws/gcloud/az do) is read again")
    void atomicReplaceByRename() throws Exception {
        write(kubeconfig("https://a1.example.test", "ta", "https://b.example.test", "tb"));
        start();

        Path temp = config().resolveSibling("config.tmp-1234");
        Files.writeString(temp, kubeconfig("https://a1.example.test", "ta", "https://b2.example.test", "tb"));
        Files.move(temp, config(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        awaitReports(1);
        assertThat(reports.get(0).changed()).containsExactly("b");
        assertThat(server(reports.get(0).current(), "b")).isEqualTo("https://b2.example.test");
    }

    @Test
    @DisplayName("a file that does not exist yet is reported when it is created")
    void fileCreatedLater() throws Exception {
        start();
        assertThat(discover().contexts()).isEmpty();

        write(kubeconfig("https://a.example.test", "ta", "https://b.example.test", "tb"));

        awaitReports(1);
        assertThat(reports.get(0).added()).containsExactlyInAnyOrder("a", "b");
        assertThat(reports.get(0).current().problems()).isEmpty();
    }

    @Test
    @DisplayName("a burst of 5 writes gives one report, with the last content")
    void burstGivesOneReport() throws Exception {
        write(kubeconfig("https://a0.example.test", "ta", "https://b.example.test", "tb"));
        start();

        for (int i = 1; i <= 5; i++) {
            write(kubeconfig("https://a" + i + ".example.test", "ta", "https://b.example.test", "tb"));
            Thread.sleep(30); // spacing of the writes, well inside the debounce
        }
        awaitReports(1);
        // A marker write after the burst: reports arrive in order on one thread, so when the
        // marker's report is there, every report of the burst came before it.
        write(kubeconfig("https://a5.example.test", "ta", "https://marker.example.test", "tb"));
        awaitReports(2);

        assertThat(reports).hasSize(2);
        assertThat(server(reports.get(0).current(), "a")).isEqualTo("https://a5.example.test");
        assertThat(reports.get(0).changed()).containsExactly("a");
        assertThat(reports.get(1).changed()).containsExactly("b");
    }

    @Test
    @DisplayName("a half-written file is read again: the report has the complete content, not the parse error")
    void partialReadIsRetried() throws Exception {
        String complete = kubeconfig("https://a1.example.test", "ta", "https://b2.example.test", "tb");
        write(kubeconfig("https://a1.example.test", "ta", "https://b.example.test", "tb"));
        CountDownLatch sawBrokenFile = new CountDownLatch(1);
        start(() -> {
            KubeconfigSet set = discover();
            if (!set.problems().isEmpty()) {
                sawBrokenFile.countDown();
            }
            return set;
        });

        // Cut inside the quoted server of cluster cb: an unclosed quote does not parse.
        write(complete.substring(0, complete.indexOf("https://b2") + 5));
        assertThat(sawBrokenFile.await(15, TimeUnit.SECONDS)).isTrue();
        write(complete);

        awaitReports(1);
        KubeconfigWatcher.Change change = reports.get(0);
        assertThat(change.current().problems()).isEmpty();
        assertThat(change.changed()).containsExactly("b");
        assertThat(server(change.current(), "b")).isEqualTo("https://b2.example.test");
    }

    @Test
    @DisplayName("a file that stays broken is reported after the retries")
    void brokenFileIsReportedAfterRetries() throws Exception {
        write(kubeconfig("https://a1.example.test", "ta", "https://b.example.test", "tb"));
        start();

        write("contexts: [\n  - name: \"a");

        awaitReports(1);
        assertThat(reports.get(0).current().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("YAML syntax error"));
        assertThat(reports.get(0).removed()).containsExactlyInAnyOrder("a", "b");
        assertThat(reads.get()).isEqualTo(1 + FAST.retries());
    }

    @Test
    @DisplayName("writes to other files of the directory are not even read")
    void unrelatedFilesAreIgnored() throws Exception {
        write(kubeconfig("https://a1.example.test", "ta", "https://b.example.test", "tb"));
        start();

        Files.writeString(config().resolveSibling("config.lock"), "lock");
        Files.writeString(config().resolveSibling("other.yaml"), kubeconfig("x", "y", "z", "w"));
        Files.delete(config().resolveSibling("config.lock"));
        // Three debounce windows without a read: a wrong reaction would have shown by then.
        Duration quiet = FAST.debounce().multipliedBy(3);
        Awaitility.await("no read for writes to other files")
                .during(quiet)
                .atMost(quiet.plusSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> reads.get() == 0 && reports.isEmpty());
        write(kubeconfig("https://a-marker.example.test", "ta", "https://b.example.test", "tb"));
        awaitReports(1);

        assertThat(reads.get()).isEqualTo(1);
        assertThat(reports).hasSize(1);
    }

    @Test
    @DisplayName("only another context's token changed: only that context is reported, the other keeps its client")
    void onlyTheContextWhoseTokenChangedIsReported() throws Exception {
        write(kubeconfig("https://a.example.test", "token-a", "https://b.example.test", "token-b-1"));
        start();

        write(kubeconfig("https://a.example.test", "token-a", "https://b.example.test", "token-b-2"));

        awaitReports(1);
        assertThat(reports.get(0).changed()).containsExactly("b");
        assertThat(reports.get(0).unchanged()).containsExactly("a");
        assertThat(reports.get(0).added()).isEmpty();
        assertThat(reports.get(0).removed()).isEmpty();
        assertThat(reports.get(0).toString()).doesNotContain("token-b");
    }

    @Test
    @DisplayName("a rewrite with the same content (formatting, order) gives no report")
    void sameContentGivesNoReport() throws Exception {
        write(kubeconfig("https://a.example.test", "ta", "https://b.example.test", "tb"));
        start();

        write("# refreshed by a tool\n" + kubeconfig("https://a.example.test", "ta", "https://b.example.test", "tb"));
        waitFor(() -> reads.get() >= 1);
        write(kubeconfig("https://a.example.test", "ta", "https://b.example.test", "marker"));
        awaitReports(1);

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).changed()).containsExactly("b");
    }

    @Test
    @DisplayName("a kubeconfig that is a symbolic link is watched through to the file it points to")
    void symlinkTargetIsWatched() throws Exception {
        Path real = tmp.resolve("elsewhere").resolve("real-config");
        Files.createDirectories(real.getParent());
        Files.writeString(real, kubeconfig("https://a1.example.test", "ta", "https://b.example.test", "tb"));
        Files.createDirectories(config().getParent());
        try {
            Files.createSymbolicLink(config(), real);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e.getMessage());
        }
        start();

        Files.writeString(real, kubeconfig("https://a2.example.test", "ta", "https://b.example.test", "tb"));

        awaitReports(1);
        assertThat(reports.get(0).changed()).containsExactly("a");
        assertThat(server(reports.get(0).current(), "a")).isEqualTo("https://a2.example.test");
    }

    @Test
    @DisplayName("the change says which clients to rebuild: the unchanged context keeps its client")
    void changeDrivesTheClientRegistry() throws Exception {
        write(kubeconfig("https://a.example.test", "token-a", "https://b.example.test", "token-b-1"));
        try (ClientRegistry registry = new ClientRegistry(
                new ClientFactory(Map.of(), LoginShellPath.fixed(null), ClientFactory.Settings.defaults()))) {
            KubeconfigSet initial = discover();
            ClusterConnection a = registry.acquire(initial.find("a").orElseThrow());
            ClusterConnection b = registry.acquire(initial.find("b").orElseThrow());
            start();

            write(kubeconfig("https://a.example.test", "token-a", "https://b.example.test", "token-b-2"));
            awaitReports(1);
            KubeconfigWatcher.Change change = reports.get(0);
            // The wiring the window does: release what changed or went, acquire what is used.
            for (String name : change.changed()) {
                registry.release(change.previous().find(name).orElseThrow());
            }
            ClusterConnection a2 = registry.acquire(change.current().find("a").orElseThrow());
            ClusterConnection b2 = registry.acquire(change.current().find("b").orElseThrow());

            assertThat(a2).isSameAs(a);
            assertThat(b2).isNotSameAs(b);
            assertThat(b2.client().getConfiguration().getOauthToken()).isEqualTo("token-b-2");
            assertThat(registry.size()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("close() stops the watcher thread")
    void closeStopsTheThread() throws Exception {
        write(kubeconfig("https://a.example.test", "ta", "https://b.example.test", "tb"));
        start();
        String name = watcher.threadName();
        assertThat(liveThread(name)).isTrue();

        watcher.close();

        assertThat(liveThread(name)).isFalse();
    }

    @Test
    @DisplayName("the fingerprint covers credentials and exec spec, and shows none of them")
    void fingerprintCoversCredentials() throws Exception {
        write(kubeconfig("https://a.example.test", "secret-token-1", "https://b.example.test", "tb"));
        ContextEntry one = discover().find("a").orElseThrow();
        write(kubeconfig("https://a.example.test", "secret-token-2", "https://b.example.test", "tb"));
        ContextEntry two = discover().find("a").orElseThrow();

        assertThat(KubeconfigWatcher.fingerprint(one))
                .isNotEqualTo(KubeconfigWatcher.fingerprint(two))
                .doesNotContain("secret")
                .matches("[0-9a-f]{64}");
        ExecSpec spec = new ExecSpec(
                Fixtures.V1, "aws", List.of("eks", "get-token"), Map.of("AWS_PROFILE", "dev"), "", false, tmp);
        ContextEntry withExec = new ContextEntry(
                "a", config(), "ca", "https://a", "ua", "", false, java.util.Optional.of(spec), List.of());
        ContextEntry otherProfile = new ContextEntry(
                "a",
                config(),
                "ca",
                "https://a",
                "ua",
                "",
                false,
                java.util.Optional.of(new ExecSpec(
                        Fixtures.V1,
                        "aws",
                        List.of("eks", "get-token"),
                        Map.of("AWS_PROFILE", "prod"),
                        "",
                        false,
                        tmp)),
                List.of());
        assertThat(KubeconfigWatcher.fingerprint(withExec)).isNotEqualTo(KubeconfigWatcher.fingerprint(otherProfile));
    }

    /** Polls {@code condition} for up to 15 s; fails the test if it never holds. */
    private static void waitFor(BooleanSupplier condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    private static boolean liveThread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
