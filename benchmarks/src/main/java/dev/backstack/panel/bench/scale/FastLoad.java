package dev.backstack.panel.bench.scale;

import com.sun.management.OperatingSystemMXBean;
import dev.backstack.panel.bench.common.Objects;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a {@link ListWatchServer}, seeds it with {@link HubShape} and changes it in process: one scheduler
 * thread makes {@code rate} changes per second at a fixed rate (the same mix as the fabric8 load:
 * 80% Application health flips, 10% PolicyReport fail counts, 10% Deployment readiness) and
 * stamps the sentinel Application's message with the wall clock once a second.
 */
final class FastLoad implements MockHub.Load {

    private final ListWatchServer server;
    private final HubShape s;
    private final byte[] appState;
    private final SplittableRandom random = new SplittableRandom(42);

    FastLoad(HubShape shape, int port) throws Exception {
        this.server = new ListWatchServer(port);
        this.s = shape;
        this.appState = new byte[shape.spokes() * shape.appsPerSpoke()];
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void seed() {
        Objects.crds().forEach(c -> server.put(ListWatchServer.toMap(c)));
        for (int i = 0; i < s.spokes(); i++) {
            server.put(ListWatchServer.toMap(Objects.spokeSecret(s.spokeName(i), s.spokeServer(i))));
            for (int j = 0; j < s.appsPerSpoke(); j++) {
                server.put(
                        ListWatchServer.toMap(Objects.application(s.appName(i, j), s.spokeServer(i), "Healthy", null)));
            }
        }
        for (int i = 0; i < s.reports(); i++) {
            server.put(ListWatchServer.toMap(Objects.policyReport(s.reportNamespace(i), s.reportName(i), 10, 0)));
        }
        for (int i = 0; i < s.deployments(); i++) {
            server.put(ListWatchServer.toMap(Objects.deployment(s.deploymentNamespace(i), s.deploymentName(i), 1)));
        }
        server.put(ListWatchServer.toMap(
                Objects.application(HubShape.SENTINEL, "https://kubernetes.default.svc", "Healthy", "t=0")));
    }

    @Override
    public String drive(int rate, int seconds) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long slots = (long) rate * seconds;
        AtomicLong sent = new AtomicLong();
        AtomicLong maxLate = new AtomicLong();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        timer.scheduleAtFixedRate(
                () -> {
                    long k = sent.get();
                    if (k >= slots) {
                        return;
                    }
                    maxLate.accumulateAndGet(System.nanoTime() - (start + k * interval), Math::max);
                    change(k);
                    sent.incrementAndGet();
                    if (k % rate == rate - 1) {
                        stampSentinel();
                    }
                },
                0,
                interval,
                TimeUnit.NANOSECONDS);
        while (sent.get() < slots) {
            Thread.sleep(20);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        timer.shutdownNow();
        return String.format(
                Locale.ROOT,
                "DONE sent=%d failed=0 seconds=%.1f rate=%.1f maxLateMs=%d cpu=%.2f",
                sent.get(),
                wall,
                sent.get() / wall,
                maxLate.get() / 1_000_000,
                (os.getProcessCpuTime() - cpu0) / 1e9 / wall);
    }

    @SuppressWarnings("unchecked")
    private void change(long k) {
        int kind = (int) (k % 10);
        if (kind == 0 && s.reports() > 0) {
            int r = random.nextInt(s.reports());
            int fail = random.nextInt(3);
            server.update(
                    "wgpolicyk8s.io/policyreports",
                    s.reportNamespace(r),
                    s.reportName(r),
                    o -> o.put("summary", Map.of("pass", 10, "fail", fail, "warn", 0, "error", 0, "skip", 0)));
        } else if (kind == 1 && s.deployments() > 0) {
            int d = random.nextInt(s.deployments());
            int ready = random.nextInt(2);
            server.update(
                    "apps/deployments",
                    s.deploymentNamespace(d),
                    s.deploymentName(d),
                    o -> o.put("status", Objects.deploymentStatus(ready)));
        } else {
            int a = random.nextInt(appState.length);
            appState[a] ^= 1;
            String health = appState[a] == 1 ? "Degraded" : "Healthy";
            server.update(
                    "argoproj.io/applications",
                    "argocd",
                    s.appName(a / s.appsPerSpoke(), a % s.appsPerSpoke()),
                    o -> o.put("status", Objects.applicationStatus(health, null)));
        }
    }

    private void stampSentinel() {
        String stamp = "t=" + System.currentTimeMillis();
        server.update(
                "argoproj.io/applications",
                "argocd",
                HubShape.SENTINEL,
                o -> o.put("status", Objects.applicationStatus("Healthy", stamp)));
    }

    @Override
    public void close() {
        server.close();
    }
}
