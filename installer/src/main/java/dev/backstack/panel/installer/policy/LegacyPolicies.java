package dev.backstack.panel.installer.policy;

import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a cluster's {@code ClusterPolicy} objects that its Kyverno no longer executes (1.20 and
 * later keep the CRD but ignore the objects), and offers the catalog's {@code ValidatingPolicy}
 * that replaces each one where the panel knows it: policies the panel rendered itself (by their
 * catalog label) and the reference implementation's guardrails (by name). Pure.
 */
public final class LegacyPolicies {

    /** The reference's policy names (backstack-showcase kyverno/policies) and the catalog entry that replaces each. */
    static final Map<String, String> REFERENCE = Map.ofEntries(
            Map.entry("limit-node-count-policy", "limit-cluster-node-count"),
            Map.entry("restrict-node-size-policy", "restrict-cluster-node-size"),
            Map.entry("validate-cluster-name-policy", "validate-cluster-name"),
            Map.entry("disallow-capabilities", "disallow-capabilities"),
            Map.entry("disallow-host-namespaces", "disallow-host-namespaces"),
            Map.entry("disallow-host-path", "disallow-host-path"),
            Map.entry("disallow-privileged-containers", "disallow-privileged-containers"),
            Map.entry("require-run-as-nonroot", "require-run-as-non-root"),
            Map.entry("require-requests-limits", "require-requests-limits"),
            Map.entry("require-pod-probes", "require-probes"),
            Map.entry("require-ro-rootfs", "require-read-only-root-filesystem"),
            Map.entry("restrict-seccomp", "restrict-seccomp"),
            Map.entry("restrict-image-registries", "restrict-image-registries"));

    private LegacyPolicies() {}

    /**
     * One legacy policy that is not executed.
     *
     * @param replacement the converted policy to preview and apply, when the panel knows one
     */
    public record Legacy(
            String name, String mode, Optional<PolicyEntry> entry, Optional<GenericKubernetesResource> replacement) {

        public String message(String kyvernoVersion) {
            return "not enforced: legacy ClusterPolicy " + name + " on Kyverno " + kyvernoVersion
                    + (replacement.isPresent()
                            ? "; converted ValidatingPolicy "
                                    + entry.orElseThrow().id() + " offered"
                            : "; no automatic conversion: rewrite it as a ValidatingPolicy");
        }
    }

    /** The cluster's ClusterPolicies its Kyverno ignores; empty when that Kyverno still runs them. */
    public static List<Legacy> find(List<KubeObject> clusterPolicies, String kyvernoVersion, PolicyCatalog catalog) {
        if (kyvernoVersion == null || KyvernoGeneration.executesClusterPolicies(kyvernoVersion)) {
            return List.of();
        }
        List<Legacy> out = new ArrayList<>();
        for (KubeObject p : clusterPolicies) {
            if (!"ClusterPolicy".equals(p.kind())) {
                continue;
            }
            String mode = modeOf(p);
            Optional<PolicyEntry> entry = catalogId(p).flatMap(catalog::entry);
            Optional<GenericKubernetesResource> replacement = entry.map(e -> PolicyRenderer.render(
                    PolicySelection.ofDefaults(e, List.of())
                            .withMode(PolicyMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT))),
                    KyvernoGeneration.VALIDATING_POLICY));
            out.add(new Legacy(p.name(), mode, entry, replacement));
        }
        return out;
    }

    private static Optional<String> catalogId(KubeObject p) {
        String label = p.labels().get(PolicyRenderer.CATALOG_LABEL);
        return Optional.ofNullable(label != null ? label : REFERENCE.get(p.name()));
    }

    private static String modeOf(KubeObject p) {
        String action = Fields.str(p.spec(), "validationFailureAction");
        return action != null && action.equalsIgnoreCase("enforce") ? "Enforce" : "Audit";
    }
}
