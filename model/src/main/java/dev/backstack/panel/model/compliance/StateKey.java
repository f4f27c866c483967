package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.ResourceRef;

/** What the history follows: one policy about one resource on one cluster. */
public record StateKey(String cluster, String policy, ResourceRef resource) {}
