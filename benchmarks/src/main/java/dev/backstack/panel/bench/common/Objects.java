package dev.backstack.panel.bench.common;

import dev.backstack.panel.installer.live.KindSpec;
import dev.backstack.panel.installer.live.WatchCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects the benchmarks put on a mock hub, with explicit resource contexts (the mock has no
 * discovery): the CRDs of every custom kind the panel watches, already Established (as the demo
 * seeds them), Argo CD cluster secrets and Applications, PolicyReports and Deployments.
 */
public final class Objects {

    public static final ResourceDefinitionContext CRDS =
            ctx("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false);
    public static final ResourceDefinitionContext APPLICATIONS =
            ctx("argoproj.io", "v1alpha1", "Application", "applications", true);
    public static final ResourceDefinitionContext POLICY_REPORTS =
            ctx("wgpolicyk8s.io", "v1alpha2", "PolicyReport", "policyreports", true);
    public static final ResourceDefinitionContext SECRETS = ctx("", "v1", "Secret", "secrets", true);
    public static final ResourceDefinitionContext DEPLOYMENTS = ctx("apps", "v1", "Deployment", "deployments", true);

    private Objects() {}

    public static ResourceDefinitionContext ctx(
            String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }

    /** Creates the CRDs of every custom kind in {@link WatchCatalog#customs()}. */
    public static void seedCrds(KubernetesClient client) {
        for (GenericKubernetesResource crd : crds()) {
            client.genericKubernetesResources(CRDS).resource(crd).create();
        }
    }

    public static List<GenericKubernetesResource> crds() {
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (KindSpec k : WatchCatalog.customs()) {
            String version = switch (k.group()) {
                case "pkg.crossplane.io", "apiextensions.crossplane.io", "kyverno.io" -> "v1";
                case "helm.crossplane.io" -> "v1beta1";
                case "wgpolicyk8s.io" -> "v1alpha2";
                default -> "v1alpha1";
            };
            GenericKubernetesResource crd =
                    object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, k.crdName());
            crd.setAdditionalProperty(
                    "spec",
                    Map.of(
                            "group",
                            k.group(),
                            "scope",
                            k.namespaced() ? "Namespaced" : "Cluster",
                            "names",
                            Map.of(
                                    "kind",
                                    k.kind(),
                                    "plural",
                                    k.plural(),
                                    "singular",
                                    k.kind().toLowerCase(),
                                    "listKind",
                                    k.kind() + "List"),
                            "versions",
                            List.of(Map.of(
                                    "name",
                                    version,
                                    "served",
                                    true,
                                    "storage",
                                    true,
                                    "schema",
                                    Map.of(
                                            "openAPIV3Schema",
                                            Map.of("type", "object", "x-kubernetes-preserve-unknown-fields", true))))));
            crd.setAdditionalProperty(
                    "status",
                    Map.of(
                            "conditions",
                            List.of(Map.of(
                                    "type", "Established", "status", "True", "reason", "InitialNamesAccepted"))));
            out.add(crd);
        }
        return out;
    }

    /** An Argo CD cluster secret of a spoke, as the reference implementation labels them. */
    public static GenericKubernetesResource spokeSecret(String name, String server) {
        GenericKubernetesResource s = object("v1", "Secret", "argocd", name);
        s.getMetadata().setLabels(Map.of("argocd.argoproj.io/secret-type", "cluster", "clusterType", "spoke"));
        s.setAdditionalProperty("type", "Opaque");
        s.setAdditionalProperty(
                "data",
                Map.of(
                        "name",
                        b64(name),
                        "server",
                        b64(server),
                        "config",
                        b64("{\"bearerToken\":\"bench-not-a-real-token\"}")));
        return s;
    }

    /** An Argo CD Application deploying to {@code server}, with the given health. */
    public static GenericKubernetesResource application(String name, String server, String health, String message) {
        GenericKubernetesResource a = object("argoproj.io/v1alpha1", "Application", "argocd", name);
        a.setAdditionalProperty(
                "spec",
                Map.of(
                        "project",
                        "default",
                        "destination",
                        Map.of("server", server, "namespace", "default"),
                        "source",
                        Map.of("repoURL", "https://github.com/example/backstack-gitops", "path", name)));
        a.setAdditionalProperty("status", applicationStatus(health, message));
        return a;
    }

    public static Map<String, Object> applicationStatus(String health, String message) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", health);
        if (message != null) {
            h.put("message", message);
        }
        return Map.of("health", h, "sync", Map.of("status", "Synced"));
    }

    public static GenericKubernetesResource policyReport(String namespace, String name, int pass, int fail) {
        GenericKubernetesResource r = object("wgpolicyk8s.io/v1alpha2", "PolicyReport", namespace, name);
        r.setAdditionalProperty("summary", Map.of("pass", pass, "fail", fail, "warn", 0, "error", 0, "skip", 0));
        return r;
    }

    public static GenericKubernetesResource deployment(String namespace, String name, int ready) {
        GenericKubernetesResource d = object("apps/v1", "Deployment", namespace, name);
        d.getMetadata().setLabels(Map.of("app.kubernetes.io/name", name));
        d.setAdditionalProperty(
                "spec",
                Map.of(
                        "replicas",
                        1,
                        "selector",
                        Map.of("matchLabels", Map.of("app.kubernetes.io/name", name)),
                        "template",
                        Map.of(
                                "metadata",
                                Map.of("labels", Map.of("app.kubernetes.io/name", name)),
                                "spec",
                                Map.of(
                                        "containers",
                                        List.of(Map.of("name", name, "image", "registry.example/" + name))))));
        d.setAdditionalProperty("status", deploymentStatus(ready));
        return d;
    }

    public static Map<String, Object> deploymentStatus(int ready) {
        return Map.of(
                "replicas",
                1,
                "updatedReplicas",
                1,
                "readyReplicas",
                ready,
                "availableReplicas",
                ready,
                "observedGeneration",
                1);
    }

    private static GenericKubernetesResource object(String apiVersion, String kind, String namespace, String name) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(apiVersion);
        r.setKind(kind);
        r.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        return r;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
