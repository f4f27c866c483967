package dev.backstack.panel.model.lineage;

import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.lineage.Lineage.BrokenLink;
import java.util.List;
import java.util.Optional;

/** Finds the first broken link of a lineage tree and words it. */
final class BrokenLinks {

    private BrokenLinks() {}

    /**
     * @param compositeOwnFailure whether the composite fails on its own account (Synced False: a
     *                            composition or function error) rather than waiting on what it composed
     */
    static Optional<BrokenLink> first(LineageNode root, boolean compositeOwnFailure) {
        List<LineageNode> nodes = root.flatten();
        for (int i = 0; i < nodes.size(); i++) {
            LineageNode n = nodes.get(i);
            if (n.isHealthy() || givesWay(n, nodes.subList(i + 1, nodes.size()), compositeOwnFailure)) {
                continue;
            }
            return Optional.of(new BrokenLink(n.stage(), n, message(n, nodes.subList(0, i))));
        }
        return Optional.empty();
    }

    /**
     * A claim only mirrors its composite, so it gives way to any unhealthy composite or managed
     * resource; a composite gives way to a managed resource that reports its own trouble, unless the
     * composite failed itself (a placeholder for a resource not found says less than the composite).
     */
    private static boolean givesWay(LineageNode n, List<LineageNode> after, boolean compositeOwnFailure) {
        if (n.health() == Health.MISSING) {
            return false;
        }
        if (n.stage() == LineageStage.REQUEST) {
            return after.stream()
                    .anyMatch(d -> !d.isHealthy()
                            && (d.stage() == LineageStage.COMPOSITE || d.stage() == LineageStage.MANAGED));
        }
        if (n.stage() == LineageStage.COMPOSITE && !compositeOwnFailure) {
            return after.stream()
                    .anyMatch(d -> d.stage() == LineageStage.MANAGED && !d.isHealthy() && d.health() != Health.MISSING);
        }
        return false;
    }

    private static String message(LineageNode broken, List<LineageNode> before) {
        String detail = broken.assessment().reason().isPresent() && broken.health() != Health.MISSING
                ? broken.assessment().oneLine()
                : broken.message();
        boolean allHealthyBefore = before.stream().allMatch(LineageNode::isHealthy);
        String context = switch (broken.stage()) {
            case REQUEST -> "";
            case COMPOSITE -> before.isEmpty() ? "" : "claim " + before.get(0).name() + " submitted";
            case MANAGED -> "composite created";
            case CONNECTION_SECRET, CLUSTER_SECRET -> allHealthyBefore ? "claim Ready" : "";
            case APPLICATIONS -> allHealthyBefore ? "registered with Argo CD" : "";
            case COMPLIANCE -> allHealthyBefore ? "applications Healthy" : "";
        };
        return context.isEmpty() ? detail : context + ", but " + detail;
    }
}
