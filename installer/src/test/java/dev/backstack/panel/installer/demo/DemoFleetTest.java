package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulated demo fleet, read through the real engine, tells its story. */
class DemoFleetTest {

    private static FleetService service;

    @BeforeAll
    static void startDemo() {
        service = FleetService.demo(100, 50);
    }

    @AfterAll
    static void stopDemo() {
        service.close();
    }

    static Fleet await(String what, Predicate<Fleet> condition) {
        return await(service, what, condition);
    }

    static Fleet await(FleetService on, String what, Predicate<Fleet> condition) {
        return Awaitility.await(what)
                .atMost(Duration.ofSeconds(40))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(on::latest, condition);
    }

    private static Cluster spoke(Fleet f, String name) {
        return f.spokes().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("the hub converges to every component Healthy, with versions and UI links, labelled simulated")
    void hubConverges() throws Exception {
        Fleet f = await(
                "all hub components healthy",
                x -> x.hub().components().stream().allMatch(c -> c.health() == Health.HEALTHY));
        assertThat(f.simulated()).isTrue();
        assertThat(f.hub().kubernetesVersion()).isEqualTo("v1.33.4");
        Component backstage = f.hub().component(ComponentKind.BACKSTAGE).orElseThrow();
        assertThat(backstage.version()).isEqualTo("1.24.0");
        assertThat(backstage.url()).isEqualTo("https://backstage-7f000001.nip.io");
        assertThat(backstage.installedBy()).startsWith("BACK Stack Hub (Release hub-x7k2p-backstage");
    }

    @Test
    @DisplayName("spoke-2's Kyverno add-on is Degraded: its sync failed on the crash-looping admission webhook")
    void degradedSpokeAddOn() throws Exception {
        Fleet f = await(
                "spoke-2 degraded",
                x -> x.spokes().size() == 3 && spoke(x, "spoke-2").health() == Health.DEGRADED);
        Cluster s2 = spoke(f, "spoke-2");
        assertThat(s2.assessment().oneLine())
                .contains("spoke-2-kyverno", "sync Failed (retry 2)", "failed calling webhook");
        assertThat(s2.components())
                .anySatisfy(c -> assertThat(c.assessment().oneLine()).contains("CrashLoopBackOff"));
        assertThat(s2.sources()).contains("Argo CD cluster secret", "EKSCluster claim");
        assertThat(s2.applications()).extracting(a -> a.name()).contains("spoke-2-kyverno", "spoke-2-kyverno-policies");
        assertThat(s2.compliance().total().fail()).isPositive();
    }

    @Test
    @DisplayName(
            "spoke-3 reads 'provisioning' while its claim is being created and its API server is down, then comes up Healthy")
    void provisionedSpokeComesUp() throws Exception {
        // Every snapshot seen on the way: while the claim is still being created and the API server
        // does not answer, spoke-3 reads provisioning, never "connection refused".
        // A fleet of its own: the class's shared one may be past spoke-3's creation already.
        try (FleetService fresh = FleetService.demo(100, 50)) {
            provisionedSpokeComesUp(fresh);
        }
    }

    private static void provisionedSpokeComesUp(FleetService fresh) throws Exception {
        java.util.concurrent.atomic.AtomicInteger provisioningSnapshots =
                new java.util.concurrent.atomic.AtomicInteger();
        Fleet f = await(fresh, "spoke-3 healthy", x -> {
            if (x.spokes().size() == 3) {
                Cluster s3 = spoke(x, "spoke-3");
                boolean creating =
                        s3.claim().map(c -> c.health() != Health.HEALTHY).orElse(false);
                if (creating && !s3.reachability().isReachable()) {
                    assertThat(s3.assessment().summary())
                            .as(s3.assessment().oneLine())
                            .isEqualTo("provisioning");
                    assertThat(s3.health()).isEqualTo(Health.PROGRESSING);
                    provisioningSnapshots.incrementAndGet();
                }
            }
            return x.spokes().size() == 3
                    && spoke(x, "spoke-3").health() == Health.HEALTHY
                    && !spoke(x, "spoke-3").kubernetesVersion().isEmpty();
        });
        assertThat(provisioningSnapshots.get())
                .as("snapshots seen while spoke-3 was being created and not answering")
                .isPositive();
        assertThat(spoke(f, "spoke-3").reachability().isReachable()).isTrue();
        assertThat(spoke(f, "spoke-3").kubernetesVersion()).isEqualTo("v1.33.4");
    }

    @Test
    @DisplayName("Argo CD cluster secrets reach the model with name and server only, never their credentials")
    void clusterSecretsCarryNoCredentials() throws Exception {
        await(
                "spokes found from their cluster secrets",
                x -> x.spokes().size() == 3
                        && x.spokes().stream().allMatch(s -> s.sources().contains("Argo CD cluster secret")));
        var secrets = service.objects(service.latest().hub().id()).all(Kinds.SECRET);
        assertThat(secrets).isNotEmpty();
        for (KubeObject s : secrets) {
            assertThat(s.body().keySet()).containsExactly("cluster");
            assertThat(s.body().toString())
                    .doesNotContain("demo-not-a-real-token")
                    .doesNotContain("bearerToken");
        }
    }

    @Test
    @DisplayName("openreports.io Reports and ClusterReports reach the store; a result in both groups counts once")
    void openReportsReachTheStore() throws Exception {
        Fleet f = await(
                "spoke-1 compliance from both report groups",
                x -> x.spokes().size() == 3
                        && spoke(x, "spoke-1").compliance().results().stream()
                                .anyMatch(r -> r.group().equals("openreports.io"))
                        && spoke(x, "spoke-1").compliance().shadowed() == DemoSeed.SPOKE_POLICIES.size());
        Cluster s1 = spoke(f, "spoke-1");
        assertThat(service.objects(s1.id()).all(Kinds.REPORT)).hasSize(DemoSeed.SPOKE_POLICIES.size());
        assertThat(service.objects(s1.id()).all(Kinds.CLUSTER_REPORT)).hasSize(1);
        assertThat(s1.compliance().results()).extracting(r -> r.group()).contains("wgpolicyk8s.io", "openreports.io");
        // every openreports result about a payments Pod shadows the PolicyReport's result of the same policy
        assertThat(s1.compliance().shadowed()).isEqualTo(DemoSeed.SPOKE_POLICIES.size());
        assertThat(s1.compliance().results())
                .filteredOn(r -> r.resource().namespace().equals("payments")
                        && r.resource().kind().equals("Pod"))
                .allMatch(r -> r.group().equals("openreports.io"));
        assertThat(s1.compliance().total().warn()).isEqualTo(1);
        assertThat(f.watchesOf("spoke-1"))
                .extracting(w -> w.resource() + " " + w.state())
                .contains("Reports WATCHING", "ClusterReports WATCHING");
    }
}
