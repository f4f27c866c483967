package dev.backstack.panel.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects read from one cluster, by kind and key. Immutable once built: the store builds a
 * new set (sharing unchanged kinds) for every snapshot.
 */
public final class ObjectSet {

    public static final ObjectSet EMPTY = new ObjectSet(Map.of());

    private final Map<KindRef, Map<String, KubeObject>> byKind;

    private ObjectSet(Map<KindRef, Map<String, KubeObject>> byKind) {
        this.byKind = byKind;
    }

    /** Takes ownership of the given maps; callers must not change them afterwards. */
    public static ObjectSet wrap(Map<KindRef, Map<String, KubeObject>> byKind) {
        return new ObjectSet(Map.copyOf(byKind));
    }

    public static ObjectSet of(Collection<KubeObject> objects) {
        Map<KindRef, Map<String, KubeObject>> map = new HashMap<>();
        for (KubeObject o : objects) {
            map.computeIfAbsent(o.kindRef(), k -> new HashMap<>()).put(o.key(), o);
        }
        return new ObjectSet(Map.copyOf(map));
    }

    public Collection<KubeObject> all(KindRef kind) {
        Map<String, KubeObject> objects = byKind.get(kind);
        return objects == null ? List.of() : objects.values();
    }

    public Optional<KubeObject> get(KindRef kind, String key) {
        Map<String, KubeObject> objects = byKind.get(kind);
        return objects == null ? Optional.empty() : Optional.ofNullable(objects.get(key));
    }

    public List<KubeObject> inNamespace(KindRef kind, String namespace) {
        return all(kind).stream().filter(o -> o.namespace().equals(namespace)).toList();
    }

    public int size() {
        return byKind.values().stream().mapToInt(Map::size).sum();
    }
}
