package dev.backstack.panel.model.namespace;

import dev.backstack.panel.model.policy.PolicyMode;
import java.util.Objects;

/** A guardrail from the policy catalog the team's namespace must pass, with its mode. */
public record TeamPolicy(String id, PolicyMode mode) {

    public TeamPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
    }
}
