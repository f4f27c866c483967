package dev.backstack.panel.bench.addons;

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
import dev.backstack.panel.views.addon.AddonMatrixView;
import dev.backstack.panel.views.addon.AddonMatrixViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The add-on matrix at fleet scale (issue 9): a hub with 300 spokes x 10 add-ons (3,000 Argo CD
 * Applications named {@code <spoke>-<add-on>}), the real {@link AddonMatrixView} on a headless
 * stage, and 50 Application changes a second (health, sync, retry count, last error, time of the
 * last sync), delivered as the app delivers them: the store coalesces into one fleet snapshot at
 * most every 100 ms and the pump applies the newest on the FX thread. Records every FX pulse gap
 * and the FX-thread time of {@code AddonMatrixViewModel.apply}. Target: no FX stall over 50 ms.
 * Run: {@code benchmarks/run.sh addons} (or the class's main with {@code --seconds N --spokes N
 * --addons N --rate N}).
 */
public final class AddonMatrixBench {

    private static final String[] HEALTH = {"Healthy", "Healthy", "Healthy", "Progressing", "Degraded"};

    private AddonMatrixBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 30);
        int spokes = intArg(args, "--spokes", 300);
        int addons = intArg(args, "--addons", 10);
        int rate = intArg(args, "--rate", 50);
        HeadlessFx.start();
        Results out = new Results("addons");
        out.header("add-on matrix, " + spokes + " spokes x " + addons + " add-ons (" + spokes * addons
                + " Applications), " + rate + " changes/s coalesced every 100 ms, for " + seconds + " s");
        Random random = new Random(9);
        KubeObject[] apps = new KubeObject[spokes * addons];
        for (int s = 0; s < spokes; s++) {
            for (int a = 0; a < addons; a++) {
                apps[s * addons + a] = app("spoke-" + s, "addon-" + a, "Healthy", 0, 0);
            }
        }
        List<Cluster> spokeClusters = new ArrayList<>();
        for (int s = 0; s < spokes; s++) {
            spokeClusters.add(cluster("spoke-" + s, ClusterRole.SPOKE, List.of()));
        }
        AddonMatrixViewModel vm = HeadlessFx.call(AddonMatrixViewModel::new);
        List<Double> gaps = Collections.synchronizedList(new ArrayList<>());
        List<Double> applies = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Fleet> latest = new java.util.concurrent.atomic.AtomicReference<>();
        List<Double> builds = new ArrayList<>();
        AnimationTimer pulses = HeadlessFx.call(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new AddonMatrixView(vm), 1400, 900));
            stage.show();
            AnimationTimer t = new AnimationTimer() {
                private long last;
                private long applied;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        gaps.add((now - last) / 1e6);
                    }
                    last = now;
                    // the app's FxPump: the newest snapshot, at most every 100 ms
                    Fleet next = latest.getAndSet(null);
                    if (next != null && now - applied >= 100_000_000L) {
                        long a = System.nanoTime();
                        vm.apply(next);
                        applies.add((System.nanoTime() - a) / 1e6);
                        applied = now;
                    } else if (next != null) {
                        latest.compareAndSet(null, next);
                    }
                }
            };
            t.start();
            return t;
        });
        long firstStart = System.nanoTime();
        Fleet first = fleet(apps, spokeClusters, 1);
        HeadlessFx.run(() -> vm.apply(first));
        double firstMs = (System.nanoTime() - firstStart) / 1e6;
        Thread.sleep(1000); // the first layout of the filled table
        gaps.clear();
        long end = System.currentTimeMillis() + seconds * 1000L;
        long changes = 0;
        long start = System.currentTimeMillis();
        applies.clear();
        for (long revision = 2; System.currentTimeMillis() < end; revision++) {
            long tick = System.currentTimeMillis();
            // the store's coalescing: every change due by now goes into this snapshot
            long due = (tick - start) * rate / 1000;
            while (changes < due) {
                int i = random.nextInt(apps.length);
                int s = i / addons;
                int a = i % addons;
                String health = HEALTH[random.nextInt(HEALTH.length)];
                apps[i] = app("spoke-" + s, "addon-" + a, health, random.nextInt(4), revision);
                changes++;
            }
            long b = System.nanoTime();
            Fleet snapshot = fleet(apps, spokeClusters, revision);
            builds.add((System.nanoTime() - b) / 1e6);
            latest.set(snapshot);
            Thread.sleep(Math.max(0, 100 - (System.currentTimeMillis() - tick)));
        }
        HeadlessFx.run(pulses::stop);
        List<Double> g;
        synchronized (gaps) {
            g = List.copyOf(gaps);
        }
        Stats gapStats = Stats.of(g);
        Stats applyStats;
        synchronized (applies) {
            applyStats = Stats.of(List.copyOf(applies));
        }
        Stats buildStats = Stats.of(builds);
        long stalls = g.stream().filter(x -> x > 50).count();
        out.line("first snapshot applied (3,000 cells): %.0f ms", firstMs);
        out.line(
                "changes: %d in %d s (%.1f/s), %d snapshots built, %d applied",
                changes, seconds, changes / (double) seconds, builds.size(), applyStats.count());
        out.line(
                "snapshot build off the FX thread (hub assembled from its Applications): p50 %.1f ms, p99 %.1f ms",
                buildStats.median(), buildStats.percentile(99));
        out.line(
                "apply per snapshot (FX thread): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                applyStats.median(), applyStats.percentile(99), applyStats.max());
        out.line(
                "FX pulse gaps: p50 %.1f ms, p99 %.1f ms, max %.1f ms; gaps over 50 ms: %d of %d",
                gapStats.median(), gapStats.percentile(99), gapStats.max(), stalls, g.size());
        System.exit(0);
    }

    private static Fleet fleet(KubeObject[] apps, List<Cluster> spokes, long revision) {
        Cluster hub = cluster("hub", ClusterRole.HUB, List.of(apps));
        return new Fleet(hub, spokes, List.of(), false, revision, System.currentTimeMillis());
    }

    private static KubeObject app(String spoke, String addon, String health, int retries, long round) {
        boolean failed = health.equals("Degraded");
        String at = Instant.parse("2026-11-26T06:00:00Z").plusSeconds(round).toString();
        Map<String, Object> status = Map.of(
                "health",
                failed
                        ? Map.of(
                                "status",
                                health,
                                "message",
                                "Deployment " + addon + "/" + addon + ": container is in CrashLoopBackOff")
                        : Map.of("status", health),
                "sync",
                Map.of("status", failed ? "OutOfSync" : "Synced"),
                "operationState",
                Map.of(
                        "phase",
                        failed ? "Failed" : "Succeeded",
                        "retryCount",
                        retries,
                        "message",
                        failed ? "one or more objects failed to apply" : "successfully synced",
                        "startedAt",
                        at,
                        "finishedAt",
                        at));
        return new KubeObject(
                "argoproj.io/v1alpha1",
                "Application",
                "argocd",
                spoke + "-" + addon,
                "uid-" + spoke + "-" + addon,
                1,
                null,
                null,
                Map.of(),
                Map.of(),
                List.of(),
                Map.of(
                        "spec",
                        Map.of(
                                "project",
                                "default",
                                "destination",
                                Map.of("server", "https://" + spoke + ".example", "namespace", addon)),
                        "status",
                        status));
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
