package dev.backstack.panel.model.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entry as the user chose it: its parameter values, its mode, and the namespaces it
 * leaves alone.
 *
 * @param values typed values for every parameter of the entry
 */
public record PolicySelection(
        PolicyEntry entry, Map<String, Object> values, PolicyMode mode, List<String> excludedNamespaces) {

    public PolicySelection {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(mode, "mode");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        excludedNamespaces = List.copyOf(excludedNamespaces);
    }

    /** The entry with its defaults and default mode, excluding the given namespaces. */
    public static PolicySelection ofDefaults(PolicyEntry entry, List<String> excludedNamespaces) {
        return new PolicySelection(entry, entry.defaults(), entry.defaultMode(), excludedNamespaces);
    }

    public PolicySelection withMode(PolicyMode newMode) {
        return new PolicySelection(entry, values, newMode, excludedNamespaces);
    }

    public PolicySelection withValue(String name, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(name, value);
        return new PolicySelection(entry, v, mode, excludedNamespaces);
    }

    /** Every problem with the values, one line each; empty when the selection can be rendered. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (PolicyParameter p : entry.parameters()) {
            Object v = values.get(p.name());
            if (v == null) {
                out.add(entry.id() + ": " + p.title() + ": required");
            } else {
                p.check(v).problem().ifPresent(e -> out.add(entry.id() + ": " + e));
            }
        }
        for (String ns : excludedNamespaces) {
            if (!ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || ns.length() > 63) {
                out.add(entry.id() + ": excluded namespace \"" + ns + "\" is not a namespace name");
            }
        }
        return out;
    }
}
