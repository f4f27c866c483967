package dev.backstack.panel.model;

import java.util.Objects;

/**
 * One policy result about one resource, as read from a report of either API group.
 *
 * @param group           the report's API group: {@code wgpolicyk8s.io} or {@code openreports.io}
 * @param reportNamespace the namespace of the report that holds it ({@code ""} for cluster reports)
 * @param message         the result's message, or {@code ""}
 */
public record ComplianceResult(String group, String reportNamespace, String policy, String rule, Verdict verdict,
        String message, ResourceRef resource) {

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
