package dev.backstack.panel.model.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of Kyverno policy a cluster's Kyverno executes. {@code ValidatingPolicy}
 * ({@code policies.kyverno.io/v1}) is GA from Kyverno 1.17; {@code ClusterPolicy} is deprecated
 * from 1.17 and no longer executed from 1.20 (its CRD stays until 1.21). Before 1.17 the panel
 * renders {@code ClusterPolicy} with CEL rules ({@code validate.cel}, available from 1.11).
 */
public enum KyvernoGeneration {
    VALIDATING_POLICY("policies.kyverno.io/v1", "ValidatingPolicy"),
    CLUSTER_POLICY("kyverno.io/v1", "ClusterPolicy");

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)");

    private final String apiVersion;
    private final String kind;

    KyvernoGeneration(String apiVersion, String kind) {
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return kind;
    }

    /** The generation to render for a Kyverno version such as {@code v1.19.0} or {@code 1.11.4}. */
    public static Optional<KyvernoGeneration> forVersion(String kyvernoVersion) {
        return minor(kyvernoVersion).map(m -> m >= 17 ? VALIDATING_POLICY : CLUSTER_POLICY);
    }

    /** Whether a Kyverno of this version still executes legacy {@code ClusterPolicy} objects. */
    public static boolean executesClusterPolicies(String kyvernoVersion) {
        return minor(kyvernoVersion).map(m -> m < 20).orElse(true);
    }

    private static Optional<Integer> minor(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(version.strip());
        if (!m.lookingAt() || !"1".equals(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(2)));
    }
}
