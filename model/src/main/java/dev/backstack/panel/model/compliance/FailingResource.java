package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.Verdict;
import java.util.Comparator;

/**
 * A resource that a policy rule did not pass (fail, error or warn), with the message, for the
 * drill-down and the exports.
 *
 * @param group           the API group of the report it came from
 * @param reportNamespace the namespace of that report ({@code ""} for cluster reports)
 */
public record FailingResource(String cluster, String kind, String namespace, String name, String policy,
        String rule, Verdict result, String message, String group, String reportNamespace) {

    /** By cluster, namespace, kind, name, policy and rule. */
    public static final Comparator<FailingResource> ORDER = Comparator.comparing(FailingResource::cluster)
            .thenComparing(FailingResource::namespace).thenComparing(FailingResource::kind)
            .thenComparing(FailingResource::name).thenComparing(FailingResource::policy)
            .thenComparing(FailingResource::rule);

    /** {@code Kind namespace/name}. */
    public String resource() {
        return new dev.backstack.panel.model.ResourceRef(kind, namespace, name).display();
    }
}
