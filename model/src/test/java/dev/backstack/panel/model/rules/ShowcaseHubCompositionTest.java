package dev.backstack.panel.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.Showcase;
import dev.backstack.panel.model.StatusReason;
import dev.backstack.panel.model.TestObjects;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Drives component detection end to end on the reference Hub composition: every {@code base} of
 * its pipeline becomes a composed object (the composition's own patches applied, names and Ready
 * statuses given by the test), referenced from an {@code XHub} that a {@code Hub} claim points to.
 */
class ShowcaseHubCompositionTest {

    static final String COMPOSITION = "crossplane/apis/hub/composition.yaml";
    static final String XR = HubFixture.XR;
    static final String READY = "{type: Ready, status: 'True', reason: Available}";
    static final ClusterAssembler.Identity HUB =
            new ClusterAssembler.Identity("hub", "hub", ClusterRole.HUB, "", Set.of("kubeconfig context"));

    /** The composition's resources, freshly parsed (each test mutates its own copy). */
    static List<Map<String, Object>> resources() {
        Map<String, Object> composition = Showcase.documents(COMPOSITION).get(0);
        Map<?, ?> step =
                (Map<?, ?>) Fields.list(composition, "spec", "pipeline").get(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : Fields.list(step, "input", "resources")) {
            out.add(cast(r));
        }
        return out;
    }

    static Map<String, Object> xhubSpec() {
        return TestObjects.parse("""
                parameters:
                  clusterId: local
                  repository: https://github.com/example/backstack-gitops
                  backstage: {host: backstage.example.com}
                  argocd: {host: argocd.example.com}
                  vault: {host: vault.example.com}
                """);
    }

    /** Claim, composite and composed objects; {@code ready} gives each composed object's Ready condition by name. */
    static List<KubeObject> composedHub(Function<String, String> ready) {
        Map<String, Object> xr = new LinkedHashMap<>(Map.of("metadata", Map.of("name", XR), "spec", xhubSpec()));
        List<KubeObject> out = new ArrayList<>();
        List<Map<String, Object>> refs = new ArrayList<>();
        for (Map<String, Object> resource : resources()) {
            Map<String, Object> object = cast(resource.get("base"));
            Map<String, Object> metadata = new LinkedHashMap<>(cast(object.getOrDefault("metadata", Map.of())));
            metadata.put("name", XR + "-" + resource.get("name"));
            object.put("metadata", metadata);
            Patcher.apply(object, Fields.list(resource, "patches"), xr);
            String name = Fields.str(object, "metadata", "name");
            object.put(
                    "status",
                    TestObjects.parse("conditions: [{type: Synced, status: 'True'}, %s]".formatted(ready.apply(name))));
            out.add(TestObjects.fromMap(object));
            refs.add(Map.of("apiVersion", object.get("apiVersion"), "kind", object.get("kind"), "name", name));
        }
        Map<String, Object> composite = TestObjects.parse("""
                apiVersion: backstack.dev/v1alpha1
                kind: XHub
                metadata: {name: %s}
                status: {conditions: [{type: Synced, status: 'True'}, %s]}
                """.formatted(XR, READY));
        Map<String, Object> spec = xhubSpec();
        spec.put("resourceRefs", refs);
        composite.put("spec", spec);
        out.add(TestObjects.fromMap(composite));
        out.add(TestObjects.yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: Hub
                metadata: {name: hub, namespace: default}
                spec: {resourceRef: {apiVersion: backstack.dev/v1alpha1, kind: XHub, name: %s}}
                status: {conditions: [{type: Synced, status: 'True'}, %s]}
                """.formatted(XR, READY)));
        return out;
    }

    /** What the charts the Releases install run, all available. */
    static List<KubeObject> workloads() {
        HubFixture f = HubFixture.plain();
        List.of("argocd-server", "argocd-repo-server").forEach(d -> f.deployment("argocd", d));
        f.deployment("backstage", "backstage")
                .deployment("kyverno", "kyverno-admission-controller")
                .deployment("crossplane-system", "crossplane")
                .deployment("cert-manager", "cert-manager")
                .deployment("vault", "vault-agent-injector");
        return f.objects();
    }

    static ObjectSet hub(Function<String, String> ready, List<KubeObject> extra) {
        List<KubeObject> all = new ArrayList<>(composedHub(ready));
        all.addAll(workloads());
        all.addAll(extra);
        return ObjectSet.of(all);
    }

    static Component component(ObjectSet objects, ComponentKind kind) {
        return ComponentDetector.detect(objects).stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName(
            "every composed resource of the reference Hub appears under Hub -> XHub, and each chart's component is installed by its Release")
    void healthyReferenceHubIsRecognised() {
        ObjectSet objects = hub(name -> READY, List.of());

        ObjectNode tree = HubTree.hubs(objects).get(0);
        ObjectNode xhub = tree.children().get(0);
        assertThat(xhub.children()).hasSize(resources().size());
        assertThat(xhub.children())
                .extracting(ObjectNode::label)
                .contains(
                        "Release hub-x7k2-argocd",
                        "Release hub-x7k2-backstage",
                        "Release hub-x7k2-kyverno",
                        "Release hub-x7k2-kyverno-policies",
                        "Release hub-x7k2-vault",
                        "Release hub-x7k2-cert-manager",
                        "Object hub-x7k2-argocd-hub-secret");
        assertThat(tree.rolledUp().health()).isEqualTo(Health.HEALTHY);

        Map<ComponentKind, String> releases = Map.of(
                ComponentKind.ARGO_CD,
                "hub-x7k2-argocd",
                ComponentKind.BACKSTAGE,
                "hub-x7k2-backstage",
                ComponentKind.KYVERNO,
                "hub-x7k2-kyverno",
                ComponentKind.VAULT,
                "hub-x7k2-vault",
                ComponentKind.CERT_MANAGER,
                "hub-x7k2-cert-manager");
        releases.forEach((kind, release) -> {
            Component c = component(objects, kind);
            assertThat(c.health()).as(kind + ": " + c.assessment().oneLine()).isEqualTo(Health.HEALTHY);
            assertThat(c.installedBy()).as(kind.name()).isEqualTo("BACK Stack Hub (Release " + release + ")");
        });
        assertThat(component(objects, ComponentKind.ARGO_CD).url()).isEqualTo("https://argocd.example.com");
        assertThat(component(objects, ComponentKind.BACKSTAGE).url()).isEqualTo("https://backstage.example.com");
        assertThat(component(objects, ComponentKind.VAULT).url()).isEqualTo("https://vault.example.com");
        assertThat(component(objects, ComponentKind.CERT_MANAGER).version()).isEqualTo("1.0.0");
        assertThat(ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", objects)
                        .health())
                .isEqualTo(Health.HEALTHY);
    }

    @Test
    void failingBackstageReleaseOfTheReferenceHubDegradesBackstageWithItsPath() {
        String message = "failed to install release: Service \"backstage\" is invalid: spec.ports[0].nodePort: "
                + "Invalid value: 30007: provided port is already allocated; " + "see the Helm logs. ".repeat(10);
        ObjectSet objects = hub(
                name -> name.equals("hub-x7k2-backstage")
                        ? "{type: Ready, status: 'False', reason: ReconcileError, message: '%s'}"
                                .formatted(message.replace("'", "''"))
                        : READY,
                List.of());

        Component backstage = component(objects, ComponentKind.BACKSTAGE);

        assertThat(backstage.health()).isEqualTo(Health.DEGRADED);
        StatusReason reason = backstage.assessment().reason().orElseThrow();
        assertThat(reason.path()).containsExactly("Hub hub", "XHub hub-x7k2", "Release hub-x7k2-backstage");
        assertThat(reason.message()).contains(message);
        assertThat(component(objects, ComponentKind.ARGO_CD).health()).isEqualTo(Health.HEALTHY);
        assertThat(ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", objects)
                        .health())
                .isEqualTo(Health.DEGRADED);
    }

    /** The manifest a provider-kubernetes Object of the composition creates. */
    static Map<String, Object> manifest(ObjectSet objects, String objectName) {
        KubeObject o = objects.all(dev.backstack.panel.model.Kinds.K8S_OBJECT).stream()
                .filter(x -> x.name().equals(objectName))
                .findFirst()
                .orElseThrow();
        return new LinkedHashMap<>(cast(Fields.get(o.spec(), "forProvider", "manifest")));
    }

    @Test
    @DisplayName(
            "the Applications the Hub creates target it by its Argo CD name 'hub', so a Degraded one degrades the hub")
    void hubApplicationsFromTheCompositionCountOnTheHub() {
        ObjectSet base = hub(name -> READY, List.of());
        Map<String, Object> secret = manifest(base, "hub-x7k2-argocd-hub-secret");
        Map<?, ?> data = Fields.map(secret, "data");
        Map<String, Object> mapped = new LinkedHashMap<>(secret);
        mapped.remove("data");
        mapped.put("cluster", Map.of("name", decode(data.get("name")), "server", decode(data.get("server"))));
        Map<String, Object> app = manifest(base, "hub-x7k2-argocd-clusters-application");
        app.put(
                "status",
                Map.of(
                        "health",
                        Map.of("status", "Degraded", "message", "EKSCluster eks-1 is not ready"),
                        "sync",
                        Map.of("status", "Synced")));

        List<KubeObject> extra = List.of(TestObjects.fromMap(mapped), TestObjects.fromMap(app));
        Cluster cluster = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", hub(name -> READY, extra));

        assertThat(Fields.str(app, "spec", "destination", "name")).isEqualTo("hub");
        assertThat(cluster.health()).isEqualTo(Health.DEGRADED);
        assertThat(cluster.assessment().reason().orElseThrow().subject()).isEqualTo("Application clusters-from-hub");
        assertThat(SpokeDetector.detect(hub(name -> READY, extra), List.of()))
                .as("the hub is not a spoke")
                .isEmpty();
    }

    @Test
    @DisplayName("cluster secrets labelled as the Hub's Kyverno generate policy labels them are spokes")
    void spokeSecretsLabelledByTheReferencePolicyAreDetected() {
        Map<String, Object> policy =
                manifest(hub(name -> READY, List.of()), "hub-x7k2-kyverno-argocd-cluster-generation-clusterpolicy");
        Map<?, ?> rule = (Map<?, ?>) Fields.list(policy, "spec", "rules").get(0);
        Map<String, String> labels = new LinkedHashMap<>();
        for (Object c : Fields.list(rule, "context")) {
            if ("metadataLabels".equals(Fields.str((Map<?, ?>) c, "name"))) {
                Fields.map((Map<?, ?>) c, "variable", "value")
                        .forEach((k, v) ->
                                labels.put(String.valueOf(k), String.valueOf(v).replace("{{ clusterName }}", "aks-1")));
            }
        }
        assertThat(labels).isNotEmpty();
        KubeObject secret = new KubeObject(
                "v1",
                "Secret",
                "argocd",
                "aks-1",
                null,
                0,
                null,
                null,
                labels,
                Map.of(),
                List.of(),
                Map.of("cluster", Map.of("name", "aks-1", "server", "https://aks-1.example.com")));

        List<Cluster> spokes = SpokeDetector.detect(ObjectSet.of(List.of(secret)), List.of());

        assertThat(spokes).extracting(Cluster::name).containsExactly("aks-1");
        assertThat(spokes.get(0).server()).isEqualTo("https://aks-1.example.com");
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode(String.valueOf(base64).trim()), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
