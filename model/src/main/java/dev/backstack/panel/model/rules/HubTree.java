package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tree behind a {@code backstack.dev} claim, as {@code crossplane beta trace} shows it:
 * claim, then its composite ({@code spec.resourceRef}), then the composed resources (the
 * composite's {@code spec.resourceRefs}, or {@code spec.crossplane.resourceRefs} in Crossplane
 * v2, or failing both the objects labelled {@code crossplane.io/composite}).
 */
public final class HubTree {

    private HubTree() {}

    public static List<ObjectNode> hubs(ObjectSet objects) {
        return objects.all(Kinds.HUB).stream()
                .map(claim -> claimTree(claim, objects))
                .toList();
    }

    public static ObjectNode claimTree(KubeObject claim, ObjectSet objects) {
        Map<?, ?> ref = Fields.map(claim.spec(), "resourceRef");
        List<ObjectNode> children = new ArrayList<>();
        String compositeName = Fields.str(ref, "name");
        if (compositeName != null) {
            KindRef kind = KindRef.of(Fields.str(ref, "apiVersion"), Fields.str(ref, "kind"));
            children.add(objects.get(kind, compositeName)
                    .map(xr -> compositeTree(xr, objects))
                    .orElseGet(() -> missing(kind.kind(), compositeName)));
        }
        return new ObjectNode(claim.kind(), claim.namespace(), claim.name(), CrossplaneRules.assess(claim), children);
    }

    static ObjectNode compositeTree(KubeObject xr, ObjectSet objects) {
        List<ObjectNode> children = new ArrayList<>();
        for (Map.Entry<String, KubeObject> e : composed(xr, objects).entrySet()) {
            children.add(
                    e.getValue() == null
                            ? missing(e.getKey().split(" ", 2)[0], e.getKey().split(" ", 2)[1])
                            : ObjectNode.leaf(e.getValue(), CrossplaneRules.assess(e.getValue())));
        }
        return new ObjectNode(xr.kind(), xr.namespace(), xr.name(), CrossplaneRules.assess(xr), children);
    }

    /** Composed resources by {@code "Kind name"}; a null value is a reference that was not found. */
    public static Map<String, KubeObject> composed(KubeObject xr, ObjectSet objects) {
        List<?> refs = Fields.list(xr.spec(), "resourceRefs");
        if (refs.isEmpty()) {
            refs = Fields.list(xr.spec(), "crossplane", "resourceRefs");
        }
        Map<String, KubeObject> out = new LinkedHashMap<>();
        for (Object o : refs) {
            if (o instanceof Map<?, ?> r && Fields.str(r, "name") != null) {
                KindRef kind = KindRef.of(Fields.str(r, "apiVersion"), Fields.str(r, "kind"));
                String ns = Fields.str(r, "namespace");
                String key = ns == null || ns.isEmpty() ? Fields.str(r, "name") : ns + "/" + Fields.str(r, "name");
                Optional<KubeObject> found = objects.get(kind, key);
                out.put(kind.kind() + " " + Fields.str(r, "name"), found.orElse(null));
            }
        }
        if (refs.isEmpty()) {
            for (KindRef kind : List.of(Kinds.RELEASE, Kinds.K8S_OBJECT)) {
                objects.all(kind).stream()
                        .filter(o -> xr.name().equals(o.label("crossplane.io/composite")))
                        .sorted(java.util.Comparator.comparing(KubeObject::name))
                        .forEach(o -> out.put(o.displayName(), o));
            }
        }
        return out;
    }

    private static ObjectNode missing(String kind, String name) {
        return new ObjectNode(kind, "", name, CrossplaneRules.missingReference(kind, name), List.of());
    }

    /** The path of node labels from a root to the first node matching {@code name}, if any. */
    public static Optional<List<ObjectNode>> pathTo(ObjectNode root, java.util.function.Predicate<ObjectNode> match) {
        if (match.test(root)) {
            return Optional.of(List.of(root));
        }
        for (ObjectNode child : root.children()) {
            Optional<List<ObjectNode>> sub = pathTo(child, match);
            if (sub.isPresent()) {
                List<ObjectNode> path = new ArrayList<>();
                path.add(root);
                path.addAll(sub.get());
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** The assessment of the last node of a path, with the path's labels as its reason path. */
    public static Assessment alongPath(List<ObjectNode> path) {
        Assessment a = path.get(path.size() - 1).own();
        for (int i = path.size() - 2; i >= 0; i--) {
            a = a.under(path.get(i).label());
        }
        return a;
    }
}
