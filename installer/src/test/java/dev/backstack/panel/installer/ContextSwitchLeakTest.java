package dev.backstack.panel.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClientRegistry;
import dev.backstack.panel.installer.connect.ClusterConnection;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.connect.LoginShellPath;
import dev.backstack.panel.installer.live.WatchCatalog;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.WatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * T42 (FAULTS.md): switching contexts 100 times. Each switch acquires a client through the
 * {@link ClientRegistry} (built by {@link ClientFactory} from a kubeconfig context that points at
 * a scripted API server on fabric8's mock web server), starts a {@link FleetService} watching it, waits until every watch
 * listed, then closes the service and releases the client, as the window does on a context
 * switch. Afterwards the process's threads, counted per group (Vert.x event loops, OkHttp, the
 * panel's own {@code watch-check}, {@code fleet-store}, {@code credential-refresh}...), and the
 * connections open at the API server (one per running watch) are back at their baseline.
 */
class ContextSwitchLeakTest {

    private static final int SWITCHES = 100;
    /** Threads that may come and go on their own (pools that grow and idle out). */
    private static final int SLACK = 4;
    /** One watch per built-in kind and one for the CRDs (no custom kind is served). */
    private static final int WATCHES = WatchCatalog.builtIns().size() + 1;

    @TempDir
    Path tmp;

    private ScriptedApiServer server;
    private ClientRegistry registry;
    private ContextEntry context;

    @BeforeEach
    void startServer() {
        server = new ScriptedApiServer();
        server.serve("/apis/apps/v1/deployments", List.of(ScriptedApiServer.deployment("argocd", "argocd-server", 7)));
        registry = new ClientRegistry(
                new ClientFactory(Map.of(), LoginShellPath.fixed(null), ClientFactory.Settings.defaults()));
        // insecure-skip-tls-verify: the test server's certificate is self-signed.
        context = new ContextEntry(
                "hub",
                tmp.resolve("kubeconfig"),
                "mock",
                server.url(),
                "",
                "default",
                true,
                Optional.empty(),
                List.of());
    }

    @AfterEach
    void stopServer() {
        registry.close();
        server.close();
    }

    /** One context switch: connect, watch until listed, close the watches, release the client. */
    private void switchOnce() throws InterruptedException {
        ClusterConnection connection = registry.acquire(context);
        FleetService service = FleetService.watching(
                List.of(new FleetService.Target(
                        "hub", "hub", ClusterRole.HUB, context.server(), Set.of("test"), connection.client())),
                20);
        try {
            assertThat(service.awaitSynced(30, TimeUnit.SECONDS))
                    .as("every watch listed")
                    .isTrue();
            Fleet fleet = awaitSnapshot(service);
            assertThat(fleet.watches())
                    .filteredOn(w -> w.state() == WatchState.State.WATCHING)
                    .as("watches the snapshot shows listing")
                    .hasSize(WatchCatalog.builtIns().size());
            // Every informer's watch is open at the server (the built-in kinds and the CRDs).
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .untilAsserted(() -> assertThat(server.openWatches())
                            .as("watches open while the service runs")
                            .isEqualTo(WATCHES));
        } finally {
            service.close();
            registry.release(context);
        }
    }

    private static Fleet awaitSnapshot(FleetService service) {
        return settled(
                Duration.ofSeconds(10),
                Duration.ofMillis(20),
                service::latest,
                f -> watching(f) >= WatchCatalog.builtIns().size());
    }

    private static long watching(Fleet fleet) {
        return fleet.watches().stream()
                .filter(w -> w.state() == WatchState.State.WATCHING)
                .count();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aHundredContextSwitchesLeaveNoThreadsConnectionsOrClientsBehind() throws Exception {
        // Warm up: the first switches start what lives as long as the process (the shared
        // watch-check scheduler, the common pool) and load the classes.
        switchOnce();
        switchOnce();
        Map<String, Integer> baseline = awaitStable(threadGroups());
        int baselineConnections = awaitAtMost(server::openConnections, 0);
        int opened = server.watchesOpened();

        for (int i = 0; i < SWITCHES; i++) {
            switchOnce();
        }

        assertThat(registry.size()).as("clients still held by the registry").isZero();
        assertThat(server.watchesOpened() - opened)
                .as("watches opened by the switches")
                .isEqualTo(SWITCHES * WATCHES);
        assertThat(awaitAtMost(server::openWatches, 0))
                .as("watches still open at the API server")
                .isZero();
        assertThat(awaitAtMost(server::openConnections, baselineConnections))
                .as("connections open at the API server")
                .isLessThanOrEqualTo(baselineConnections);
        Map<String, Integer> after = awaitThreadsBackTo(baseline);
        System.out.println(
                "T42 threads per group, baseline " + baseline + "; after " + SWITCHES + " switches " + after);
        for (Map.Entry<String, Integer> group : after.entrySet()) {
            assertThat(group.getValue())
                    .as("threads named " + group.getKey() + "* after " + SWITCHES + " switches (baseline " + baseline
                            + ", now " + after + ")")
                    .isLessThanOrEqualTo(baseline.getOrDefault(group.getKey(), 0) + SLACK);
        }
        int total = after.values().stream().mapToInt(Integer::intValue).sum();
        int baselineTotal =
                baseline.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total)
                .as("all threads (baseline " + baseline + ", now " + after + ")")
                .isLessThanOrEqualTo(baselineTotal + SLACK);
    }

    /** Live threads per name with its digits dropped: {@code vert.x-eventloop-thread-}, {@code fleet-store}... */
    static Map<String, Integer> threadGroups() {
        Map<String, Integer> groups = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) {
                groups.merge(t.getName().replaceAll("\\d+", ""), 1, Integer::sum);
            }
        }
        return groups;
    }

    /** Threads of a closed client end asynchronously: polls until no group is above the baseline. */
    private static Map<String, Integer> awaitThreadsBackTo(Map<String, Integer> baseline) {
        return settled(
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                ContextSwitchLeakTest::threadGroups,
                now -> within(now, baseline));
    }

    private static boolean within(Map<String, Integer> now, Map<String, Integer> baseline) {
        return now.entrySet().stream().allMatch(e -> e.getValue() <= baseline.getOrDefault(e.getKey(), 0));
    }

    /** The thread groups once they stopped changing for a second (at most 15 s). */
    private static Map<String, Integer> awaitStable(Map<String, Integer> first) {
        AtomicReference<Map<String, Integer>> last = new AtomicReference<>(first);
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .during(Duration.ofSeconds(1))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> last.getAndSet(threadGroups()).equals(last.get()));
        } catch (ConditionTimeoutException e) {
            // still changing after 15 s: the baseline is the last reading
        }
        return last.get();
    }

    private static int awaitAtMost(java.util.function.IntSupplier gauge, int atMost) {
        return settled(Duration.ofSeconds(15), Duration.ofMillis(100), gauge::getAsInt, n -> n <= atMost);
    }

    /**
     * The first reading that satisfies {@code ok}, or the last one after {@code atMost}: the caller
     * asserts on it (and says why), or takes it as a baseline. Polls on the test's thread, so the
     * wait adds no thread to the counts.
     */
    private static <T> T settled(
            Duration atMost,
            Duration every,
            java.util.concurrent.Callable<T> read,
            java.util.function.Predicate<T> ok) {
        try {
            return Awaitility.await()
                    .atMost(atMost)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(every)
                    .until(read, ok);
        } catch (ConditionTimeoutException e) {
            try {
                return read.call();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
