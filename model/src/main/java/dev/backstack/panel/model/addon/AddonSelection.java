package dev.backstack.panel.model.addon;

import dev.backstack.panel.model.policy.ParamCheck;
import dev.backstack.panel.model.policy.PolicyParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An add-on as the user chose it: its parameter values and the spokes it goes to, either the
 * spokes whose Argo CD cluster secrets carry {@code selector}'s labels, or the spokes named in
 * {@code spokes} (then the selector is ignored). Pure and immutable.
 *
 * @param values   typed values by parameter name ({@code String}, {@code List<String>} or {@code Long})
 * @param selector labels of the spokes' cluster secrets; used when {@code spokes} is empty
 * @param spokes   cluster names (as Argo CD knows them); empty for "every spoke the selector matches"
 */
public record AddonSelection(
        AddonEntry entry, Map<String, Object> values, Map<String, String> selector, List<String> spokes) {

    /** The label the reference hub puts on its spokes' cluster secrets. */
    public static final Map<String, String> DEFAULT_SELECTOR = Map.of("clusterType", "spoke");

    public AddonSelection {
        Objects.requireNonNull(entry, "entry");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        selector = Collections.unmodifiableMap(new LinkedHashMap<>(selector));
        spokes = List.copyOf(spokes);
    }

    /** The entry with its defaults, for the spokes labelled {@code clusterType: spoke}. */
    public static AddonSelection ofDefaults(AddonEntry entry) {
        return new AddonSelection(entry, entry.defaults(), DEFAULT_SELECTOR, List.of());
    }

    public AddonSelection withValue(String name, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(name, value);
        return new AddonSelection(entry, v, selector, spokes);
    }

    /**
     * Sets a parameter from the text the user typed, read by the parameter's own
     * {@link PolicyParameter#parse}.
     *
     * @throws IllegalArgumentException naming the parameter when the entry has no such parameter
     *                                  or the text is not a valid value
     */
    public AddonSelection withText(String name, String text) {
        PolicyParameter p = entry.parameter(name)
                .orElseThrow(() -> new IllegalArgumentException(entry.id() + " has no parameter " + name + " (it has "
                        + entry.parameters().stream().map(PolicyParameter::name).toList() + ")"));
        ParamCheck check = p.parse(text);
        if (!check.valid()) {
            throw new IllegalArgumentException(entry.id() + ": " + check.error());
        }
        return withValue(name, check.value());
    }

    public AddonSelection withSelector(Map<String, String> labels) {
        return new AddonSelection(entry, values, labels, List.of());
    }

    public AddonSelection withSpokes(List<String> names) {
        return new AddonSelection(entry, values, selector, names);
    }

    /** Every problem with the values and targets, one line each; empty when the selection can be rendered. */
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
        values.keySet().stream()
                .filter(k -> entry.parameter(k).isEmpty())
                .forEach(k -> out.add(entry.id() + ": unknown parameter " + k));
        if (spokes.isEmpty() && selector.isEmpty()) {
            out.add(entry.id() + ": choose spokes by label or by name");
        }
        selector.forEach((k, v) -> {
            if (k.isBlank() || v == null || !v.matches("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?")) {
                out.add(entry.id() + ": selector " + k + "=" + v + " is not a label");
            }
        });
        spokes.stream().filter(s -> s.isBlank()).findFirst().ifPresent(s -> out.add(entry.id() + ": empty spoke name"));
        return out;
    }
}
