package dev.backstack.panel.installer.policy.cel;

import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Predicts which existing objects a policy would refuse: each object of a matched kind, outside
 * the excluded namespaces, is evaluated as if it were created now. Kinds match on API group and
 * kind, whatever the version (Kubernetes' {@code matchPolicy: Equivalent}); exclusions work as a
 * {@code namespaceSelector} on {@code kubernetes.io/metadata.name}: they skip namespaced objects
 * in those namespaces and Namespace objects with those names, never other cluster-scoped objects.
 * Immutable; {@link #assess} may run on any thread (it is CPU work: keep it off the FX thread).
 */
public final class ImpactEvaluator {

    private final CelPolicyProgram program;
    private final Map<String, ResourceMatch> matches;
    private final Set<String> excluded;

    public ImpactEvaluator(CelPolicyProgram program, List<ResourceMatch> matches, Collection<String> excludedNamespaces) {
        this.program = program;
        Map<String, ResourceMatch> byKind = new HashMap<>();
        matches.forEach(m -> byKind.putIfAbsent(m.group() + "/" + m.kind(), m));
        this.matches = Map.copyOf(byKind);
        this.excluded = Set.copyOf(excludedNamespaces);
    }

    /**
     * The policy's impact on {@code objects} (JSON maps with apiVersion, kind and metadata). A
     * namespace's own object is taken from {@code objects} when it is there (kind Namespace),
     * else a bare one with only its name and {@code kubernetes.io/metadata.name} label.
     */
    public ImpactReport assess(Collection<? extends Map<String, ?>> objects) {
        Map<String, Map<String, ?>> namespaces = new HashMap<>();
        for (Map<String, ?> o : objects) {
            if (isNamespace(o)) {
                namespaces.put(name(o), o);
            }
        }
        Map<String, Map<String, Object>> prepared = new HashMap<>();
        List<ObjectImpact> out = new ArrayList<>();
        for (Map<String, ?> o : objects) {
            ResourceMatch match = matches.get(group(o) + "/" + o.get("kind"));
            if (match == null) {
                continue;
            }
            String namespace = match.namespaced() ? namespace(o) : "";
            String selectedBy = isNamespace(o) ? name(o) : namespace;
            if (!selectedBy.isEmpty() && excluded.contains(selectedBy)) {
                continue;
            }
            Map<String, Object> nsObject = namespace.isEmpty() ? null
                    : prepared.computeIfAbsent(namespace, ns -> CelValues.map(namespaceObject(namespaces, ns)));
            CelInput input = CelInput.withValues(CelValues.map(o), nsObject, match);
            out.add(new ObjectImpact(String.valueOf(o.get("apiVersion")), String.valueOf(o.get("kind")), namespace,
                    name(o), program.evaluate(input)));
        }
        return new ImpactReport(out);
    }

    private static Map<String, ?> namespaceObject(Map<String, Map<String, ?>> known, String ns) {
        return Optional.<Map<String, ?>>ofNullable(known.get(ns)).orElseGet(() -> bareNamespace(ns));
    }

    static Map<String, Object> bareNamespace(String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", Map.of("kubernetes.io/metadata.name", name));
        return Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", metadata);
    }

    private static boolean isNamespace(Map<String, ?> o) {
        return "Namespace".equals(o.get("kind")) && "v1".equals(o.get("apiVersion"));
    }

    private static String group(Map<String, ?> o) {
        String apiVersion = String.valueOf(o.get("apiVersion"));
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String name(Map<String, ?> o) {
        return metadata(o).get("name") instanceof String s ? s : "";
    }

    private static String namespace(Map<String, ?> o) {
        return metadata(o).get("namespace") instanceof String s ? s : "";
    }

    private static Map<?, ?> metadata(Map<String, ?> o) {
        return o.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    }
}
