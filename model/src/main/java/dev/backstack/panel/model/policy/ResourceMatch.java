package dev.backstack.panel.model.policy;

import java.util.Objects;

/**
 * A kind a policy applies to: what a ValidatingPolicy's {@code matchConstraints.resourceRules}
 * names (group, version, plural) and what a ClusterPolicy's {@code match.resources.kinds} names.
 *
 * @param group      empty for the core group
 * @param namespaced whether objects of the kind live in namespaces (exclusions apply only then)
 */
public record ResourceMatch(String group, String version, String kind, String plural, boolean namespaced) {

    public ResourceMatch {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
    }

    /** {@code v1} or {@code group/version}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The kind as a ClusterPolicy names it: {@code Pod}, or {@code group/version/Kind}. */
    public String kyvernoKind() {
        return group.isEmpty() ? kind : group + "/" + version + "/" + kind;
    }
}
