package dev.backstack.panel.installer.policy.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A policy's impact on a set of existing objects: one {@link ObjectImpact} per object it applies
 * to (objects of other kinds and in excluded namespaces are left out). Cluster-agnostic: the
 * caller knows which cluster the objects came from. Immutable.
 */
public record ImpactReport(List<ObjectImpact> objects) {

    public ImpactReport {
        objects = List.copyOf(objects);
    }

    public List<ObjectImpact> blockedObjects() {
        return objects.stream().filter(ObjectImpact::blocked).toList();
    }

    public int blockedCount() {
        return (int) objects.stream().filter(ObjectImpact::blocked).count();
    }

    /** Counts and blocked names per namespace, namespaces in alphabetical order (cluster-scoped first). */
    public List<NamespaceImpact> byNamespace() {
        Map<String, List<ObjectImpact>> groups = new TreeMap<>();
        objects.forEach(o ->
                groups.computeIfAbsent(o.namespace(), k -> new ArrayList<>()).add(o));
        List<NamespaceImpact> out = new ArrayList<>(groups.size());
        groups.forEach((ns, list) -> out.add(new NamespaceImpact(
                ns,
                list.size(),
                list.stream()
                        .filter(ObjectImpact::blocked)
                        .map(ObjectImpact::label)
                        .toList())));
        return out;
    }
}
