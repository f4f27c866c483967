package dev.backstack.panel.model.lineage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one spoke came to be, as a tree in lineage order (see {@link LineageStage}), and the first
 * broken link: the first node, in that order, that is missing or not healthy. A claim or
 * composite that is not healthy because something composed below it is not healthy gives way to
 * that deeper node, so the message names the object Crossplane is actually waiting on.
 * Immutable; built by {@link SpokeLineage#of} on any thread.
 *
 * @param spokeName  the spoke's name (a claim's {@code spec.parameters.id}, or the Argo CD
 *                   cluster name)
 * @param root       the request (the claim, or a Missing placeholder for it)
 * @param brokenLink the first broken link; empty when every link is healthy
 */
public record Lineage(String spokeName, LineageNode root, Optional<BrokenLink> brokenLink) {

    /**
     * The first link that is missing or not healthy.
     *
     * @param message what holds the spoke back, with the last healthy link for context, for
     *                example {@code "claim Ready, but no Argo CD cluster secret: ..."}
     */
    public record BrokenLink(LineageStage stage, LineageNode node, String message) {}

    public Lineage {
        Objects.requireNonNull(root, "root");
        brokenLink = brokenLink == null ? Optional.empty() : brokenLink;
    }

    /** Every node, depth first, which is the lineage order. */
    public List<LineageNode> nodes() {
        return root.flatten();
    }

    /** The nodes of one stage, in order. */
    public List<LineageNode> stage(LineageStage stage) {
        return nodes().stream().filter(n -> n.stage() == stage).toList();
    }

    public boolean isComplete() {
        return brokenLink.isEmpty();
    }
}
