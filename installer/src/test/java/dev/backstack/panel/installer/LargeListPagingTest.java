package dev.backstack.panel.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClientRegistry;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.connect.LoginShellPath;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.KubeObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * T43 (FAULTS.md), on a scripted API server: a kind the live view watches in all namespaces
 * (Deployments) with 10,000 objects is listed in pages of 500, and when the API server answers a
 * {@code continue=} request with 410 Gone (the continue token expired, as after an etcd
 * compaction), the informer starts the list over and the snapshot ends with the full, correct set.
 */
class LargeListPagingTest {

    private static final int OBJECTS = 10_000;
    private static final int PAGE = 500;
    private static final String COLLECTION = "/apis/apps/v1/deployments";
    private static final KindRef DEPLOYMENT = new KindRef("apps", "Deployment");

    @TempDir
    Path tmp;

    private ScriptedApiServer server;
    private ClientRegistry registry;
    private ContextEntry context;

    @BeforeEach
    void start() {
        server = new ScriptedApiServer();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            // Workloads count only in the component namespaces: spread over two of them.
            items.add(ScriptedApiServer.deployment(
                    i % 2 == 0 ? "argocd" : "crossplane-system", String.format("app-%05d", i), 100 + i));
        }
        server.serve(COLLECTION, items);
        registry = new ClientRegistry(
                new ClientFactory(Map.of(), LoginShellPath.fixed(null), ClientFactory.Settings.defaults()));
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
    void stop() {
        registry.close();
        server.close();
    }

    private FleetService watch() {
        return FleetService.watching(
                List.of(new FleetService.Target(
                        "hub",
                        "hub",
                        ClusterRole.HUB,
                        context.server(),
                        Set.of("test"),
                        registry.acquire(context).client())),
                20);
    }

    private List<String> deploymentLists() {
        return server.listRequests().stream()
                .filter(r -> r.startsWith(COLLECTION + "?"))
                .toList();
    }

    @Test
    @Timeout(120)
    void listsTenThousandObjectsInPagesOf500() throws Exception {
        try (FleetService service = watch()) {
            assertThat(service.awaitSynced(60, TimeUnit.SECONDS)).isTrue();

            assertThat(deploymentLists()).hasSize(OBJECTS / PAGE).allMatch(r -> r.contains("limit=" + PAGE));
            assertThat(deploymentLists().get(0)).doesNotContain("continue=");
            assertThat(deploymentLists().subList(1, OBJECTS / PAGE)).allMatch(r -> r.contains("continue="));
            assertThat(awaitDeployments(service, OBJECTS)).hasSize(OBJECTS);
        }
    }

    @Test
    @Timeout(120)
    void anExpiredContinueTokenRestartsTheListAndEndsWithTheFullSet() throws Exception {
        server.expireNextContinues(1);
        try (FleetService service = watch()) {
            assertThat(service.awaitSynced(60, TimeUnit.SECONDS)).isTrue();

            assertThat(server.continuesExpired()).isEqualTo(1);
            List<String> lists = deploymentLists();
            // first page, its continue answered 410, then the whole list again from the start
            assertThat(lists.get(0)).doesNotContain("continue=");
            assertThat(lists.get(1)).contains("continue=");
            assertThat(lists.get(2))
                    .as("the list restarted without a continue token")
                    .doesNotContain("continue=");
            assertThat(lists).hasSize(2 + OBJECTS / PAGE);
            Set<String> names = awaitDeployments(service, OBJECTS).stream()
                    .map(KubeObject::name)
                    .collect(Collectors.toSet());
            assertThat(names).hasSize(OBJECTS).contains("app-00000", "app-04999", "app-09999");
        }
    }

    /** The snapshot's Deployments once it holds {@code count} of them; fails after 30 s. */
    private static java.util.Collection<KubeObject> awaitDeployments(FleetService service, int count) {
        return Awaitility.await(count + " Deployments in the snapshot")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> service.objects("hub").all(DEPLOYMENT), all -> all.size() >= count);
    }
}
