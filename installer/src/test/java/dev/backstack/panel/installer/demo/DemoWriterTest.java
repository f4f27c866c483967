package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.apply.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated controllers write only what changed: a pass that computes the status already
 * stored (read back with Integers where the controllers hold Longs) leaves the object alone, so
 * a settled demo sends the panel no watch events.
 */
class DemoWriterTest {

    private DemoCluster cluster;
    private DemoWriter writer;

    @BeforeEach
    void start() {
        cluster = new DemoCluster("writer-test", "v1.33.4");
        cluster.start();
        writer = new DemoWriter(cluster.client());
        DemoSeed.crds().forEach(writer::create);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private String resourceVersion(String apiVersion, String kind, String namespace, String name) {
        GenericKubernetesResource o =
                writer.op(apiVersion, kind, namespace).withName(name).get();
        return o.getMetadata().getResourceVersion();
    }

    @Test
    void anUnchangedWorkloadStatusIsNotWrittenAgain() {
        writer.create(Manifests.of("apps/v1", "Deployment", "argocd", "argocd-server")
                .spec(map("replicas", 1))
                .build());
        writer.status(
                "apps/v1",
                "Deployment",
                "argocd",
                "argocd-server",
                cur -> DemoControllers.workloadStatus("Deployment", cur, true));
        String written = resourceVersion("apps/v1", "Deployment", "argocd", "argocd-server");

        writer.status(
                "apps/v1",
                "Deployment",
                "argocd",
                "argocd-server",
                cur -> DemoControllers.workloadStatus("Deployment", cur, true));
        assertThat(resourceVersion("apps/v1", "Deployment", "argocd", "argocd-server"))
                .isEqualTo(written);

        writer.status(
                "apps/v1",
                "Deployment",
                "argocd",
                "argocd-server",
                cur -> DemoControllers.workloadStatus("Deployment", cur, false));
        assertThat(resourceVersion("apps/v1", "Deployment", "argocd", "argocd-server"))
                .as("a real change is written")
                .isNotEqualTo(written);
    }

    @Test
    void anUnchangedPolicyReportIsNotWrittenAgain() {
        List<String> policies = DemoSeed.SPOKE_POLICIES;
        writer.create(
                Manifests.of(DemoReports.WG, "PolicyReport", "web", "polr-web").build());
        DemoReports.policyReport(writer, "web", "polr-web", policies, 3, 1);
        String written = resourceVersion(DemoReports.WG, "PolicyReport", "web", "polr-web");

        DemoReports.policyReport(writer, "web", "polr-web", policies, 4, 1);
        assertThat(resourceVersion(DemoReports.WG, "PolicyReport", "web", "polr-web"))
                .isEqualTo(written);

        // results drift every ten seconds
        DemoReports.policyReport(writer, "web", "polr-web", policies, 13, 1);
        assertThat(resourceVersion(DemoReports.WG, "PolicyReport", "web", "polr-web"))
                .isNotEqualTo(written);
    }
}
