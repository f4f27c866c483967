package dev.backstack.panel.installer.policy;

import dev.backstack.panel.model.policy.ParamCheck;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyParameter;
import dev.backstack.panel.model.policy.PolicySelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds selections from what a person typed (catalog ids, modes, {@code id.parameter=text}
 * values, excluded namespaces), reporting every problem at once. Pure.
 */
public final class Selections {

    /** Namespaces left alone unless the user says otherwise: the cluster's own and the policy engine's. */
    public static final List<String> DEFAULT_EXCLUDED =
            List.of("kube-system", "kube-public", "kube-node-lease", "kyverno");

    private Selections() {}

    /** @throws IllegalArgumentException listing every unknown id, bad mode or invalid value */
    public static List<PolicySelection> of(
            PolicyCatalog catalog,
            List<String> ids,
            Map<String, String> modes,
            Map<String, String> values,
            List<String> excluded) {
        List<String> problems = new ArrayList<>();
        List<PolicySelection> out = new ArrayList<>();
        for (String id : ids) {
            Optional<PolicyEntry> e = catalog.entry(id);
            if (e.isEmpty()) {
                problems.add("no policy " + id + " in the catalog (policies list shows them)");
                continue;
            }
            PolicySelection s = PolicySelection.ofDefaults(e.get(), excluded);
            String mode = modes.get(id);
            if (mode != null) {
                try {
                    s = s.withMode(PolicyMode.valueOf(mode.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException bad) {
                    problems.add(id + ": mode must be audit or enforce, not " + mode);
                }
            }
            for (PolicyParameter p : e.get().parameters()) {
                String text = values.get(id + "." + p.name());
                if (text != null) {
                    ParamCheck c = p.parse(text);
                    if (c.valid()) {
                        s = s.withValue(p.name(), c.value());
                    } else {
                        problems.add(id + ": " + c.error());
                    }
                }
            }
            problems.addAll(s.problems());
            out.add(s);
        }
        values.keySet().stream()
                .filter(k -> ids.stream()
                        .noneMatch(id -> k.startsWith(id + ".")
                                && catalog.entry(id)
                                        .flatMap(e -> e.parameter(k.substring(id.length() + 1)))
                                        .isPresent()))
                .forEach(k -> problems.add("--set " + k + ": no such policy parameter"));
        modes.keySet().stream()
                .filter(k -> !ids.contains(k))
                .forEach(k -> problems.add("--mode " + k + ": that policy is not chosen"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return out;
    }
}
