package dev.backstack.panel.installer.policy;

import dev.backstack.panel.model.policy.KyvernoGeneration;
import java.util.List;
import java.util.Optional;

/**
 * What the policy wizard learned about one cluster before rendering for it.
 *
 * @param kyvernoVersion the Kyverno it runs, when found
 * @param legacy         its ClusterPolicies that Kyverno no longer executes
 * @param problem        why the cluster cannot take policies (no connection, no Kyverno), or null
 */
public record ClusterFacts(
        String cluster, Optional<String> kyvernoVersion, List<LegacyPolicies.Legacy> legacy, String problem) {

    public ClusterFacts {
        legacy = List.copyOf(legacy);
    }

    /** The generation to render for this cluster's Kyverno. */
    public Optional<KyvernoGeneration> generation() {
        return kyvernoVersion.flatMap(KyvernoGeneration::forVersion);
    }

    /** {@code Kyverno v1.20.0: ValidatingPolicy}, or the problem. */
    public String summary() {
        if (problem != null) {
            return problem;
        }
        String kind = generation().map(KyvernoGeneration::kind).orElse("unknown policy kind");
        return "Kyverno " + kyvernoVersion.orElse("?") + ": " + kind
                + (legacy.isEmpty() ? "" : "; " + legacy.size() + " legacy ClusterPolicies not enforced");
    }
}
