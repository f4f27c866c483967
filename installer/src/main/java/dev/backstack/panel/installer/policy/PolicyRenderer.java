package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.policy.CelTemplate;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.model.policy.ResourceMatch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link PolicySelection} as the Kyverno object a cluster's Kyverno executes: a
 * {@code ValidatingPolicy} (Kyverno 1.17+) or a {@code ClusterPolicy} with CEL rules (1.11-1.16).
 * Both carry the same rendered CEL, which is also what the impact preview evaluates. Pure and
 * thread-safe.
 */
public final class PolicyRenderer {

    /** The label every policy the panel renders carries, with the catalog id as its value. */
    public static final String CATALOG_LABEL = "backstack.dev/policy-catalog";
    /** The label of a policy scoped to one namespace, with the namespace as its value. */
    public static final String SCOPE_LABEL = "backstack.dev/namespace";

    static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

    private PolicyRenderer() {}

    /** The selection's CEL, parameters filled in. */
    public static RenderedRules rules(PolicySelection s) {
        requireValid(s);
        Map<String, Object> values = s.values();
        List<CelVariable> variables = s.entry().variables().stream()
                .map(v -> new CelVariable(v.name(), CelTemplate.render(v.expression(), values)))
                .toList();
        List<CelValidation> validations = s.entry().validations().stream()
                .map(v -> new CelValidation(
                        CelTemplate.render(v.expression(), values), CelTemplate.renderMessage(v.message(), values)))
                .toList();
        return new RenderedRules(variables, validations);
    }

    /** The Kyverno object for the selection in the given generation. */
    public static GenericKubernetesResource render(PolicySelection s, KyvernoGeneration generation) {
        return switch (generation) {
            case VALIDATING_POLICY -> validatingPolicy(s, null);
            case CLUSTER_POLICY -> clusterPolicy(s, null);
        };
    }

    /**
     * The Kyverno object for the selection, matching only objects in {@code namespace}: named
     * {@code <namespace>-<id>} (policies are cluster-wide objects), labelled with the namespace,
     * and matched by a namespace selector (ValidatingPolicy) or a namespace list (ClusterPolicy).
     *
     * @throws IllegalArgumentException when the entry checks cluster-scoped kinds only
     */
    public static GenericKubernetesResource renderFor(
            PolicySelection s, KyvernoGeneration generation, String namespace) {
        if (!s.entry().namespaced()) {
            throw new IllegalArgumentException(s.entry().id() + " checks cluster-scoped kinds only ("
                    + String.join(
                            ", ",
                            s.entry().matches().stream()
                                    .map(ResourceMatch::kind)
                                    .distinct()
                                    .toList())
                    + "): it cannot be scoped to namespace " + namespace);
        }
        return switch (generation) {
            case VALIDATING_POLICY -> validatingPolicy(s, namespace);
            case CLUSTER_POLICY -> clusterPolicy(s, namespace);
        };
    }

    /** The name of a selection's policy scoped to a namespace. */
    public static String scopedName(String id, String namespace) {
        return namespace + "-" + id;
    }

    private static GenericKubernetesResource validatingPolicy(PolicySelection s, String namespace) {
        RenderedRules r = rules(s);
        Map<String, Object> constraints = new LinkedHashMap<>();
        constraints.put(
                "resourceRules",
                s.entry().matches().stream()
                        .map(m -> (Object) Manifests.map(
                                "apiGroups",
                                List.of(m.group()),
                                "apiVersions",
                                List.of(m.version()),
                                "operations",
                                List.of("CREATE", "UPDATE"),
                                "resources",
                                List.of(m.plural())))
                        .toList());
        if (namespace != null) {
            constraints.put(
                    "namespaceSelector", Manifests.map("matchLabels", Manifests.map(NAMESPACE_LABEL, namespace)));
        } else if (excludes(s)) {
            constraints.put(
                    "namespaceSelector",
                    Manifests.map(
                            "matchExpressions",
                            List.of(Manifests.map(
                                    "key", NAMESPACE_LABEL, "operator", "NotIn", "values", s.excludedNamespaces()))));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("validationActions", List.of(s.mode() == PolicyMode.ENFORCE ? "Deny" : "Audit"));
        spec.put("evaluation", Manifests.map("background", Manifests.map("enabled", true)));
        spec.put("matchConstraints", constraints);
        if (!r.variables().isEmpty()) {
            spec.put(
                    "variables",
                    r.variables().stream()
                            .map(v -> (Object) Manifests.map("name", v.name(), "expression", v.expression()))
                            .toList());
        }
        spec.put(
                "validations",
                r.validations().stream()
                        .map(v -> (Object) Manifests.map("expression", v.expression(), "message", v.message()))
                        .toList());
        return metadata(s, KyvernoGeneration.VALIDATING_POLICY, namespace)
                .spec(spec)
                .build();
    }

    private static GenericKubernetesResource clusterPolicy(PolicySelection s, String namespace) {
        RenderedRules r = rules(s);
        Map<String, Object> cel = new LinkedHashMap<>();
        if (!r.variables().isEmpty()) {
            cel.put(
                    "variables",
                    r.variables().stream()
                            .map(v -> (Object) Manifests.map("name", v.name(), "expression", v.expression()))
                            .toList());
        }
        cel.put(
                "expressions",
                r.validations().stream()
                        .map(v -> (Object) Manifests.map("expression", v.expression(), "message", v.message()))
                        .toList());
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", s.entry().id());
        Map<String, Object> resources = Manifests.map(
                "kinds",
                        s.entry().matches().stream()
                                .map(ResourceMatch::kyvernoKind)
                                .toList(),
                "operations", List.of("CREATE", "UPDATE"));
        if (namespace != null) {
            resources.put("namespaces", List.of(namespace));
        }
        rule.put("match", Manifests.map("any", List.of(Manifests.map("resources", resources))));
        if (namespace == null && excludes(s)) {
            rule.put(
                    "exclude",
                    Manifests.map(
                            "any",
                            List.of(Manifests.map("resources", Manifests.map("namespaces", s.excludedNamespaces())))));
        }
        rule.put("validate", Manifests.map("cel", cel));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("validationFailureAction", s.mode().title());
        spec.put("background", true);
        spec.put("rules", List.of(rule));
        return metadata(s, KyvernoGeneration.CLUSTER_POLICY, namespace)
                .spec(spec)
                .build();
    }

    private static Manifests metadata(PolicySelection s, KyvernoGeneration generation, String namespace) {
        PolicyEntry e = s.entry();
        Manifests m = Manifests.of(
                        generation.apiVersion(),
                        generation.kind(),
                        null,
                        namespace == null ? e.id() : scopedName(e.id(), namespace))
                .label("app.kubernetes.io/managed-by", "backstack-panel")
                .label(CATALOG_LABEL, e.id());
        if (namespace != null) {
            m.label(SCOPE_LABEL, namespace);
        }
        return m.annotation("policies.kyverno.io/title", e.title())
                .annotation("policies.kyverno.io/category", e.category().title())
                .annotation("policies.kyverno.io/severity", e.severity().label())
                .annotation(
                        "policies.kyverno.io/subject",
                        String.join(
                                ", ",
                                e.matches().stream()
                                        .map(ResourceMatch::kind)
                                        .distinct()
                                        .toList()))
                .annotation("policies.kyverno.io/description", e.description());
    }

    private static boolean excludes(PolicySelection s) {
        return !s.excludedNamespaces().isEmpty() && s.entry().namespaced();
    }

    private static void requireValid(PolicySelection s) {
        List<String> problems = new ArrayList<>(s.problems());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The rendered CEL of one selection. */
    public record RenderedRules(List<CelVariable> variables, List<CelValidation> validations) {}
}
