package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.apply.Manifests;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo API server answers a pod's log and events from the pod's simulated status, as a real
 * one would, read through the plain fabric8 client.
 */
class DemoPodReadsTest {

    private DemoCluster cluster;
    private KubernetesClient client;
    private DemoWriter writer;
    private String admission;
    private String background;

    @BeforeEach
    void start() {
        cluster = new DemoCluster("spoke-2", "v1.31.11");
        cluster.start();
        client = cluster.client();
        writer = new DemoWriter(client);
        List<GenericKubernetesResource> kyverno =
                DemoSeed.component("kyverno", new DemoFleetSpec.Part("kyverno", "kyverno", "3.1.4", "v1.11.4"));
        writer.createIfAbsent(Manifests.of("v1", "Namespace", null, "kyverno").build());
        kyverno.forEach(writer::createIfAbsent);
        for (GenericKubernetesResource o : kyverno) {
            if (o.getKind().equals("Pod")) {
                String name = o.getMetadata().getName();
                writer.status(
                        "v1",
                        "Pod",
                        "kyverno",
                        name,
                        cur -> DemoControllers.podStatus(cur, true, name.contains("admission"), 40));
                if (name.contains("admission")) {
                    admission = name;
                } else if (name.contains("background")) {
                    background = name;
                }
            }
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    @DisplayName("each demo pod has its own name, kept from one run to the next")
    void podsHaveTheirOwnNames() {
        List<String> names = client.pods().inNamespace("kyverno").list().getItems().stream()
                .map(p -> p.getMetadata().getName())
                .toList();
        assertThat(names)
                .hasSize(3)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.matches("kyverno-[a-z-]+-controller-[a-z0-9]{10}-[a-z0-9]{5}"));
        assertThat(names.stream().map(n -> n.substring(n.length() - 16)).distinct())
                .hasSize(3);
        assertThat(DemoSeed.podName("Deployment", "kyverno-admission-controller"))
                .isEqualTo(admission);
        assertThat(DemoSeed.podName("StatefulSet", "vault")).isEqualTo("vault-0");
    }

    @Test
    @DisplayName("the crash-looping admission pod's current and previous logs show the webhook server failing to start")
    void crashLoopingPodLogsTheCrash() {
        String current =
                client.pods().inNamespace("kyverno").withName(admission).getLog();
        String previous = client.pods()
                .inNamespace("kyverno")
                .withName(admission)
                .terminated()
                .getLog();

        for (String log : List.of(current, previous)) {
            assertThat(log)
                    .doesNotContain("CustomResourceDefinition")
                    .contains("failed to start webhook server")
                    .contains("open /tmp/k8s-webhook-server/serving-certs/tls.crt: no such file");
        }
        assertThat(client.pods()
                        .inNamespace("kyverno")
                        .withName(admission)
                        .tailingLines(2)
                        .getLog()
                        .lines())
                .hasSize(2)
                .last()
                .asString()
                .contains("shutting down");
    }

    @Test
    @DisplayName(
            "a running pod logs plausible start-up lines; it has no previous run, and says so as the API server does")
    void runningPodLogsItsStartUp() {
        String log = client.pods().inNamespace("kyverno").withName(background).getLog();

        assertThat(log)
                .contains("starting kyverno-background")
                .contains("caches synced")
                .doesNotContain("ERROR");
        assertThatThrownBy(() -> client.pods()
                        .inNamespace("kyverno")
                        .withName(background)
                        .terminated()
                        .getLog())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e ->
                        assertThat(((KubernetesClientException) e).getCode()).isEqualTo(400))
                .hasMessageContaining(
                        "previous terminated container \"kyverno-background\" in pod \"" + background + "\" not found");
    }

    @Test
    @DisplayName("a pod's log follows to its end, and a pod not yet started has none")
    void followAndWaitingPods() throws Exception {
        try (var watch = client.pods()
                .inNamespace("kyverno")
                .withName(background)
                .withReadyWaitTimeout(0)
                .watchLog()) {
            String followed = new String(watch.getOutput().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(followed).contains("is ready");
        }
        writer.createIfAbsent(Manifests.of("v1", "Pod", "kyverno", "kyverno-cleanup-28461120-abcde")
                .spec(Manifests.map(
                        "containers", Manifests.list(Manifests.map("name", "cleanup", "image", "bitnami/kubectl"))))
                .build());
        assertThatThrownBy(() -> client.pods()
                        .inNamespace("kyverno")
                        .withName("kyverno-cleanup-28461120-abcde")
                        .getLog())
                .hasMessageContaining("is waiting to start: ContainerCreating");
    }

    @Test
    @DisplayName(
            "events: BackOff for the crash-looping pod, Scheduled, Pulled and Started for the others, by namespace and by object")
    void eventsOfTheNamespaceAndOfOnePod() {
        List<Event> all = client.v1().events().inNamespace("kyverno").list().getItems();
        Map<String, List<String>> reasons = all.stream()
                .collect(Collectors.groupingBy(
                        e -> e.getInvolvedObject().getName(),
                        Collectors.mapping(Event::getReason, Collectors.toList())));

        assertThat(reasons)
                .containsOnlyKeys(admission, background, DemoSeed.podName("Deployment", "kyverno-reports-controller"));
        assertThat(reasons.get(admission)).contains("Scheduled", "Started", "BackOff");
        assertThat(reasons.get(background))
                .contains("Scheduled", "Pulled", "Created", "Started")
                .doesNotContain("BackOff");
        Event backOff = all.stream()
                .filter(e -> "BackOff".equals(e.getReason()))
                .findFirst()
                .orElseThrow();
        assertThat(backOff.getType()).isEqualTo("Warning");
        assertThat(backOff.getMessage()).contains("Back-off restarting failed container kyverno-admission");
        assertThat(backOff.getCount()).isGreaterThan(1);

        List<Event> ofAdmission = client.v1()
                .events()
                .inNamespace("kyverno")
                .withField("involvedObject.kind", "Pod")
                .withField("involvedObject.name", admission)
                .list()
                .getItems();
        assertThat(ofAdmission)
                .isNotEmpty()
                .allMatch(e -> e.getInvolvedObject().getName().equals(admission));
        assertThat(client.v1().events().inNamespace("default").list().getItems())
                .isEmpty();
    }
}
