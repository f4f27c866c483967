package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.condition;
import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CRDs the simulated install target gains as charts and Crossplane packages are installed:
 * which kinds each chart and provider brings (as {@link KindRegistry} knows them), and minimal,
 * schema-less CRDs for them that are already Established.
 */
final class DemoCrds {

    /** The API groups whose kinds each chart's {@code crds/} folder brings. */
    private static final Map<String, Set<String>> CHART_GROUPS = Map.of(
            "crossplane", Set.of("pkg.crossplane.io", "apiextensions.crossplane.io"),
            "argo-cd", Set.of("argoproj.io"),
            "kyverno", Set.of("kyverno.io", "policies.kyverno.io", "wgpolicyk8s.io", "openreports.io"),
            "cert-manager", Set.of("cert-manager.io"),
            "gateway-helm", Set.of("gateway.networking.k8s.io"));

    private DemoCrds() {}

    /** The kinds a chart's CRDs serve; none for charts without CRDs (Backstage, Vault, ...). */
    static List<KindInfo> ofChart(String chart) {
        return inGroups(CHART_GROUPS.getOrDefault(chart, Set.of()));
    }

    /** The kinds a Crossplane provider serves once healthy, from its package or object name. */
    static List<KindInfo> ofProvider(String packageOrName) {
        String p = packageOrName.toLowerCase(Locale.ROOT);
        if (p.contains("provider-helm")) {
            return inGroups(Set.of("helm.crossplane.io"));
        }
        if (p.contains("provider-kubernetes")) {
            return inGroups(Set.of("kubernetes.crossplane.io"));
        }
        if (p.contains("provider-family-aws")) {
            return inGroups(Set.of("aws.upbound.io"));
        }
        if (p.contains("provider-family-azure")) {
            return inGroups(Set.of("azure.upbound.io"));
        }
        return List.of();
    }

    private static List<KindInfo> inGroups(Set<String> groups) {
        return KindRegistry.standard().all().stream()
                .filter(k -> !k.builtIn() && groups.contains(k.group()))
                .toList();
    }

    /** Creates the CRDs of the kinds that are missing; how many it created. */
    static int ensure(DemoWriter w, List<KindInfo> kinds) {
        int created = 0;
        for (KindInfo k : kinds) {
            created += w.createIfAbsent(crd(k)) ? 1 : 0;
        }
        return created;
    }

    static GenericKubernetesResource crd(KindInfo k) {
        return crd(k.group(), k.version(), k.kind(), k.plural(), k.namespaced());
    }

    /** A schema-less CRD with a status subresource, Established as the API server would report it. */
    static GenericKubernetesResource crd(String group, String version, String kind, String plural, boolean namespaced) {
        return Manifests.of("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, plural + "." + group)
                .label("backstack.dev/simulated", "true")
                .spec(map(
                        "group",
                        group,
                        "scope",
                        namespaced ? "Namespaced" : "Cluster",
                        "names",
                        map(
                                "kind",
                                kind,
                                "plural",
                                plural,
                                "singular",
                                kind.toLowerCase(Locale.ROOT),
                                "listKind",
                                kind + "List"),
                        "versions",
                        list(map(
                                "name",
                                version,
                                "served",
                                true,
                                "storage",
                                true,
                                "subresources",
                                map("status", map()),
                                "schema",
                                map(
                                        "openAPIV3Schema",
                                        map("type", "object", "x-kubernetes-preserve-unknown-fields", true))))))
                .status(map(
                        "acceptedNames",
                        map("kind", kind, "plural", plural),
                        "storedVersions",
                        list(version),
                        "conditions",
                        list(
                                condition("NamesAccepted", "True", "NoConflicts", "no conflicts found"),
                                condition(
                                        "Established",
                                        "True",
                                        "InitialNamesAccepted",
                                        "the initial names have been accepted"))))
                .build();
    }
}
