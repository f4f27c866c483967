package dev.backstack.panel.bench.latency;

import dev.backstack.panel.bench.common.HeadlessFx;
import dev.backstack.panel.bench.common.Machine;
import dev.backstack.panel.bench.common.MockCluster;
import dev.backstack.panel.bench.common.Objects;
import dev.backstack.panel.bench.common.Quiet;
import dev.backstack.panel.bench.common.Results;
import dev.backstack.panel.bench.common.Stats;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.views.fleet.DashboardViewModel;
import dev.backstack.panel.views.fx.FxPump;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;

/**
 * Event-to-screen latency: a change in the API server to the dashboard view-model, against the
 * raw watch event of the same change, in one JVM. A fabric8 mock hub (CRUD mode) holds the CRDs,
 * {@value #BACKGROUND_APPS} background Argo CD Applications and {@code bench-app}; a
 * {@link FleetService} watches it, an {@link FxPump} on the (headless Monocle) FX thread applies
 * snapshots to a {@link DashboardViewModel}; an independent client watches {@code bench-app}; a
 * third client writes. Each change flips {@code bench-app}'s {@code status.health.status}
 * (Healthy/Degraded) and stamps its sequence number in {@code status.health.message}, so both
 * observers know which change they see. Times (System.nanoTime): t0 just before the PATCH,
 * t_raw when the raw watch event arrives, t_vm when {@code applications()} of the view-model
 * changes (listener on the FX thread, inside {@code apply}).
 *
 * <p>With {@code --churn N}, a fourth client also changes the other applications N times a second,
 * so that the FleetStore and the FxPump are never idle when a measured change arrives (with
 * changes only every 100-200 ms both are idle and only the coalesce interval shows).
 *
 * <p>Arguments: {@code [--coalesce MS] [--pump MS] [--changes N] [--warmup N] [--repeat N]
 * [--churn N] [--label TEXT]}. Target: p99 of (t_vm - t_raw) within 100 ms.
 */
public final class LatencyBench {

    static final int BACKGROUND_APPS = 40;
    static final String APP = "bench-app";
    static final String IN_CLUSTER = "https://kubernetes.default.svc";

    public static void main(String[] args) throws Exception {
        long coalesce = 50; // the app's FleetConnector.COALESCE_MILLIS
        long pump = 0; // the app applies each new snapshot on the next pulse
        int changes = 300;
        int warmup = 40;
        int repeat = 3;
        int churn = 0;
        String label = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--coalesce" -> coalesce = Long.parseLong(args[++i]);
                case "--pump" -> pump = Long.parseLong(args[++i]);
                case "--changes" -> changes = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--churn" -> churn = Integer.parseInt(args[++i]);
                case "--label" -> label = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (label == null) {
            label = "coalesce " + coalesce + " ms, pump " + pump + " ms" + (churn > 0 ? ", churn " + churn + "/s" : "");
        }
        Quiet.julWarningsOnly();
        HeadlessFx.start();
        Results out = new Results("latency");
        out.header("latency: API change -> view-model vs raw watch event (" + label + ")");
        out.line(
                "FleetStore coalesce %d ms, FxPump period %d ms; %d changes per run spaced 100-200 ms (uniform), "
                        + "first %d of the first run discarded as warm-up; background churn %d changes/s to other applications; "
                        + "mock server, panel, raw watch and writers in this JVM",
                coalesce, pump, changes, warmup, churn);
        List<Double> vm = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> screenPath = new ArrayList<>();
        int superseded = 0;
        for (int run = 0; run < repeat; run++) {
            Samples s = runOnce(coalesce, pump, changes, run == 0 ? warmup : 0, churn);
            for (int i = 0; i < s.t0.length; i++) {
                out.sample(
                        "%s\t%d\t%d\t%.3f\t%.3f\t%.3f",
                        label, run, i, s.rawMillis(i), s.vmMillis(i), s.vmMillis(i) - s.rawMillis(i));
            }
            out.line(
                    "run %d: t_vm - t0 %s | t_raw - t0 %s | t_vm - t_raw %s | superseded %d | load %s",
                    run,
                    s.vm().summary(),
                    s.raw().summary(),
                    s.screenPath().summary(),
                    s.superseded,
                    Machine.loadAverage());
            vm.addAll(s.vmList());
            raw.addAll(s.rawList());
            screenPath.addAll(s.screenPathList());
            superseded += s.superseded;
        }
        Stats p = Stats.of(screenPath);
        out.line("all runs (%s): t_vm - t0 %s", label, Stats.of(vm).summary());
        out.line("all runs (%s): t_raw - t0 %s", label, Stats.of(raw).summary());
        out.line(
                "all runs (%s): t_vm - t_raw %s; target p99 <= 100 ms: %s",
                label, p.summary(), p.percentile(99) <= 100 ? "MET" : "MISSED");
        out.line(
                "changes never seen on their own in the view-model (a later change overtook them; counted at the "
                        + "time the newer state appeared): %d",
                superseded);
        System.exit(0);
    }

    /** Times of one run, indexed by change; NaN where an observer never saw that change. */
    record Samples(long[] t0, long[] tRaw, long[] tVm, int superseded) {
        double rawMillis(int i) {
            return tRaw[i] == 0 ? Double.NaN : (tRaw[i] - t0[i]) / 1e6;
        }

        double vmMillis(int i) {
            return tVm[i] == 0 ? Double.NaN : (tVm[i] - t0[i]) / 1e6;
        }

        List<Double> rawList() {
            return seen(this::rawMillis);
        }

        List<Double> vmList() {
            return seen(this::vmMillis);
        }

        List<Double> screenPathList() {
            return seen(i -> tRaw[i] == 0 || tVm[i] == 0 ? Double.NaN : (tVm[i] - tRaw[i]) / 1e6);
        }

        Stats raw() {
            return Stats.of(rawList());
        }

        Stats vm() {
            return Stats.of(vmList());
        }

        Stats screenPath() {
            return Stats.of(screenPathList());
        }

        private List<Double> seen(java.util.function.IntToDoubleFunction f) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < t0.length; i++) {
                double v = f.applyAsDouble(i);
                if (!Double.isNaN(v)) {
                    out.add(v);
                }
            }
            return out;
        }
    }

    static Samples runOnce(long coalesce, long pumpMillis, int changes, int warmup, int churn) throws Exception {
        int total = warmup + changes;
        long[] t0 = new long[total];
        long[] tRaw = new long[total];
        long[] tVm = new long[total];
        try (MockCluster hub = MockCluster.start(0);
                KubernetesClient seed = hub.client();
                KubernetesClient panel = hub.client();
                KubernetesClient rawClient = hub.client();
                KubernetesClient writer = hub.client();
                KubernetesClient churner = hub.client()) {
            Objects.seedCrds(seed);
            seed.genericKubernetesResources(Objects.SECRETS)
                    .resource(Objects.spokeSecret("spoke-1", "https://10.0.0.1:6443"))
                    .create();
            for (int i = 0; i < BACKGROUND_APPS; i++) {
                seed.genericKubernetesResources(Objects.APPLICATIONS)
                        .resource(Objects.application(
                                String.format("app-%03d", i), "https://10.0.0.1:6443", "Healthy", null))
                        .create();
            }
            seed.genericKubernetesResources(Objects.APPLICATIONS)
                    .resource(Objects.application(APP, IN_CLUSTER, "Healthy", "bench--1"))
                    .create();

            FleetService service = FleetService.watching(
                    List.of(new FleetService.Target(
                            "hub", "hub", ClusterRole.HUB, hub.url(), Set.of("benchmark mock hub"), panel)),
                    coalesce);
            DashboardViewModel vm = HeadlessFx.call(() -> new DashboardViewModel(System::currentTimeMillis));
            int[] lastSeen = {-1};
            HeadlessFx.run(() -> vm.applications().addListener((ListChangeListener<ApplicationStatus>) c -> {
                long now = System.nanoTime();
                int seq = vm.applications().stream()
                        .filter(a -> APP.equals(a.name()))
                        .findFirst()
                        .map(a -> sequence(a.healthMessage()))
                        .orElse(-1);
                if (seq > lastSeen[0] && seq < total) {
                    tVm[seq] = now;
                    lastSeen[0] = seq;
                }
            }));
            FxPump pump = new FxPump(service::latest, vm::apply, pumpMillis);
            HeadlessFx.run(pump::start);
            if (!service.awaitSynced(60, TimeUnit.SECONDS)
                    || !await(() -> HeadlessFx.call(() -> vm.applications().size() == BACKGROUND_APPS + 1), 60_000)) {
                throw new IllegalStateException("the panel did not list the mock hub");
            }
            Watch watch = rawClient
                    .genericKubernetesResources(Objects.APPLICATIONS)
                    .inNamespace("argocd")
                    .withName(APP)
                    .watch(new Watcher<GenericKubernetesResource>() {
                        @Override
                        public void eventReceived(Action action, GenericKubernetesResource r) {
                            long now = System.nanoTime();
                            int seq = sequence(healthMessage(r));
                            if (seq >= 0 && seq < total && tRaw[seq] == 0) {
                                tRaw[seq] = now;
                            }
                        }

                        @Override
                        public void onClose(WatcherException cause) {}
                    });
            Thread.sleep(500);
            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
            if (churn > 0) {
                background.scheduleAtFixedRate(() -> churn(churner), 0, 1_000_000 / churn, TimeUnit.MICROSECONDS);
            }
            var app = writer.genericKubernetesResources(Objects.APPLICATIONS)
                    .inNamespace("argocd")
                    .withName(APP);
            for (int i = 0; i < total; i++) {
                String health = i % 2 == 0 ? "Degraded" : "Healthy";
                String patch =
                        "{\"status\":{\"health\":{\"status\":\"" + health + "\",\"message\":\"bench-" + i + "\"}}}";
                t0[i] = System.nanoTime();
                app.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                Thread.sleep(ThreadLocalRandom.current().nextLong(100, 201));
            }
            background.shutdownNow();
            Thread.sleep(2_000);
            HeadlessFx.run(pump::stop);
            watch.close();
            service.close();
            // a change overtaken by the next one before a snapshot showed it counts as shown when a newer state was
            int superseded = 0;
            for (int i = total - 1; i >= warmup; i--) {
                if (tVm[i] == 0) {
                    superseded++;
                    tVm[i] = i + 1 < total ? tVm[i + 1] : 0;
                }
            }
            return new Samples(
                    Arrays.copyOfRange(t0, warmup, total),
                    Arrays.copyOfRange(tRaw, warmup, total),
                    Arrays.copyOfRange(tVm, warmup, total),
                    superseded);
        }
    }

    /** One background change: a random other application's health message. */
    static void churn(KubernetesClient client) {
        int i = ThreadLocalRandom.current().nextInt(BACKGROUND_APPS);
        try {
            client.genericKubernetesResources(Objects.APPLICATIONS)
                    .inNamespace("argocd")
                    .withName(String.format("app-%03d", i))
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"status\":{\"health\":{\"message\":\"churn-" + System.nanoTime() + "\"}}}");
        } catch (RuntimeException e) {
            // a lost background change does not matter
        }
    }

    static String healthMessage(GenericKubernetesResource r) {
        Object status = r.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> s
                && s.get("health") instanceof Map<?, ?> h
                && h.get("message") instanceof String m) {
            return m;
        }
        return null;
    }

    static int sequence(String message) {
        if (message == null || !message.startsWith("bench-")) {
            return -1;
        }
        try {
            return Integer.parseInt(message.substring("bench-".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static boolean await(Check check, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (check.ok()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
