package dev.backstack.panel.installer.namespace;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.policy.PolicyRenderer;
import dev.backstack.panel.model.namespace.ContainerDefaults;
import dev.backstack.panel.model.namespace.NamespaceQuota;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.Quantity;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link NamespaceRequest} as its objects: the Namespace (labelled with the team and
 * the panel as its manager), a ResourceQuota, a LimitRange, a RoleBinding of the team's group to
 * the ClusterRole {@code edit}, a default-deny ingress NetworkPolicy (when isolated) and the
 * team's policies, each scoped to the namespace by {@link PolicyRenderer#renderFor}. Pure and
 * thread-safe.
 */
public final class NamespaceRenderer {

    /** The label carrying the team's group on the namespace and every object of the bundle. */
    public static final String TEAM_LABEL = "backstack.dev/team";

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String PANEL = "backstack-panel";
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private NamespaceRenderer() {}

    /** Every object of the bundle, in apply order: namespace, its guardrails, then the policies. */
    public static NamespaceBundle render(
            NamespaceRequest r, List<PolicySelection> policies, KyvernoGeneration generation) {
        requireValid(r);
        List<GenericKubernetesResource> guardrails =
                new java.util.ArrayList<>(List.of(resourceQuota(r), limitRange(r), roleBinding(r)));
        if (r.isolate()) {
            guardrails.add(networkPolicy(r));
        }
        List<GenericKubernetesResource> scoped = policies.stream()
                .map(s -> PolicyRenderer.renderFor(s, generation, r.name()))
                .toList();
        return new NamespaceBundle(namespace(r), guardrails, scoped, policies);
    }

    static GenericKubernetesResource namespace(NamespaceRequest r) {
        return base("v1", "Namespace", null, r.name(), r).build();
    }

    static GenericKubernetesResource resourceQuota(NamespaceRequest r) {
        NamespaceQuota q = r.quota();
        return base("v1", "ResourceQuota", r.name(), "team-quota", r)
                .spec(Manifests.map(
                        "hard",
                        Manifests.map(
                                "requests.cpu",
                                canonical(q.cpu()),
                                "requests.memory",
                                canonical(q.memory()),
                                "limits.cpu",
                                canonical(q.cpu()),
                                "limits.memory",
                                canonical(q.memory()),
                                "pods",
                                canonical(q.pods()))))
                .build();
    }

    static GenericKubernetesResource limitRange(NamespaceRequest r) {
        ContainerDefaults d = r.defaults();
        return base("v1", "LimitRange", r.name(), "container-defaults", r)
                .spec(Manifests.map(
                        "limits",
                        List.of(Manifests.map(
                                "type",
                                "Container",
                                "default",
                                Manifests.map("cpu", canonical(d.limitCpu()), "memory", canonical(d.limitMemory())),
                                "defaultRequest",
                                Manifests.map(
                                        "cpu", canonical(d.requestCpu()), "memory", canonical(d.requestMemory()))))))
                .build();
    }

    static GenericKubernetesResource roleBinding(NamespaceRequest r) {
        return base("rbac.authorization.k8s.io/v1", "RoleBinding", r.name(), "team-edit", r)
                .set(
                        "roleRef",
                        Manifests.map("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "edit"))
                .set(
                        "subjects",
                        List.of(Manifests.map(
                                "apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", r.team())))
                .build();
    }

    static GenericKubernetesResource networkPolicy(NamespaceRequest r) {
        return base("networking.k8s.io/v1", "NetworkPolicy", r.name(), "default-deny-ingress", r)
                .spec(Manifests.map(
                        "podSelector",
                        Map.of(),
                        "policyTypes",
                        List.of("Ingress"),
                        "ingress",
                        List.of(Manifests.map(
                                "from",
                                List.of(
                                        Manifests.map("podSelector", Map.of()),
                                        Manifests.map(
                                                "namespaceSelector",
                                                Manifests.map(
                                                        "matchLabels",
                                                        Manifests.map(NAMESPACE_NAME, r.ingressNamespace()))))))))
                .build();
    }

    /** As the API server stores it, so a re-run finds the object unchanged ({@code 0.5} is {@code 500m}). */
    private static String canonical(String quantity) {
        return Quantity.parse(quantity).canonical();
    }

    private static Manifests base(String apiVersion, String kind, String namespace, String name, NamespaceRequest r) {
        return Manifests.of(apiVersion, kind, namespace, name)
                .label(MANAGED_BY, PANEL)
                .label(TEAM_LABEL, r.team());
    }

    private static void requireValid(NamespaceRequest r) {
        List<String> problems = r.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
