package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ComplianceResult;
import dev.backstack.panel.model.Verdict;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one policy stands about one resource: the worst verdict of its rules, with that rule and
 * its message. Pure.
 */
public record ResourceState(StateKey key, Verdict verdict, String rule, String message) {

    /** The state of every (policy, resource) of a cluster, from its counted results. */
    public static Map<StateKey, ResourceState> of(Cluster cluster) {
        Map<StateKey, ResourceState> out = new HashMap<>();
        for (ComplianceResult r : cluster.compliance().results()) {
            if (r.policy().isEmpty()) {
                continue;
            }
            StateKey key = new StateKey(cluster.id(), r.policy(), r.resource());
            ResourceState state = new ResourceState(key, r.verdict(), r.rule(), r.message());
            out.merge(key, state, (a, b) -> b.verdict().compareTo(a.verdict()) > 0 ? b : a);
        }
        return out;
    }
}
