package dev.backstack.panel.installer.policy.cel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Existing objects converted once to CEL values (see {@code CelValues}), with their namespaces'
 * objects, so that every policy of a preview reads the same copies. A namespace's object is the
 * one among the objects (kind Namespace) when it is there, else a bare one with only its name and
 * its {@code kubernetes.io/metadata.name} label. Immutable; any thread.
 */
public final class PreparedObjects {

    private final List<Map<String, Object>> objects;
    private final Map<String, Map<String, Object>> namespaces;

    private PreparedObjects(List<Map<String, Object>> objects, Map<String, Map<String, Object>> namespaces) {
        this.objects = objects;
        this.namespaces = namespaces;
    }

    /** Prepares {@code objects} (JSON maps with apiVersion, kind and metadata, as fabric8 reads them). */
    public static PreparedObjects of(Collection<? extends Map<String, ?>> objects) {
        List<Map<String, Object>> converted = new ArrayList<>(objects.size());
        Map<String, Map<String, Object>> namespaces = new HashMap<>();
        for (Map<String, ?> o : objects) {
            Map<String, Object> c = CelValues.map(o);
            converted.add(c);
            if (isNamespace(c)) {
                namespaces.put(name(c), c);
            }
        }
        return new PreparedObjects(List.copyOf(converted), namespaces);
    }

    public int size() {
        return objects.size();
    }

    List<Map<String, Object>> objects() {
        return objects;
    }

    /** The namespace's object, as given or bare; the same instance for every call with the same name. */
    Map<String, Object> namespace(String name) {
        synchronized (namespaces) {
            return namespaces.computeIfAbsent(name, PreparedObjects::bareNamespace);
        }
    }

    private static Map<String, Object> bareNamespace(String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", Map.of("kubernetes.io/metadata.name", name));
        return CelValues.map(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", metadata));
    }

    static boolean isNamespace(Map<String, ?> o) {
        return "Namespace".equals(o.get("kind")) && "v1".equals(o.get("apiVersion"));
    }

    static String name(Map<String, ?> o) {
        return metadata(o).get("name") instanceof String s ? s : "";
    }

    static String namespaceOf(Map<String, ?> o) {
        return metadata(o).get("namespace") instanceof String s ? s : "";
    }

    private static Map<?, ?> metadata(Map<String, ?> o) {
        return o.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    }
}
