package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which changes between two states of a cluster's results are transitions worth keeping: a
 * (cluster, policy, resource) whose verdict changed with fail or error on either side, such as
 * pass to fail, fail to pass, fail to error, a new result that fails, or a failing result that is
 * gone. Changes among pass, warn and skip (and new passing results) are not kept. Pure.
 */
public final class ComplianceDiff {

    private static final Comparator<Transition> ORDER = Comparator.comparing(Transition::cluster)
            .thenComparing(Transition::policy)
            .thenComparing(t -> t.resource().display());

    private ComplianceDiff() {}

    public static List<Transition> transitions(
            Map<StateKey, ResourceState> before, Map<StateKey, ResourceState> after, long atMillis) {
        Set<StateKey> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Transition> out = new ArrayList<>();
        for (StateKey key : keys) {
            Optional<ResourceState> was = Optional.ofNullable(before.get(key));
            Optional<ResourceState> now = Optional.ofNullable(after.get(key));
            Optional<Verdict> from = was.map(ResourceState::verdict);
            Optional<Verdict> to = now.map(ResourceState::verdict);
            if (from.equals(to)
                    || !(from.map(Verdict::failing).orElse(false)
                            || to.map(Verdict::failing).orElse(false))) {
                continue;
            }
            ResourceState worse = from.orElse(Verdict.SKIP).compareTo(to.orElse(Verdict.SKIP)) > 0
                    ? was.orElseThrow()
                    : now.orElseThrow();
            String message = now.or(() -> was).map(ResourceState::message).orElse("");
            out.add(new Transition(
                    atMillis, key.cluster(), key.policy(), key.resource(), worse.rule(), from, to, message));
        }
        out.sort(ORDER);
        return out;
    }
}
