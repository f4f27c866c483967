package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.plan.PlanTarget;
import java.util.List;
import java.util.Optional;

/**
 * The kubeconfig contexts an existing cluster can be registered from. The client a context opens
 * is used only to create the ServiceAccount; its credentials never leave the panel.
 */
public interface SpokeContexts {

    /** Usable contexts, by name. */
    List<String> names();

    /** A plan target for the context, or empty when it cannot be opened (the reason is the caller's to show). */
    Optional<PlanTarget> open(String context);

    /** No contexts (the demo, or no kubeconfig). */
    static SpokeContexts none() {
        return new SpokeContexts() {
            @Override
            public List<String> names() {
                return List.of();
            }

            @Override
            public Optional<PlanTarget> open(String context) {
                return Optional.empty();
            }
        };
    }
}
