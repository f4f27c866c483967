package dev.backstack.panel.installer.plan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a live object already holds every field the panel would apply: the test behind
 * "already satisfied", so a re-run of a finished plan writes nothing. Fields the panel does not
 * set (status, defaults, other managers' fields) are ignored. Stateless.
 */
final class Subset {

    private static final List<String> IGNORED_METADATA =
            List.of("resourceVersion", "uid", "generation", "creationTimestamp", "managedFields");

    private Subset() {}

    /** True when every field of {@code desired} (a map of an object) is in {@code live} with the same value. */
    static boolean contains(Map<?, ?> live, Map<?, ?> desired) {
        for (Map.Entry<?, ?> e : desired.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("status") || key.equals("apiVersion")) {
                continue;
            }
            if (key.equals("stringData") && e.getValue() instanceof Map<?, ?> plain) {
                // The API server stores stringData as base64 data; a simpler server may keep it as given.
                if (!stringDataMatches(live.get("data"), plain) && !matches(live.get("stringData"), plain)) {
                    return false;
                }
                continue;
            }
            Object want = e.getValue();
            if (key.equals("metadata") && want instanceof Map<?, ?> m) {
                want = withoutKeys(m);
            }
            if (!matches(live.get(key), want)) {
                return false;
            }
        }
        return true;
    }

    private static Map<?, ?> withoutKeys(Map<?, ?> metadata) {
        Map<Object, Object> copy = new java.util.LinkedHashMap<>(metadata);
        IGNORED_METADATA.forEach(copy::remove);
        return copy;
    }

    private static boolean matches(Object live, Object want) {
        if (want == null) {
            return true;
        }
        if (want instanceof Map<?, ?> w) {
            return live instanceof Map<?, ?> l && contains(l, w);
        }
        if (want instanceof List<?> w) {
            if (!(live instanceof List<?> l) || l.size() != w.size()) {
                return false;
            }
            for (int i = 0; i < w.size(); i++) {
                if (!matches(l.get(i), w.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (want instanceof Number n && live instanceof Number m) {
            return n.doubleValue() == m.doubleValue();
        }
        return live != null && Objects.equals(String.valueOf(live), String.valueOf(want));
    }

    private static boolean stringDataMatches(Object liveData, Map<?, ?> plain) {
        if (!(liveData instanceof Map<?, ?> data)) {
            return plain.isEmpty();
        }
        for (Map.Entry<?, ?> e : plain.entrySet()) {
            String encoded = Base64.getEncoder()
                    .encodeToString(String.valueOf(e.getValue()).getBytes(StandardCharsets.UTF_8));
            if (!encoded.equals(data.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
