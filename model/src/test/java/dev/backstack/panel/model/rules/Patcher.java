package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of Crossplane's patch-and-transform for the tests: {@code FromCompositeFieldPath}
 * patches (the default type) with {@code string} {@code Format} transforms, written to field paths
 * such as {@code spec.forProvider.values.server.ingress.hosts[0]}. Patch sets are skipped.
 */
final class Patcher {

    private Patcher() {}

    static void apply(Map<String, Object> object, List<?> patches, Map<String, Object> composite) {
        for (Object p : patches) {
            Map<?, ?> patch = (Map<?, ?>) p;
            String type = Fields.str(patch, "type");
            if (type != null && !"FromCompositeFieldPath".equals(type)) {
                continue;
            }
            Object value =
                    Fields.get(composite, Fields.str(patch, "fromFieldPath").split("\\."));
            if (value == null) {
                continue;
            }
            for (Object t : Fields.list(patch, "transforms")) {
                String fmt = Fields.str((Map<?, ?>) t, "string", "fmt");
                if (fmt != null) {
                    value = String.format(fmt, value);
                }
            }
            set(object, Fields.str(patch, "toFieldPath"), value);
        }
    }

    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> root, String path, Object value) {
        Object current = root;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String segment = segments[i];
            int bracket = segment.indexOf('[');
            String key = bracket < 0 ? segment : segment.substring(0, bracket);
            Map<String, Object> map = (Map<String, Object>) current;
            if (bracket < 0) {
                if (last) {
                    map.put(key, value);
                } else {
                    current = map.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                }
                continue;
            }
            int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
            List<Object> list = (List<Object>) map.get(key);
            if (last) {
                list.set(index, value);
            } else {
                current = list.get(index);
            }
        }
    }
}
