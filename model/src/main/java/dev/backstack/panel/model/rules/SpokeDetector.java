package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the spokes of a hub: Argo CD cluster secrets labelled {@code clusterType: spoke},
 * {@code AKSCluster}/{@code EKSCluster} claims, and clusters the user connected as spokes. One
 * spoke found several ways is merged by name (a claim's {@code spec.parameters.id}) or server URL.
 */
public final class SpokeDetector {

    /** Label Argo CD puts on its cluster secrets. */
    public static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";
    /** Label the reference implementation puts on spoke cluster secrets. */
    public static final String CLUSTER_TYPE_LABEL = "clusterType";

    private SpokeDetector() {}

    private static final class Draft {
        final String name;
        String server = "";
        final Set<String> sources = new LinkedHashSet<>();
        Assessment claim;
        Cluster connected;

        Draft(String name) {
            this.name = name;
        }
    }

    /**
     * @param hub       what was read from the hub
     * @param connected spokes the panel is connected to, already assembled from their own objects
     */
    public static List<Cluster> detect(ObjectSet hub, List<Cluster> connected) {
        return detect(hub, ClusterAssembler.applications(hub), connected);
    }

    /**
     * As {@link #detect(ObjectSet, List)}, with the hub's Applications already derived (the store
     * derives each once, and the hub's own {@link Cluster} holds the same list).
     */
    public static List<Cluster> detect(ObjectSet hub, List<ApplicationStatus> hubApps, List<Cluster> connected) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (KubeObject secret : hub.all(Kinds.SECRET)) {
            if ("cluster".equals(secret.label(SECRET_TYPE_LABEL)) && "spoke".equals(secret.label(CLUSTER_TYPE_LABEL))) {
                String name = Optional.ofNullable(Fields.str(secret.body(), "cluster", "name"))
                        .orElse(secret.name());
                Draft d = draft(drafts, name, Fields.str(secret.body(), "cluster", "server"));
                d.sources.add("Argo CD cluster secret");
            }
        }
        for (KindRef claimKind : List.of(Kinds.AKS_CLUSTER, Kinds.EKS_CLUSTER)) {
            for (KubeObject claim : hub.all(claimKind)) {
                String id = Optional.ofNullable(Fields.str(claim.spec(), "parameters", "id"))
                        .orElse(claim.name());
                Draft d = draft(drafts, id, null);
                d.sources.add(claim.kind() + " claim");
                ObjectNode tree = HubTree.claimTree(claim, hub);
                d.claim = tree.rolledUp();
            }
        }
        for (Cluster c : connected) {
            Draft d = draft(drafts, c.name(), c.server());
            d.sources.addAll(c.sources());
            d.connected = c;
        }
        AppIndex apps = new AppIndex(hubApps);
        List<Cluster> out = new ArrayList<>();
        for (Draft d : drafts.values()) {
            out.add(finish(d, apps.targeting(d.server, d.name)));
        }
        out.sort(Comparator.comparing(Cluster::name));
        return out;
    }

    private static Draft draft(Map<String, Draft> drafts, String name, String server) {
        for (Draft d : drafts.values()) {
            if (d.name.equals(name) || (server != null && !server.isEmpty() && server.equals(d.server))) {
                if (d.server.isEmpty() && server != null) {
                    d.server = server;
                }
                return d;
            }
        }
        Draft d = new Draft(name);
        d.server = server == null ? "" : server;
        drafts.put(name, d);
        return d;
    }

    /** Applications by destination server and by destination name, so a spoke finds its own in O(1). */
    private static final class AppIndex {
        final Map<String, List<ApplicationStatus>> byServer = new java.util.HashMap<>();
        final Map<String, List<ApplicationStatus>> byName = new java.util.HashMap<>();

        AppIndex(List<ApplicationStatus> apps) {
            for (ApplicationStatus a : apps) {
                if (a.destinationServer() != null) {
                    byServer.computeIfAbsent(a.destinationServer(), k -> new ArrayList<>())
                            .add(a);
                }
                if (a.destinationName() != null) {
                    byName.computeIfAbsent(a.destinationName(), k -> new ArrayList<>())
                            .add(a);
                }
            }
        }

        /** In the order of the hub's list (each index list keeps it), each application once. */
        List<ApplicationStatus> targeting(String server, String name) {
            List<ApplicationStatus> byUrl =
                    server == null || server.isEmpty() ? List.of() : byServer.getOrDefault(server, List.of());
            List<ApplicationStatus> named = byName.getOrDefault(name, List.of());
            if (named.isEmpty() || byUrl.isEmpty()) {
                return List.copyOf(named.isEmpty() ? byUrl : named);
            }
            java.util.Set<ApplicationStatus> seen =
                    java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<ApplicationStatus> out = new ArrayList<>();
            for (ApplicationStatus a : byUrl) {
                if (seen.add(a)) {
                    out.add(a);
                }
            }
            for (ApplicationStatus a : named) {
                if (seen.add(a)) {
                    out.add(a);
                }
            }
            out.sort(ClusterAssembler.APPLICATION_ORDER);
            return List.copyOf(out);
        }
    }

    private static Cluster finish(Draft d, List<ApplicationStatus> apps) {
        List<Assessment> parts = new ArrayList<>();
        if (d.claim != null) {
            parts.add(d.claim);
        }
        ClusterAssembler.worstApplication(apps, a -> true).ifPresent(parts::add);
        Cluster c = d.connected;
        if (c != null) {
            parts.add(c.assessment());
            Assessment rolled = Hints.apply(rollUp(parts, c.reachability(), d.claim));
            return new Cluster(
                    d.name,
                    d.name,
                    ClusterRole.SPOKE,
                    d.server,
                    d.sources,
                    c.reachability(),
                    c.kubernetesVersion(),
                    c.components(),
                    apps,
                    c.policies(),
                    c.compliance(),
                    Optional.ofNullable(d.claim),
                    rolled);
        }
        Reachability reach = Reachability.notConnected(
                "known from the hub only; assign a kubeconfig context " + "to this spoke to see its live status");
        return new Cluster(
                d.name,
                d.name,
                ClusterRole.SPOKE,
                d.server,
                d.sources,
                reach,
                "",
                List.of(),
                apps,
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.ofNullable(d.claim),
                Hints.apply(rollUp(parts, reach, d.claim)));
    }

    /**
     * An unreachable spoke is Unknown, unless its claim says it is still being created: then it is
     * provisioning (Progressing), and a claim that failed says why.
     */
    private static Assessment rollUp(List<Assessment> parts, Reachability reach, Assessment claim) {
        if (reach.state() == Reachability.State.UNREACHABLE) {
            if (claim != null && claim.health() == Health.DEGRADED) {
                return claim;
            }
            if (claim != null && claim.health() != Health.HEALTHY) {
                String why = claim.reason().map(r -> r.message()).orElse(claim.summary());
                return Assessment.of(
                        Health.PROGRESSING,
                        "provisioning",
                        "cluster claim",
                        "being created (" + why + "); its API server answers once the cluster is up");
            }
            return Assessment.of(Health.UNKNOWN, "unreachable", "cluster API server", reach.message());
        }
        if (parts.isEmpty()) {
            return Assessment.of(
                    Health.UNKNOWN,
                    "no status",
                    "spoke",
                    "no claim, no Argo CD application and no connection report on this spoke");
        }
        return Assessment.worstOf(parts, "claim ready, applications healthy");
    }
}
