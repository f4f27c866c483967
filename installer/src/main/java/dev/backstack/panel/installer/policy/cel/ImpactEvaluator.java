package dev.backstack.panel.installer.policy.cel;

import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predicts which existing objects a policy would refuse: each object of a matched kind, outside
 * the excluded namespaces, is evaluated as if it were created now. Kinds match on API group and
 * kind, whatever the version (Kubernetes' {@code matchPolicy: Equivalent}); exclusions work as a
 * {@code namespaceSelector} on {@code kubernetes.io/metadata.name}: they skip namespaced objects
 * in those namespaces and Namespace objects with those names, never other cluster-scoped objects.
 * To preview several policies over the same objects, prepare them once ({@link PreparedObjects}).
 * Immutable; {@link #assess} may run on any thread (it is CPU work: keep it off the FX thread).
 */
public final class ImpactEvaluator {

    private final CelPolicyProgram program;
    private final Map<String, ResourceMatch> matches;
    private final Set<String> excluded;

    public ImpactEvaluator(
            CelPolicyProgram program, List<ResourceMatch> matches, Collection<String> excludedNamespaces) {
        this.program = program;
        Map<String, ResourceMatch> byKind = new HashMap<>();
        matches.forEach(m -> byKind.putIfAbsent(m.group() + "/" + m.kind(), m));
        this.matches = Map.copyOf(byKind);
        this.excluded = Set.copyOf(excludedNamespaces);
    }

    /** The policy's impact on {@code objects}; see {@link PreparedObjects#of} for what they are. */
    public ImpactReport assess(Collection<? extends Map<String, ?>> objects) {
        return assess(PreparedObjects.of(objects));
    }

    /** The policy's impact on objects prepared once for several policies. */
    public ImpactReport assess(PreparedObjects objects) {
        List<ObjectImpact> out = new ArrayList<>();
        for (Map<String, Object> o : objects.objects()) {
            ResourceMatch match = matches.get(group(o) + "/" + o.get("kind"));
            if (match == null) {
                continue;
            }
            String namespace = match.namespaced() ? PreparedObjects.namespaceOf(o) : "";
            String selectedBy = PreparedObjects.isNamespace(o) ? PreparedObjects.name(o) : namespace;
            if (!selectedBy.isEmpty() && excluded.contains(selectedBy)) {
                continue;
            }
            Map<String, Object> nsObject = namespace.isEmpty() ? null : objects.namespace(namespace);
            CelVerdict verdict = program.evaluate(CelInput.withValues(o, nsObject, match));
            out.add(new ObjectImpact(
                    String.valueOf(o.get("apiVersion")),
                    String.valueOf(o.get("kind")),
                    namespace,
                    PreparedObjects.name(o),
                    verdict));
        }
        return new ImpactReport(out);
    }

    private static String group(Map<String, ?> o) {
        String apiVersion = String.valueOf(o.get("apiVersion"));
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
