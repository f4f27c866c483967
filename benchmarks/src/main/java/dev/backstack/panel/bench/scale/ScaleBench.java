package dev.backstack.panel.bench.scale;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.bench.common.HeadlessFx;
import dev.backstack.panel.bench.common.Machine;
import dev.backstack.panel.bench.common.MockCluster;
import dev.backstack.panel.bench.common.Quiet;
import dev.backstack.panel.bench.common.Results;
import dev.backstack.panel.bench.common.Stats;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.views.component.ComponentDetailViewModel;
import dev.backstack.panel.views.fleet.DashboardViewModel;
import dev.backstack.panel.views.fx.FxPump;
import dev.backstack.panel.views.fx.FxThread;
import dev.backstack.panel.views.shell.DashboardView;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Scale benchmark: the panel on a hub with 300 spokes and ~20,000 watched objects, under 200
 * status changes per second. The hub and the load generator run in a separate JVM
 * ({@link MockHub}: by default the {@link ListWatchServer}, with {@code --server fabric8} fabric8's
 * KubernetesMockServer); this JVM runs only the panel: a {@link FleetService} watching the hub, an
 * {@link FxPump} applying snapshots to a {@link DashboardViewModel} on the headless (Monocle) FX
 * thread, and with {@code --with-view} the real {@link DashboardView} in a 1360 x 860 Stage.
 * Measured over the load window: FX pulse gaps and apply durations ({@link FxProbe}), CPU of the
 * process and of the fleet-store and FX threads, GC, the peak heap, and the heap after a full GC
 * at the end ({@link ResourceMeter}).
 *
 * <p>Arguments: {@code [--seconds N] [--rate N] [--coalesce MS] [--pump MS] [--with-view]
 * [--server fast|fabric8] [--mock-jvm-arg ARG]... [HubShape flags]}. Targets: no FX stall over 50 ms, heap after GC
 * under 256 MB, CPU under half a core, FX pulse gaps p99 under 20 ms. Run this JVM with a fixed -Xmx (run.sh: -Xmx1g).
 */
public final class ScaleBench {

    public static void main(String[] args) throws Exception {
        int seconds = 60;
        int rate = 200;
        long coalesce = 50; // the app's FleetConnector.COALESCE_MILLIS
        long pumpMillis = 0; // the app applies each new snapshot on the next pulse
        boolean withView = false;
        List<String> mockJvmArgs = new ArrayList<>(List.of("-Xmx2g"));
        String server = "fast";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--coalesce" -> coalesce = Long.parseLong(args[++i]);
                case "--pump" -> pumpMillis = Long.parseLong(args[++i]);
                case "--with-view" -> withView = true;
                case "--mock-jvm-arg" -> mockJvmArgs.add(args[++i]);
                case "--server" -> server = args[++i];
                case "--spokes", "--apps-per-spoke", "--reports", "--deployments" -> i++;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        HubShape shape = HubShape.parse(args);
        Quiet.julWarningsOnly();
        Results out = new Results("scale");
        out.header("scale: " + shape.spokes() + " spokes, " + shape.objects() + " objects, " + rate + " changes/s for "
                + seconds + " s" + (withView ? ", with the DashboardView on screen" : ", view-model only"));
        out.line(
                "panel JVM: %s; hub server (%s) + load generator in a separate JVM %s; FleetStore coalesce %d ms, "
                        + "FxPump %d ms",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                server,
                mockJvmArgs,
                coalesce,
                pumpMillis);

        Process mock = startMock(shape, server, mockJvmArgs);
        LinkedBlockingQueue<String> mockLines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            mockLines.add(line);
                        }
                    } catch (Exception e) {
                        mockLines.add("EOF " + e);
                    }
                },
                "mock-hub-stdout");
        reader.setDaemon(true);
        reader.start();
        PrintWriter toMock = new PrintWriter(mock.getOutputStream(), true, StandardCharsets.UTF_8);
        try {
            String[] ready = expect(mockLines, "READY", 900).split(" ");
            out.line("hub server (%s) seeded: %s objects in %s ms (%s)", server, ready[2], ready[3], ready[1]);
            run(out, shape, ready[1], toMock, mockLines, seconds, rate, coalesce, pumpMillis, withView);
        } finally {
            toMock.println("QUIT");
            if (!mock.waitFor(10, TimeUnit.SECONDS)) {
                mock.destroyForcibly();
            }
        }
        System.exit(0);
    }

    private static void run(
            Results out,
            HubShape shape,
            String url,
            PrintWriter toMock,
            LinkedBlockingQueue<String> mockLines,
            int seconds,
            int rate,
            long coalesce,
            long pumpMillis,
            boolean withView)
            throws Exception {
        HeadlessFx.start();
        KubernetesClient client = MockCluster.client(url);
        DashboardViewModel vm = HeadlessFx.call(() -> new DashboardViewModel(System::currentTimeMillis));
        FxProbe probe = new FxProbe();
        long t0 = System.nanoTime();
        FleetService service = FleetService.watching(
                List.of(new FleetService.Target("hub", "hub", ClusterRole.HUB, url, Set.of("benchmark hub"), client)),
                coalesce);
        FxPump pump = new FxPump(service::latest, probe.timing(vm::apply), pumpMillis);
        HeadlessFx.run(() -> {
            probe.start();
            pump.start();
            if (withView) {
                showDashboard(vm, service);
            }
        });
        boolean synced = service.awaitSynced(300, TimeUnit.SECONDS)
                && await(
                        () -> HeadlessFx.call(() -> vm.clusters().size() == shape.spokes() + 1
                                && vm.applications().size() == shape.applications()),
                        300_000);
        out.line(
                "initial sync (FleetService created -> view-model shows %d clusters and %d applications): %s",
                shape.spokes() + 1,
                shape.applications(),
                synced ? (System.nanoTime() - t0) / 1_000_000 + " ms" : "TIMED OUT");
        if (!synced) {
            out.line(
                    "view-model has %d clusters, %d applications",
                    HeadlessFx.call(() -> vm.clusters().size()),
                    HeadlessFx.call(() -> vm.applications().size()));
            return;
        }
        Thread.sleep(5_000);
        ResourceMeter meter = new ResourceMeter();
        PauseLog pauseLog = new PauseLog();
        long revision0 = service.latest().revision();
        HeadlessFx.run(() -> probe.record(true));
        pauseLog.reset();
        java.time.Instant loadStart = java.time.Instant.now();
        meter.start();
        toMock.println("GO " + rate + " " + seconds);
        String done = expect(mockLines, "DONE", seconds + 300L);
        ResourceMeter.Window w = meter.stop();
        java.time.Instant loadEnd = java.time.Instant.now();
        HeadlessFx.run(() -> probe.record(false));
        FxProbe.Samples s = HeadlessFx.call(probe::snapshot);
        List<PauseLog.Pause> pauses = pauseLog.pauses().stream()
                .filter(p -> p.end().isAfter(loadStart) && p.begin().isBefore(loadEnd))
                .toList();
        pauseLog.close();
        long revisions = service.latest().revision() - revision0;
        long heapAfterGc = meter.heapAfterGc();

        out.line("load side: %s", done);
        Stats gaps = Stats.of(s.pulseGaps());
        Stats applies = Stats.of(s.applies());
        Stats lags = Stats.of(s.sentinelLags());
        out.line(
                "FX pulse gap ms: %s; gaps > 50 ms: %d; target max <= 50 ms: %s, p99 < 20 ms: %s",
                gaps.summary(),
                gaps.above(50),
                gaps.max() <= 50 ? "MET" : "MISSED",
                gaps.percentile(99) < 20 ? "MET" : "MISSED");
        int pausedStalls = 0;
        for (FxProbe.LongGap g : s.longGaps()) {
            List<PauseLog.Pause> during = pauses.stream()
                    .filter(p -> p.overlapMillis(g.begin(), g.end()) > 0)
                    .toList();
            double paused = during.stream()
                    .mapToDouble(p -> p.overlapMillis(g.begin(), g.end()))
                    .sum();
            pausedStalls += paused >= g.gapMillis() / 2 ? 1 : 0;
            out.line(
                    "  stall %.0f ms: FX thread CPU %.1f ms, JVM at safepoints %.0f ms within it %s",
                    g.gapMillis(),
                    g.fxCpuMillis(),
                    paused,
                    during.stream()
                            .filter(p -> p.millis() >= 5)
                            .map(p -> String.format(java.util.Locale.ROOT, "%s %.0f ms", p.operation(), p.millis()))
                            .toList());
        }
        Stats pauseStats = Stats.of(pauses.stream().map(PauseLog.Pause::millis).toList());
        out.line(
                "stalls over 50 ms mostly (>= half) spent at a safepoint: %d of %d (in the others, what is neither FX "
                        + "thread CPU nor a safepoint is time the FX thread waited to be scheduled); safepoints during the load: %s ms",
                pausedStalls, s.longGaps().size(), pauseStats.summary());
        out.line(
                "DashboardViewModel.apply ms: %s (snapshots published %d, applied %d); its FX thread CPU ms: %s",
                applies.summary(),
                revisions,
                s.appliesTotal(),
                Stats.of(s.applyCpu()).summary());
        out.line("sentinel change -> applied to the view-model, ms: %s", lags.summary());
        out.line(
                "CPU over %.1f s: process %.2f cores (target < 0.5: %s); fleet-store %.2f; FX thread %.2f; "
                        + "machine busy %.2f of %d cores",
                w.wallSeconds(),
                w.processCores(),
                w.processCores() < 0.5 ? "MET" : "MISSED",
                w.threadCores().getOrDefault("fleet-store", 0.0),
                w.threadCores().getOrDefault("JavaFX Application Thread", 0.0),
                w.machineBusyCores(),
                Runtime.getRuntime().availableProcessors());
        StringBuilder top = new StringBuilder();
        w.threadCores().entrySet().stream()
                .limit(8)
                .forEach(e -> top.append(String.format(java.util.Locale.ROOT, " %s=%.2f", e.getKey(), e.getValue())));
        double javaThreads = w.threadCores().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        out.line(
                "top threads (cores):%s; all Java threads %.2f, the rest (GC and JIT threads) %.2f",
                top, javaThreads, w.processCores() - javaThreads);
        out.line(
                "GC: %d collections, %d ms; heap peak in use %d MB; heap after full GC %d MB (target < 256 MB: %s); -Xmx %d MB",
                w.gcCount(),
                w.gcMillis(),
                w.peakHeapBytes() >> 20,
                heapAfterGc >> 20,
                heapAfterGc < 256L << 20 ? "MET" : "MISSED",
                Runtime.getRuntime().maxMemory() >> 20);
        out.line("load average at the end: %s", Machine.loadAverage());
        for (double g : s.pulseGaps()) {
            out.sample("gap\t%.3f", g);
        }
        for (double a : s.applies()) {
            out.sample("apply\t%.3f", a);
        }
        HeadlessFx.run(pump::stop);
        service.close();
        client.close();
    }

    private static void showDashboard(DashboardViewModel vm, FleetService service) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ComponentDetailViewModel detail = new ComponentDetailViewModel(
                Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-background");
                    t.setDaemon(true);
                    return t;
                }),
                FxThread.executor());
        detail.setInspectors(service::inspector);
        DashboardView view = new DashboardView(vm, detail, url -> {}, () -> {}, () -> {});
        Scene scene = new Scene(view, 1360, 860);
        scene.getStylesheets()
                .add(DashboardView.class
                        .getResource("/dev/backstack/panel/views/panel.css")
                        .toExternalForm());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
    }

    private static Process startMock(HubShape shape, String server, List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MockHub.class.getName());
        cmd.addAll(shape.args());
        cmd.addAll(List.of("--server", server));
        File log = Path.of(System.getProperty("bench.results", "benchmarks/results"), "mockhub.log")
                .toFile();
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }

    private static String expect(LinkedBlockingQueue<String> lines, String prefix, long timeoutSeconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("the mock hub did not say " + prefix + " in " + timeoutSeconds + " s");
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("EOF")) {
                throw new IllegalStateException("the mock hub ended: " + line);
            }
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static boolean await(Check check, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (check.ok()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
