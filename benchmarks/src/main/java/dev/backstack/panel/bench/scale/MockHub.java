package dev.backstack.panel.bench.scale;

import com.sun.management.OperatingSystemMXBean;
import dev.backstack.panel.bench.common.MockCluster;
import dev.backstack.panel.bench.common.Objects;
import dev.backstack.panel.bench.common.Quiet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load side of the scale benchmark, in its own JVM so that its CPU and heap are not the
 * panel's: a fabric8 mock hub (CRUD mode) seeded with {@link HubShape}, and a load generator that
 * writes to it through its own client. Talks to {@link ScaleBench} over stdin/stdout:
 * prints {@code READY <port> <objects> <seedMillis>}; on {@code GO <rate> <seconds>} drives
 * {@code rate} status changes per second (80% Application health flips, 10% PolicyReport
 * summaries, 10% Deployment readiness) from 4 writer threads on a fixed schedule, plus the sentinel
 * once a second, then prints {@code DONE sent=.. failed=.. seconds=.. cpu=..}; {@code QUIT} ends it.
 */
public final class MockHub {

    private static final int WRITERS = 4;

    public static void main(String[] args) throws Exception {
        Quiet.julWarningsOnly();
        HubShape shape = HubShape.parse(args);
        int port = 0;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        MockCluster hub = MockCluster.start(port);
        KubernetesClient client = hub.client();
        long t = System.nanoTime();
        seed(client, shape);
        System.out.printf(Locale.ROOT, "READY %d %d %d%n", hub.port(), shape.objects(), (System.nanoTime() - t) / 1_000_000);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] cmd = line.trim().split("\\s+");
            if (cmd[0].equals("GO")) {
                System.out.println(drive(client, shape, Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2])));
                System.out.flush();
            } else if (cmd[0].equals("QUIT")) {
                break;
            }
        }
        client.close();
        hub.close();
        System.exit(0);
    }

    static void seed(KubernetesClient client, HubShape s) throws Exception {
        Objects.seedCrds(client);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < s.spokes(); i++) {
            int spoke = i;
            done.add(pool.submit(() -> {
                create(client, Objects.SECRETS, Objects.spokeSecret(s.spokeName(spoke), s.spokeServer(spoke)));
                for (int j = 0; j < s.appsPerSpoke(); j++) {
                    create(client, Objects.APPLICATIONS, Objects.application(s.appName(spoke, j),
                            s.spokeServer(spoke), "Healthy", null));
                }
            }));
        }
        for (int i = 0; i < s.reports(); i++) {
            int r = i;
            done.add(pool.submit(() -> create(client, Objects.POLICY_REPORTS,
                    Objects.policyReport(s.reportNamespace(r), s.reportName(r), 10, 0))));
        }
        for (int i = 0; i < s.deployments(); i++) {
            int d = i;
            done.add(pool.submit(() -> create(client, Objects.DEPLOYMENTS,
                    Objects.deployment(s.deploymentNamespace(d), s.deploymentName(d), 1))));
        }
        done.add(pool.submit(() -> create(client, Objects.APPLICATIONS, Objects.application(HubShape.SENTINEL,
                "https://kubernetes.default.svc", "Healthy", "t=0"))));
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void create(KubernetesClient client, io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext ctx,
            GenericKubernetesResource obj) {
        client.genericKubernetesResources(ctx).inNamespace(obj.getMetadata().getNamespace()).resource(obj).create();
    }

    /** Writes {@code rate} changes per second for {@code seconds}; every writer takes the next free slot. */
    static String drive(KubernetesClient client, HubShape s, int rate, int seconds) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long intervalNanos = 1_000_000_000L / rate;
        long slots = (long) rate * seconds;
        AtomicLong next = new AtomicLong();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong maxLateNanos = new AtomicLong();
        byte[] appState = new byte[s.spokes() * s.appsPerSpoke()];
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            workers.add(pool.submit(() -> {
                java.util.SplittableRandom random = new java.util.SplittableRandom();
                long k;
                while ((k = next.getAndIncrement()) < slots) {
                    long due = start + k * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    } else {
                        maxLateNanos.accumulateAndGet(-wait, Math::max);
                    }
                    try {
                        change(client, s, k, random, appState);
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        workers.add(pool.submit(() -> {
            var sentinel = client.genericKubernetesResources(Objects.APPLICATIONS).inNamespace("argocd")
                    .withName(HubShape.SENTINEL);
            for (int i = 1; i <= seconds; i++) {
                sleepNanos(start + i * 1_000_000_000L - System.nanoTime());
                sentinel.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"health\":{\"message\":\"t="
                        + System.currentTimeMillis() + "\"}}}");
            }
        }));
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "DONE sent=%d failed=%d seconds=%.1f rate=%.1f maxLateMs=%d cpu=%.2f",
                sent.get(), failed.get(), wall, sent.get() / wall, maxLateNanos.get() / 1_000_000,
                (os.getProcessCpuTime() - cpu0) / 1e9 / wall);
    }

    private static void change(KubernetesClient client, HubShape s, long k, java.util.SplittableRandom random,
            byte[] appState) {
        int kind = (int) (k % 10);
        if (kind == 0 && s.reports() > 0) {
            int r = random.nextInt(s.reports());
            client.genericKubernetesResources(Objects.POLICY_REPORTS).inNamespace(s.reportNamespace(r))
                    .withName(s.reportName(r)).patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"summary\":{\"fail\":" + random.nextInt(3) + "}}");
        } else if (kind == 1 && s.deployments() > 0) {
            int d = random.nextInt(s.deployments());
            int ready = random.nextInt(2);
            client.genericKubernetesResources(Objects.DEPLOYMENTS).inNamespace(s.deploymentNamespace(d))
                    .withName(s.deploymentName(d)).patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"status\":{\"readyReplicas\":" + ready + ",\"availableReplicas\":" + ready + "}}");
        } else {
            int a = random.nextInt(appState.length);
            String health;
            synchronized (appState) {
                appState[a] ^= 1;
                health = appState[a] == 1 ? "Degraded" : "Healthy";
            }
            client.genericKubernetesResources(Objects.APPLICATIONS).inNamespace("argocd")
                    .withName(s.appName(a / s.appsPerSpoke(), a % s.appsPerSpoke()))
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"health\":{\"status\":\"" + health + "\"}}}");
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
