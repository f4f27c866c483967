package dev.backstack.panel.model;

import java.util.List;
import java.util.Map;

/** Null-safe reads from the plain maps that hold a Kubernetes object's spec and status. */
public final class Fields {

    private Fields() {}

    /** The value at {@code path}, or null when any step is absent or not a map. */
    public static Object get(Map<?, ?> root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    public static Map<?, ?> map(Map<?, ?> root, String... path) {
        Object value = get(root, path);
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    public static List<?> list(Map<?, ?> root, String... path) {
        Object value = get(root, path);
        return value instanceof List<?> l ? l : List.of();
    }

    /** A string, or null; numbers and booleans are given as their text. */
    public static String str(Map<?, ?> root, String... path) {
        Object value = get(root, path);
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    public static String str(Map<?, ?> root, String key) {
        return str(root, new String[] {key});
    }

    public static Long num(Map<?, ?> root, String... path) {
        Object value = get(root, path);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static long num(Map<?, ?> root, long fallback, String... path) {
        Long value = num(root, path);
        return value == null ? fallback : value;
    }

    public static boolean bool(Map<?, ?> root, String... path) {
        Object value = get(root, path);
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }
}
