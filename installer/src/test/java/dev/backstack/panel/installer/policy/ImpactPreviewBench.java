package dev.backstack.panel.installer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (run by name, not part of the test suite; asserts no timing): the wizard's impact
 * preview end to end on one cluster: ten of the catalog's pod policies over 5,000 pods in 40
 * namespaces, listed a page at a time from a fabric8 mock API server, converted once, each
 * policy evaluated ({@link ImpactPreview}, as the wizard and {@code policies apply --impact} run
 * it). The first preview is cold (cel-java loaded by {@code warmUp} before, as the wizard does
 * when it opens), then warm ones.
 * Run: {@code ./mvnw -B -o test -pl installer -am -Dtest=ImpactPreviewBench -Dsurefire.failIfNoSpecifiedTests=false};
 * results in {@code installer/target/bench/impact-preview.txt}.
 */
@EnableKubernetesMockClient(crud = true)
class ImpactPreviewBench {

    static final List<String> POLICIES = List.of(
            "disallow-privileged-containers",
            "disallow-host-namespaces",
            "disallow-host-path",
            "disallow-capabilities",
            "require-run-as-non-root",
            "restrict-seccomp",
            "require-drop-all-capabilities",
            "require-read-only-root-filesystem",
            "require-requests-limits",
            "require-probes");
    private static final int PODS = Integer.getInteger("bench.objects", 5000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);

    KubernetesClient client;

    @Test
    void measure() throws Exception {
        for (int i = 0; i < PODS; i++) {
            client.pods().inNamespace("team-" + i % 40).resource(pod(i)).create();
        }
        PolicyCatalog catalog = PolicyCatalog.load();
        List<PolicySelection> selections = POLICIES.stream()
                .map(id -> PolicySelection.ofDefaults(catalog.entry(id).orElseThrow(), List.of("kube-system")))
                .toList();
        long w = System.nanoTime();
        dev.backstack.panel.installer.policy.cel.CelPolicyProgram.warmUp();
        long warmUp = System.nanoTime() - w;
        List<Long> runs = new ArrayList<>();
        int blocked = 0;
        for (int run = 0; run <= RUNS; run++) {
            long t = System.nanoTime();
            List<PolicyImpact> impact = new ImpactPreview("bench", client).assess(selections);
            runs.add(System.nanoTime() - t);
            blocked = impact.stream().mapToInt(PolicyImpact::blockedCount).sum();
            assertThat(impact).allSatisfy(i -> assertThat(i.problem()).isNull());
        }
        assertThat(blocked).isPositive();
        List<Long> warm = runs.subList(1, runs.size()).stream().sorted().toList();
        String report = String.format(
                "impact preview, %d pods x %d policies (list + convert + evaluate)%n"
                        + "warm-up (cel-java load): %d ms%ncold preview: %d ms%nwarm previews: median %d ms, min %d ms, max %d ms "
                        + "(%d runs)%nrefusals found per preview: %d%n",
                PODS,
                POLICIES.size(),
                warmUp / 1_000_000,
                runs.get(0) / 1_000_000,
                warm.get(warm.size() / 2) / 1_000_000,
                warm.get(0) / 1_000_000,
                warm.get(warm.size() - 1) / 1_000_000,
                warm.size(),
                blocked);
        Path out = Path.of("target/bench/impact-preview.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Every fifth pod is hardened; the others break some of the policies. */
    private static Pod pod(int i) {
        PodBuilder b = new PodBuilder()
                .withNewMetadata()
                .withName("app-" + i)
                .addToLabels("app.kubernetes.io/name", "app")
                .endMetadata();
        if (i % 5 == 0) {
            return b.withNewSpec()
                    .withNewSecurityContext()
                    .withRunAsNonRoot(true)
                    .withNewSeccompProfile()
                    .withType("RuntimeDefault")
                    .endSeccompProfile()
                    .endSecurityContext()
                    .addNewContainer()
                    .withName("app")
                    .withImage("ghcr.io/acme/app:1." + i)
                    .withNewSecurityContext()
                    .withReadOnlyRootFilesystem(true)
                    .withAllowPrivilegeEscalation(false)
                    .withNewCapabilities()
                    .withDrop("ALL")
                    .endCapabilities()
                    .endSecurityContext()
                    .withNewResources()
                    .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m"))
                    .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("64Mi"))
                    .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("128Mi"))
                    .endResources()
                    .withNewReadinessProbe()
                    .withNewTcpSocket()
                    .withNewPort(8080)
                    .endTcpSocket()
                    .endReadinessProbe()
                    .withNewLivenessProbe()
                    .withNewTcpSocket()
                    .withNewPort(8080)
                    .endTcpSocket()
                    .endLivenessProbe()
                    .endContainer()
                    .addNewContainer()
                    .withName("sidecar")
                    .withImage("ghcr.io/acme/proxy:2.0")
                    .withNewSecurityContext()
                    .withReadOnlyRootFilesystem(true)
                    .withNewCapabilities()
                    .withDrop("ALL")
                    .endCapabilities()
                    .endSecurityContext()
                    .endContainer()
                    .endSpec()
                    .build();
        }
        return b.withNewSpec()
                .withHostNetwork(i % 7 == 0)
                .addNewContainer()
                .withName("app")
                .withImage("docker.io/library/nginx:latest")
                .endContainer()
                .addNewContainer()
                .withName("sidecar")
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .build();
    }
}
