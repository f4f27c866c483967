package dev.backstack.panel.bench.lineage;

import dev.backstack.panel.bench.common.HeadlessFx;
import dev.backstack.panel.bench.common.Results;
import dev.backstack.panel.bench.common.Stats;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.lineage.Lineage;
import dev.backstack.panel.model.lineage.SpokeLineage;
import dev.backstack.panel.model.rules.ClusterAssembler;
import dev.backstack.panel.views.lineage.LineageView;
import dev.backstack.panel.views.lineage.LineageViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The lineage view's build time for one spoke in a hub of 300 spokes: the hub holds, per spoke,
 * its claim, its composite (4 composed resources), its Argo CD cluster secret and 2 Applications,
 * plus each spoke's policy reports (640 results). Measures (1) {@code SpokeLineage.of} alone, the
 * pure model build the pump runs for each snapshot, and (2) {@code LineageViewModel.apply} on the
 * FX thread with the real {@link LineageView} on a headless stage, switching between spokes so
 * the tree is rebuilt every time (the same spoke with an unchanged lineage costs only the model
 * build and an equality check). Run: {@code benchmarks/run.sh lineage} (or the class's main with
 * {@code --spokes N --runs N}).
 */
public final class LineageBench {

    private static final String GROUP = "backstack.dev/v1alpha1";

    private LineageBench() {}

    public static void main(String[] args) throws Exception {
        int spokes = intArg(args, "--spokes", 300);
        int runs = intArg(args, "--runs", 2000);
        HeadlessFx.start();
        Results out = new Results("lineage");
        out.header("lineage of one spoke in a hub of " + spokes + " spokes (" + runs + " builds after " + runs / 4
                + " warm-up)");
        long t0 = System.nanoTime();
        ObjectSet hub = hub(spokes);
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < spokes; i++) {
            clusters.add(spoke(i));
        }
        out.line("hub objects: %d (built in %.0f ms)", hub.size(), (System.nanoTime() - t0) / 1e6);
        Fleet fleet = new Fleet(
                cluster("hub", ClusterRole.HUB, List.of()), clusters, List.of(), false, 1, System.currentTimeMillis());

        List<Double> model = new ArrayList<>();
        for (int i = 0; i < runs + runs / 4; i++) {
            int s = (i * 37) % spokes;
            long t = System.nanoTime();
            Lineage l = SpokeLineage.of("spoke-" + s, hub, Optional.of(clusters.get(s)));
            double ms = (System.nanoTime() - t) / 1e6;
            if (l.brokenLink().isPresent() && l.brokenLink().get().stage().ordinal() < 6) {
                throw new IllegalStateException(
                        "bench fixture broken at " + l.brokenLink().get().message());
            }
            if (i >= runs / 4) {
                model.add(ms);
            }
        }
        Stats m = Stats.of(model);
        out.line(
                "SpokeLineage.of (model only): p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d builds)",
                m.median(), m.percentile(99), m.max(), m.count());

        LineageViewModel vm = HeadlessFx.call(LineageViewModel::new);
        HeadlessFx.run(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new LineageView(vm), 1200, 800));
            stage.show();
        });
        List<Double> fx = new ArrayList<>();
        int fxRuns = Math.max(50, runs / 10);
        for (int i = 0; i < fxRuns + fxRuns / 4; i++) {
            Cluster selected = clusters.get((i * 37) % spokes);
            boolean measured = i >= fxRuns / 4;
            HeadlessFx.run(() -> {
                long t = System.nanoTime();
                vm.apply(fleet, selected, () -> hub);
                if (measured) {
                    fx.add((System.nanoTime() - t) / 1e6);
                }
            });
        }
        Stats f = Stats.of(HeadlessFx.call(() -> List.copyOf(fx)));
        out.line(
                "LineageViewModel.apply + LineageView tree rebuilt (FX thread, another spoke each time): "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d applies)",
                f.median(), f.percentile(99), f.max(), f.count());
        System.exit(0);
    }

    /** The hub's objects of {@code n} healthy spokes, as the live engine maps them. */
    static ObjectSet hub(int n) {
        List<KubeObject> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "spoke-" + i;
            String kind = i % 2 == 0 ? "AKSCluster" : "EKSCluster";
            String xr = id + "-x" + Integer.toHexString(1000 + i);
            Map<String, Object> ready = Map.of(
                    "type",
                    "Ready",
                    "status",
                    "True",
                    "reason",
                    "Available",
                    "lastTransitionTime",
                    "2026-11-20T10:05:00Z");
            Map<String, Object> synced = Map.of(
                    "type",
                    "Synced",
                    "status",
                    "True",
                    "reason",
                    "ReconcileSuccess",
                    "lastTransitionTime",
                    "2026-11-20T10:00:00Z");
            Map<String, Object> status = Map.of(
                    "conditions",
                    List.of(synced, ready),
                    "connectionDetails",
                    Map.of("lastPublishedTime", "2026-11-20T10:06:00Z"));
            objects.add(object(
                    GROUP,
                    kind,
                    "default",
                    id,
                    Map.of(
                            "spec",
                            Map.of(
                                    "parameters",
                                    Map.of(
                                            "id",
                                            id,
                                            "region",
                                            "westeurope",
                                            "version",
                                            "1.35",
                                            "nodes",
                                            Map.of("count", 2, "instanceType", "Standard_B2s")),
                                    "writeConnectionSecretToRef",
                                    Map.of("name", id + "-kubeconfig"),
                                    "resourceRef",
                                    Map.of("apiVersion", GROUP, "kind", "X" + kind, "name", xr)),
                            "status",
                            status),
                    Map.of()));
            List<Object> refs = new ArrayList<>();
            for (String r : List.of("ResourceGroup", "VirtualNetwork", "Subnet", "KubernetesCluster")) {
                refs.add(Map.of(
                        "apiVersion", "azure.upbound.io/v1beta1", "kind", r, "name", xr + "-" + r.toLowerCase()));
            }
            objects.add(object(
                    GROUP,
                    "X" + kind,
                    null,
                    xr,
                    Map.of("spec", Map.of("resourceRefs", refs), "status", status),
                    Map.of("crossplane.io/claim-name", id, "crossplane.io/claim-namespace", "default")));
            String server = "https://" + id + ".example:443";
            objects.add(object(
                    "v1",
                    "Secret",
                    "argocd",
                    id,
                    Map.of("cluster", Map.of("name", id, "server", server)),
                    Map.of("argocd.argoproj.io/secret-type", "cluster", "clusterType", "spoke")));
            for (String app : List.of("kyverno", "kyverno-policies")) {
                objects.add(object(
                        "argoproj.io/v1alpha1",
                        "Application",
                        "argocd",
                        id + "-" + app,
                        Map.of(
                                "spec", Map.of("destination", Map.of("server", server, "namespace", "kyverno")),
                                "status",
                                        Map.of(
                                                "health",
                                                Map.of("status", "Healthy"),
                                                "sync",
                                                Map.of("status", "Synced"))),
                        Map.of()));
            }
        }
        return ObjectSet.of(objects);
    }

    private static KubeObject object(
            String apiVersion,
            String kind,
            String ns,
            String name,
            Map<String, Object> body,
            Map<String, String> labels) {
        return new KubeObject(
                apiVersion,
                kind,
                ns,
                name,
                "uid-" + kind + "-" + name,
                1,
                "2026-11-20T09:00:00Z",
                null,
                labels,
                Map.of(),
                List.of(),
                new LinkedHashMap<>(body));
    }

    /** A connected spoke with 5 PolicyReports of 128 results. */
    private static Cluster spoke(int index) {
        List<KubeObject> reports = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            String ns = "team-" + n;
            List<Object> results = new ArrayList<>();
            for (int p = 0; p < 16; p++) {
                for (int r = 0; r < 8; r++) {
                    results.add(Map.of(
                            "policy",
                            "policy-" + p,
                            "rule",
                            "rule-" + p,
                            "result",
                            "pass",
                            "resources",
                            List.of(Map.of("apiVersion", "v1", "kind", "Pod", "namespace", ns, "name", "app-" + r))));
                }
            }
            reports.add(new KubeObject(
                    "wgpolicyk8s.io/v1alpha2",
                    "PolicyReport",
                    ns,
                    "polr-" + ns,
                    "uid-" + index + "-" + n,
                    1,
                    null,
                    null,
                    Map.of(),
                    Map.of(),
                    List.of(),
                    Map.of("results", results)));
        }
        return cluster("spoke-" + index, ClusterRole.SPOKE, reports);
    }

    private static Cluster cluster(String name, ClusterRole role, List<KubeObject> objects) {
        return ClusterAssembler.assemble(
                new ClusterAssembler.Identity(name, name, role, "https://" + name + ".example:443", Set.of("bench")),
                Reachability.REACHABLE,
                "v1.34.1",
                ObjectSet.of(objects));
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
