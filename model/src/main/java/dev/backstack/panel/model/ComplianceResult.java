package dev.backstack.panel.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One policy result about one resource, as read from a report of either API group.
 *
 * @param group           the report's API group: {@code wgpolicyk8s.io} or {@code openreports.io}
 * @param reportNamespace the namespace of the report that holds it ({@code ""} for cluster reports)
 * @param message         the result's message, or {@code ""}
 */
public record ComplianceResult(
        String group,
        String reportNamespace,
        String policy,
        String rule,
        Verdict verdict,
        String message,
        ResourceRef resource) {

    /**
     * Worst first: fail, then error, then warn (then pass and skip), each by the resource's
     * namespace, kind and name, then policy and rule.
     */
    public static final Comparator<ComplianceResult> WORST_FIRST = Comparator.comparingInt(
                    (ComplianceResult r) -> r.verdict().listingRank())
            .thenComparing(r -> r.resource().namespace())
            .thenComparing(r -> r.resource().kind())
            .thenComparing(r -> r.resource().name())
            .thenComparing(ComplianceResult::policy)
            .thenComparing(ComplianceResult::rule);

    public ComplianceResult {
        group = Objects.requireNonNullElse(group, "");
        reportNamespace = Objects.requireNonNullElse(reportNamespace, "");
        policy = Objects.requireNonNullElse(policy, "");
        rule = Objects.requireNonNullElse(rule, "");
        message = Objects.requireNonNullElse(message, "");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(resource, "resource");
    }
}
