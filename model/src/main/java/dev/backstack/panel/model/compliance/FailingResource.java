package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.ComplianceResult;
import dev.backstack.panel.model.Verdict;
import java.util.Comparator;

/**
 * A resource that a policy rule did not pass (fail, error or warn), with the message, for the
 * drill-down and the exports.
 *
 * @param group           the API group of the report it came from
 * @param reportNamespace the namespace of that report ({@code ""} for cluster reports)
 */
public record FailingResource(
        String cluster,
        String kind,
        String namespace,
        String name,
        String policy,
        String rule,
        Verdict result,
        String message,
        String group,
        String reportNamespace) {

    /** By cluster, namespace, kind, name, policy and rule. */
    public static final Comparator<FailingResource> ORDER = Comparator.comparing(FailingResource::cluster)
            .thenComparing(FailingResource::namespace)
            .thenComparing(FailingResource::kind)
            .thenComparing(FailingResource::name)
            .thenComparing(FailingResource::policy)
            .thenComparing(FailingResource::rule);

    /**
     * Worst first: fail, then error, then warn ({@link Verdict#listingRank()}), each in
     * {@link #ORDER}.
     */
    public static final Comparator<FailingResource> WORST_FIRST = Comparator.comparingInt(
                    (FailingResource f) -> f.result().listingRank())
            .thenComparing(ORDER);

    /** A counted result of {@code cluster}. */
    public static FailingResource of(String cluster, ComplianceResult r) {
        return new FailingResource(
                cluster,
                r.resource().kind(),
                r.resource().namespace(),
                r.resource().name(),
                r.policy(),
                r.rule(),
                r.verdict(),
                r.message(),
                r.group(),
                r.reportNamespace());
    }

    /** {@code Kind/name} ({@code name} alone when the kind is unknown, {@code (none)} when both are). */
    public String kindName() {
        if (kind.isEmpty() && name.isEmpty()) {
            return "(none)";
        }
        return kind.isEmpty() ? name : name.isEmpty() ? kind : kind + "/" + name;
    }

    /**
     * One line: {@code fail policy/rule: Kind/name in namespace [on cluster]: message}, the rule
     * left out when it is the policy's name, the message on one line and cut at 120 characters.
     */
    public String oneLine(boolean withCluster) {
        String text = message.indexOf('\n') < 0 && message.indexOf('\r') < 0
                ? message
                : message.replaceAll("\\s*\\R\\s*", " ");
        if (text.length() > 120) {
            text = text.substring(0, 119) + "\u2026";
        }
        return result.label() + " " + policy + (rule.isEmpty() || rule.equals(policy) ? "" : "/" + rule) + ": "
                + kindName() + (namespace.isEmpty() ? "" : " in " + namespace)
                + (withCluster ? " on " + cluster : "") + (text.isEmpty() ? "" : ": " + text);
    }

    /**
     * Everything about it on three lines, for a details pane: {@code fail: policy P, rule R},
     * {@code Kind/name in namespace N on cluster C (group)}, and the whole message.
     */
    public String detail() {
        return result.label() + ": policy " + policy + (rule.isEmpty() ? "" : ", rule " + rule) + "\n"
                + kindName() + (namespace.isEmpty() ? " (cluster-scoped)" : " in namespace " + namespace)
                + " on cluster " + cluster + (group.isEmpty() ? "" : " (" + group + ")") + "\n"
                + (message.isEmpty() ? "(no message)" : message);
    }

    /** {@code Kind namespace/name}. */
    public String resource() {
        return new dev.backstack.panel.model.ResourceRef(kind, namespace, name).display();
    }
}
