package dev.backstack.panel.model;

/**
 * A Kyverno policy and its readiness.
 *
 * @param namespace empty for a ClusterPolicy
 * @param mode      {@code Audit} or {@code Enforce} (the policy's failure action)
 */
public record PolicyStatus(String namespace, String name, String mode, Assessment assessment) {}
