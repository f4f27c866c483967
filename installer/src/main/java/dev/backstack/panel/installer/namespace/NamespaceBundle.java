package dev.backstack.panel.installer.namespace;

import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered namespace: the Namespace, its guardrails (quota, limit range, role binding, network
 * policy) and the team's scoped policies, with the selections they came from (same order).
 * Immutable once built.
 */
public record NamespaceBundle(
        GenericKubernetesResource namespace,
        List<GenericKubernetesResource> guardrails,
        List<GenericKubernetesResource> policies,
        List<PolicySelection> selections) {

    public NamespaceBundle {
        guardrails = List.copyOf(guardrails);
        policies = List.copyOf(policies);
        selections = List.copyOf(selections);
    }

    /** Every object in apply order. */
    public List<GenericKubernetesResource> objects() {
        List<GenericKubernetesResource> out = new ArrayList<>();
        out.add(namespace);
        out.addAll(guardrails);
        out.addAll(policies);
        return out;
    }

    /** The bundle as one multi-document YAML stream, as {@code namespace render} prints it. */
    public String yaml() {
        StringBuilder b = new StringBuilder();
        objects().forEach(o -> b.append(Serialization.asYaml(o)));
        return b.toString();
    }
}
