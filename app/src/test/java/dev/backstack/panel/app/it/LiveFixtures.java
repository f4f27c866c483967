package dev.backstack.panel.app.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Objects the live-status ITs create, and what the server holds of them. */
final class LiveFixtures {

    static final ResourceDefinitionContext APPLICATION =
            StatusWriter.ctx("argoproj.io", "v1alpha1", "Application", "applications", true);
    static final ResourceDefinitionContext APPLICATION_SET =
            StatusWriter.ctx("argoproj.io", "v1alpha1", "ApplicationSet", "applicationsets", true);
    static final ResourceDefinitionContext CLUSTER_POLICY =
            StatusWriter.ctx("kyverno.io", "v1", "ClusterPolicy", "clusterpolicies", false);
    static final ResourceDefinitionContext POLICY = StatusWriter.ctx("kyverno.io", "v1", "Policy", "policies", true);

    private LiveFixtures() {}

    /**
     * Creates the namespace if absent. Namespaces are never deleted: with no controller manager a
     * deleted namespace stays Terminating for good and blocks every later create in it.
     */
    static void namespace(KubernetesClient client, String name) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    /**
     * An Argo CD Application aimed at a cluster the panel does not know, so it never counts towards
     * the health of the hub that other ITs assert on.
     */
    static GenericKubernetesResource application(String namespace, String name) {
        GenericKubernetesResource app = new GenericKubernetesResource();
        app.setApiVersion("argoproj.io/v1alpha1");
        app.setKind("Application");
        app.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        app.setAdditionalProperty(
                "spec",
                Map.of(
                        "project",
                        "default",
                        "source",
                        Map.of(
                                "repoURL",
                                "https://github.com/back-stack/showcase",
                                "path",
                                "apps/" + name,
                                "targetRevision",
                                "HEAD"),
                        "destination",
                        Map.of("server", "https://elsewhere.invalid:6443", "namespace", name)));
        return app;
    }

    static GenericKubernetesResource applicationSet(String namespace, String name) {
        GenericKubernetesResource set = new GenericKubernetesResource();
        set.setApiVersion("argoproj.io/v1alpha1");
        set.setKind("ApplicationSet");
        set.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        set.setAdditionalProperty(
                "spec",
                Map.of(
                        "generators",
                                List.of(Map.of("list", Map.of("elements", List.of(Map.of("cluster", "in-cluster"))))),
                        "template",
                                Map.of(
                                        "metadata",
                                        Map.of("name", "{{cluster}}-" + name),
                                        "spec",
                                        Map.of(
                                                "project",
                                                "default",
                                                "source",
                                                Map.of(
                                                        "repoURL",
                                                        "https://github.com/back-stack/showcase",
                                                        "path",
                                                        "apps",
                                                        "targetRevision",
                                                        "HEAD"),
                                                "destination",
                                                Map.of(
                                                        "server",
                                                        "https://elsewhere.invalid:6443",
                                                        "namespace",
                                                        name)))));
        return set;
    }

    /** What the API server holds of one kind in one namespace, key ({@code ns/name}) to uid. */
    static Map<String, String> serverUids(KubernetesClient client, ResourceDefinitionContext kind, String namespace) {
        return client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems().stream()
                .collect(Collectors.toMap(
                        o -> namespace + "/" + o.getMetadata().getName(),
                        o -> o.getMetadata().getUid(),
                        (a, b) -> a,
                        TreeMap::new));
    }
}
