package dev.backstack.panel.app.it.policy;

import dev.backstack.panel.model.policy.ResourceMatch;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TruthPolicy} as a ValidatingAdmissionPolicy ({@code failurePolicy: Fail}, on CREATE
 * and UPDATE of its kinds, namespaces excluded through {@code kubernetes.io/metadata.name}) and a
 * binding with {@code validationActions: [Deny]}, both named {@code truth-<name>}.
 */
final class PolicyObjects {

    private PolicyObjects() {}

    static Map<String, Object> policy(TruthPolicy p) {
        Map<String, Object> constraints = new LinkedHashMap<>();
        constraints.put(
                "resourceRules", p.matches().stream().map(PolicyObjects::rule).toList());
        if (!p.excludedNamespaces().isEmpty()) {
            constraints.put(
                    "namespaceSelector",
                    Map.of(
                            "matchExpressions",
                            List.of(Map.of(
                                    "key",
                                    "kubernetes.io/metadata.name",
                                    "operator",
                                    "NotIn",
                                    "values",
                                    p.excludedNamespaces()))));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("failurePolicy", "Fail");
        spec.put("matchConstraints", constraints);
        spec.put(
                "variables",
                p.variables().stream()
                        .map(v -> Map.of("name", v.name(), "expression", v.expression()))
                        .toList());
        spec.put(
                "validations",
                p.validations().stream()
                        .map(v -> v.message() == null || v.message().isBlank()
                                ? Map.of("expression", v.expression())
                                : Map.of("expression", v.expression(), "message", v.message()))
                        .toList());
        return Map.of(
                "apiVersion",
                "admissionregistration.k8s.io/v1",
                "kind",
                "ValidatingAdmissionPolicy",
                "metadata",
                Map.of("name", p.objectName()),
                "spec",
                spec);
    }

    static Map<String, Object> binding(TruthPolicy p) {
        return Map.of(
                "apiVersion",
                "admissionregistration.k8s.io/v1",
                "kind",
                "ValidatingAdmissionPolicyBinding",
                "metadata",
                Map.of("name", p.objectName()),
                "spec",
                Map.of("policyName", p.objectName(), "validationActions", List.of("Deny")));
    }

    private static Map<String, Object> rule(ResourceMatch m) {
        return Map.of(
                "apiGroups",
                List.of(m.group()),
                "apiVersions",
                List.of(m.version()),
                "operations",
                List.of("CREATE", "UPDATE"),
                "resources",
                List.of(m.plural()));
    }

    static void install(KubernetesClient client, TruthPolicy p) {
        var serialization = client.getKubernetesSerialization();
        var api = client.admissionRegistration().v1();
        api.validatingAdmissionPolicies()
                .resource(serialization.convertValue(policy(p), ValidatingAdmissionPolicy.class))
                .forceConflicts()
                .serverSideApply();
        api.validatingAdmissionPolicyBindings()
                .resource(serialization.convertValue(binding(p), ValidatingAdmissionPolicyBinding.class))
                .forceConflicts()
                .serverSideApply();
    }

    static void uninstall(KubernetesClient client, TruthPolicy p) {
        var api = client.admissionRegistration().v1();
        api.validatingAdmissionPolicyBindings().withName(p.objectName()).delete();
        api.validatingAdmissionPolicies().withName(p.objectName()).delete();
    }

    /** Whether the server has type-checked the policy (its status says so). */
    static boolean typeChecked(KubernetesClient client, TruthPolicy p) {
        ValidatingAdmissionPolicy vap = client.admissionRegistration()
                .v1()
                .validatingAdmissionPolicies()
                .withName(p.objectName())
                .get();
        return vap != null && vap.getStatus() != null && vap.getStatus().getTypeChecking() != null;
    }
}
