package dev.backstack.panel.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One object in a tree of related objects (for example Hub, its composite, the composite's
 * Releases), with its own assessment and its children.
 */
public record ObjectNode(String kind, String namespace, String name, Assessment own, List<ObjectNode> children) {

    public ObjectNode {
        children = List.copyOf(children);
        namespace = namespace == null ? "" : namespace;
    }

    public static ObjectNode leaf(KubeObject object, Assessment assessment) {
        return new ObjectNode(object.kind(), object.namespace(), object.name(), assessment, List.of());
    }

    public String label() {
        return kind + " " + name;
    }

    /**
     * The node's health with its subtree: the worst of its own and its children's, and the reason
     * of the deepest failing object, with the path from this node down to it.
     */
    public Assessment rolledUp() {
        Assessment worstChild = null;
        for (ObjectNode child : children) {
            Assessment c = child.rolledUp();
            if (worstChild == null || c.health().isWorseThan(worstChild.health())) {
                worstChild = c;
            }
        }
        if (worstChild == null || worstChild.health() == Health.HEALTHY) {
            return own;
        }
        if (own.health().isWorseThan(worstChild.health())) {
            return own;
        }
        return new Assessment(
                worstChild.health(), own.summary(), worstChild.reason().map(r -> r.under(label())));
    }

    /**
     * The nodes ordered worst rolled-up health first, at every level of their subtrees; nodes of
     * equal health keep their order.
     */
    public static List<ObjectNode> worstFirst(List<ObjectNode> nodes) {
        record Ranked(ObjectNode node, Health health) {}
        List<Ranked> ranked = new ArrayList<>(nodes.size());
        for (ObjectNode n : nodes) {
            ObjectNode sorted = n.children.isEmpty()
                    ? n
                    : new ObjectNode(n.kind, n.namespace, n.name, n.own, worstFirst(n.children));
            ranked.add(new Ranked(sorted, sorted.rolledUp().health()));
        }
        ranked.sort(Comparator.comparing(Ranked::health).reversed());
        return ranked.stream().map(Ranked::node).toList();
    }

    /** All nodes of the subtree, depth first, this node included. */
    public List<ObjectNode> flatten() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(this);
        for (ObjectNode c : children) {
            out.addAll(c.flatten());
        }
        return out;
    }
}
