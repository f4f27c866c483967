package dev.backstack.panel.model.lineage;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Health;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of a spoke's lineage: an object on the hub (or, for {@link LineageStage#COMPLIANCE},
 * the spoke's policy report summary), or a placeholder with health {@link Health#MISSING} whose
 * assessment says what is expected there and why it matters. Immutable; built on any thread.
 *
 * @param kind        the object's kind, for example {@code "AKSCluster"}; for placeholders the
 *                    kind that is expected
 * @param namespace   the object's namespace, {@code ""} when cluster-scoped or not known
 * @param name        the object's name, or what it is expected to be called
 * @param assessment  the object's own health and, when not healthy, the reason
 * @param lastChanged when it last changed: the newest condition {@code lastTransitionTime}, else
 *                    its creation timestamp; empty when not known (placeholders)
 * @param children    the links that follow from this one, in lineage order
 */
public record LineageNode(
        LineageStage stage,
        String kind,
        String namespace,
        String name,
        Assessment assessment,
        Optional<Instant> lastChanged,
        List<LineageNode> children) {

    public LineageNode {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(assessment, "assessment");
        kind = Objects.requireNonNullElse(kind, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
        lastChanged = lastChanged == null ? Optional.empty() : lastChanged;
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** A placeholder for something expected but not found: health Missing, with the reason. */
    public static LineageNode missing(
            LineageStage stage,
            String kind,
            String namespace,
            String name,
            String message,
            List<LineageNode> children) {
        return new LineageNode(
                stage,
                kind,
                namespace,
                name,
                Assessment.of(Health.MISSING, "missing", kind + " " + name, message),
                Optional.empty(),
                children);
    }

    public Health health() {
        return assessment.health();
    }

    public boolean isHealthy() {
        return health() == Health.HEALTHY;
    }

    /** {@code "Kind name"}. */
    public String label() {
        return name.isEmpty() ? kind : kind + " " + name;
    }

    /** The reason's message when not healthy, else the summary. */
    public String message() {
        return assessment.reason().map(r -> r.message()).orElse(assessment.summary());
    }

    /** This node and all below it, depth first: the lineage order. */
    public List<LineageNode> flatten() {
        List<LineageNode> out = new ArrayList<>();
        out.add(this);
        for (LineageNode c : children) {
            out.addAll(c.flatten());
        }
        return out;
    }
}
