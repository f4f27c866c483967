package dev.backstack.panel.installer.policy.cel;

import java.util.Objects;

/**
 * What a policy would do to one existing object if it were created again now. Immutable.
 *
 * @param namespace empty for a cluster-scoped object
 */
public record ObjectImpact(String apiVersion, String kind, String namespace, String name, CelVerdict verdict) {

    public ObjectImpact {
        Objects.requireNonNull(verdict, "verdict");
        namespace = namespace == null ? "" : namespace;
    }

    /** Whether the API server would refuse it (failure policy Fail: a false or failing validation). */
    public boolean blocked() {
        return verdict.denied();
    }

    /** The message the API server would give (its first violation), or empty when admitted. */
    public String message() {
        return verdict.firstViolation().map(CelViolation::admissionText).orElse("");
    }

    /** {@code Kind/name}, as the preview lists it. */
    public String label() {
        return kind + "/" + name;
    }
}
