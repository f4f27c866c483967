package dev.backstack.panel.installer.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stamps a simulated status's conditions as a controller does: a condition keeps its
 * {@code lastTransitionTime} while its status stays the same, and gets the current time when it
 * appears or its status changes. Without it every simulated condition claimed the same fixed time,
 * and the lineage view showed a spoke requested a minute ago as changed days before.
 */
final class Transitions {

    private Transitions() {}

    /** {@code next} with its top-level conditions stamped against {@code previous} (either may be null). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> stamp(Object previous, Map<String, Object> next, Instant now) {
        if (next == null || !(next.get("conditions") instanceof List<?> conditions)) {
            return next;
        }
        Map<String, Map<?, ?>> before = new LinkedHashMap<>();
        if (previous instanceof Map<?, ?> p && p.get("conditions") instanceof List<?> old) {
            for (Object o : old) {
                if (o instanceof Map<?, ?> c) {
                    before.put(String.valueOf(c.get("type")), c);
                }
            }
        }
        List<Object> stamped = new ArrayList<>();
        for (Object o : conditions) {
            if (!(o instanceof Map<?, ?> c) || !c.containsKey("lastTransitionTime")) {
                stamped.add(o);
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) c);
            Map<?, ?> was = before.get(String.valueOf(c.get("type")));
            copy.put(
                    "lastTransitionTime",
                    was != null
                                    && Objects.equals(was.get("status"), c.get("status"))
                                    && was.get("lastTransitionTime") != null
                            ? was.get("lastTransitionTime")
                            : now.toString());
            stamped.add(copy);
        }
        Map<String, Object> out = new LinkedHashMap<>(next);
        out.put("conditions", stamped);
        return out;
    }
}
