package dev.backstack.panel.installer.addon;

import java.util.LinkedHashMap;
import java.util.Map;

/** Helm values from an add-on's fixed values and its parameters' dotted paths. Pure. */
final class HelmValues {

    private HelmValues() {}

    /** A deep copy of {@code fixed} with each {@code a.b.c -> v} of {@code params} set at that path. */
    static Map<String, Object> merge(Map<String, Object> fixed, Map<String, Object> params) {
        Map<String, Object> out = deepCopy(fixed);
        params.forEach((path, value) -> put(out, path.split("\\."), value));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String[] keys, Object value) {
        Map<String, Object> m = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = m.get(keys[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                m.put(keys[i], next);
            }
            m = (Map<String, Object>) next;
        }
        m.put(keys[keys.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return out;
    }
}
