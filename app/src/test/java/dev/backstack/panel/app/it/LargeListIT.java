package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.KindRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * T43 (FAULTS.md) on a real API server: 10,000 Deployments (a kind the live view watches in all
 * namespaces) are listed by the panel in pages of 500, as the API server's own request counter
 * shows, and the model holds every one of them. A server of its own: the objects would slow
 * every other test of the shared one.
 */
@DisplayName("10,000 objects of a watched kind arrive in pages of 500 and all reach the model (T43)")
class LargeListIT {

    private static final int OBJECTS = 10_000;
    private static final int PAGE = 500;
    /** A component namespace: workloads elsewhere do not count in the model. */
    private static final String NS = "argocd";

    private static final KindRef DEPLOYMENT = new KindRef("apps", "Deployment");
    private static final Pattern LIST_DEPLOYMENTS = Pattern.compile("apiserver_request_total\\{([^}]*)\\} (\\d+)");

    private static RealApiServer server;
    private static KubernetesClient admin;

    @BeforeAll
    static void setUp() throws Exception {
        server = RealApiServer.fresh();
        admin = server.admin();
        LiveFixtures.namespace(admin, NS);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < OBJECTS; i++) {
                Deployment d = deployment(String.format("app-%05d", i));
                created.add(pool.submit(() ->
                        admin.apps().deployments().inNamespace(NS).resource(d).create()));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterAll
    static void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private static Deployment deployment(String name) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("example.test/app:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** The API server's count of LIST requests for Deployments so far (its /metrics). */
    private static long deploymentLists() {
        String metrics = admin.raw("/metrics");
        long total = 0;
        Matcher m = LIST_DEPLOYMENTS.matcher(metrics);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("verb=\"LIST\"")
                    && labels.contains("resource=\"deployments\"")
                    && labels.contains("group=\"apps\"")) {
                total += Long.parseLong(m.group(2));
            }
        }
        return total;
    }

    @Test
    @Timeout(300)
    @DisplayName("the informer lists in pages (limit 500) and the model holds all 10,000")
    void listsInPagesAndHoldsThemAll() throws Exception {
        assertThat(admin.apps().deployments().inNamespace(NS).list().getItems()).hasSize(OBJECTS);
        long before = deploymentLists();
        try (LiveFleet live = LiveFleet.start("large-list", server.config(server.adminToken()))) {
            live.awaitObjects(
                    "all " + OBJECTS + " Deployments in the model",
                    Duration.ofSeconds(120),
                    o -> o.all(DEPLOYMENT).size() == OBJECTS);
            long pages = deploymentLists() - before;
            System.err.printf("LargeListIT: %d LIST requests for %d Deployments%n", pages, OBJECTS);
            assertThat(pages)
                    .as("LIST requests for Deployments: one per page of " + PAGE)
                    .isGreaterThanOrEqualTo(OBJECTS / PAGE);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.err.printf("LargeListIT: heap in use after GC %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
