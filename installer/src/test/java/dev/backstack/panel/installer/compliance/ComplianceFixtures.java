package dev.backstack.panel.installer.compliance;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.model.rules.ClusterAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fleets with Kyverno reports of both groups, built the way the store builds them. */
final class ComplianceFixtures {

    private ComplianceFixtures() {}

    /** One result: {@code policy@pod=result:message}. */
    record R(String policy, String pod, String result, String message) {}

    static R r(String policy, String pod, String result, String message) {
        return new R(policy, pod, result, message);
    }

    /** An openreports.io Report per pod in {@code web}, scoped to the pod. */
    static List<KubeObject> openReports(List<R> results) {
        List<KubeObject> out = new ArrayList<>();
        for (R r : results) {
            out.add(new KubeObject(
                    "openreports.io/v1alpha1",
                    "Report",
                    "web",
                    r.pod() + "-" + r.policy(),
                    "uid",
                    1,
                    "",
                    null,
                    Map.of(),
                    Map.of(),
                    List.of(),
                    Map.of(
                            "scope",
                            Map.of("kind", "Pod", "namespace", "web", "name", r.pod()),
                            "results",
                            List.of(Map.of(
                                    "policy",
                                    r.policy(),
                                    "rule",
                                    r.policy(),
                                    "result",
                                    r.result(),
                                    "message",
                                    r.message())))));
        }
        return out;
    }

    static Cluster cluster(String id, Reachability reach, List<KubeObject> reports) {
        return ClusterAssembler.assemble(
                new ClusterAssembler.Identity(
                        id, id, id.equals("hub") ? ClusterRole.HUB : ClusterRole.SPOKE, "", Set.of()),
                reach,
                "v1.33.4",
                ObjectSet.of(reports));
    }

    static Fleet fleet(long revision, Cluster hub, List<WatchState> watches, Cluster... spokes) {
        return new Fleet(hub, List.of(spokes), watches, false, revision, 1_000);
    }

    /** A reachable hub whose one Report holds the given results, all report watches listed. */
    static Fleet hubWith(long revision, R... results) {
        return fleet(revision, cluster("hub", Reachability.REACHABLE, openReports(List.of(results))), watching("hub"));
    }

    static List<WatchState> watching(String cluster) {
        return List.of("PolicyReports", "ClusterPolicyReports", "Reports", "ClusterReports").stream()
                .map(r -> new WatchState(cluster, r, WatchState.State.WATCHING, 0, 0, 1, ""))
                .toList();
    }
}
