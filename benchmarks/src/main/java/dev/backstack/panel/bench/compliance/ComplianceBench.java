package dev.backstack.panel.bench.compliance;

import dev.backstack.panel.bench.common.HeadlessFx;
import dev.backstack.panel.bench.common.Results;
import dev.backstack.panel.bench.common.Stats;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.rules.ClusterAssembler;
import dev.backstack.panel.views.compliance.ComplianceView;
import dev.backstack.panel.views.compliance.ComplianceViewModel;
import dev.backstack.panel.views.task.FxTaskExecutor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The compliance tab at fleet scale: a hub and 300 spokes, each with PolicyReports in 5
 * namespaces (16 policies x 8 resources each: 640 results a spoke, 192,000 in the fleet), the
 * real {@link ComplianceView} on a headless stage, and a new snapshot 5 times a second in which
 * one spoke's results moved (as Kyverno's background scans do). Records every FX pulse gap and
 * the time of each {@code ComplianceViewModel.apply} on the FX thread. Target: no FX stall over
 * 50 ms.
 * Run: {@code benchmarks/run.sh compliance} (or the class's main with {@code --seconds N --spokes N}).
 */
public final class ComplianceBench {

    private static final int NAMESPACES = 5;
    private static final int POLICIES = 16;
    private static final int RESOURCES = 8;

    private ComplianceBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 30);
        int spokes = intArg(args, "--spokes", 300);
        HeadlessFx.start();
        Results out = new Results("compliance");
        out.header("compliance tab, " + spokes + " spokes, " + (NAMESPACES * POLICIES * RESOURCES) + " results each, "
                + "5 snapshots/s for " + seconds + " s");
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < spokes; i++) {
            clusters.add(spoke(i, 0));
        }
        Cluster hub = cluster("hub", ClusterRole.HUB, List.of());
        ComplianceViewModel vm = HeadlessFx.call(() -> new ComplianceViewModel(
                new FxTaskExecutor(), ComplianceViewModel.fileExporter(), ZoneId.systemDefault()));
        List<Double> gaps = new ArrayList<>();
        List<Double> applies = new ArrayList<>();
        AnimationTimer pulses = HeadlessFx.call(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new ComplianceView(vm, System::currentTimeMillis), 1400, 900));
            stage.show();
            AnimationTimer t = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        gaps.add((now - last) / 1e6);
                    }
                    last = now;
                }
            };
            t.start();
            return t;
        });
        long firstStart = System.nanoTime();
        HeadlessFx.run(() -> vm.apply(new Fleet(hub, clusters, List.of(), false, 1, System.currentTimeMillis())));
        while (HeadlessFx.call(() -> vm.complianceProperty().get() == null)) {
            Thread.sleep(5);
        }
        double first = (System.nanoTime() - firstStart) / 1e6;
        Thread.sleep(1000); // the first layout of the filled tables
        HeadlessFx.run(gaps::clear);
        long end = System.currentTimeMillis() + seconds * 1000L;
        for (long revision = 2; System.currentTimeMillis() < end; revision++) {
            int moved = (int) (revision % spokes);
            clusters.set(moved, spoke(moved, (int) revision));
            Fleet fleet = new Fleet(hub, List.copyOf(clusters), List.of(), false, revision, System.currentTimeMillis());
            HeadlessFx.run(() -> {
                long t = System.nanoTime();
                vm.apply(fleet);
                applies.add((System.nanoTime() - t) / 1e6);
            });
            Thread.sleep(200);
        }
        HeadlessFx.run(pulses::stop);
        List<Double> g = HeadlessFx.call(() -> List.copyOf(gaps));
        Stats gapStats = Stats.of(g);
        Stats applyStats = Stats.of(applies);
        long stalls = g.stream().filter(x -> x > 50).count();
        out.line("first snapshot on screen (roll-up in the background, tables filled): %.0f ms", first);
        out.line(
                "apply per snapshot (FX thread): p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d snapshots)",
                applyStats.median(), applyStats.percentile(99), applyStats.max(), applyStats.count());
        out.line(
                "FX pulse gaps: p50 %.1f ms, p99 %.1f ms, max %.1f ms; gaps over 50 ms: %d of %d",
                gapStats.median(), gapStats.percentile(99), gapStats.max(), stalls, g.size());
        System.exit(0);
    }

    /** A spoke whose failing results depend on {@code round}, so a new round changes its counts. */
    private static Cluster spoke(int index, int round) {
        List<KubeObject> reports = new ArrayList<>();
        for (int n = 0; n < NAMESPACES; n++) {
            String ns = "team-" + n;
            List<Object> results = new ArrayList<>();
            for (int p = 0; p < POLICIES; p++) {
                for (int r = 0; r < RESOURCES; r++) {
                    boolean fail = (p + r + index + round) % 9 == 0;
                    results.add(Map.of(
                            "policy",
                            "policy-" + p,
                            "rule",
                            "rule-" + p,
                            "result",
                            fail ? "fail" : "pass",
                            "message",
                            fail ? "validation error: rule policy-" + p + " failed for app-" + r : "passed",
                            "resources",
                            List.of(Map.of("apiVersion", "v1", "kind", "Pod", "namespace", ns, "name", "app-" + r))));
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("results", results);
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
                    body));
        }
        return cluster("spoke-" + index, ClusterRole.SPOKE, reports);
    }

    private static Cluster cluster(String name, ClusterRole role, List<KubeObject> objects) {
        return ClusterAssembler.assemble(
                new ClusterAssembler.Identity(name, name, role, "https://" + name + ".example", Set.of("bench")),
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
