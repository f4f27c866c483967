package dev.backstack.panel.bench.scale;

import com.sun.management.OperatingSystemMXBean;
import dev.backstack.panel.bench.common.MockCluster;
import dev.backstack.panel.bench.common.Objects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub on fabric8's KubernetesMockServer (CRUD mode), seeded and changed through a fabric8
 * client like any API server: creates from 4 threads, then JSON merge patches from 4 writer
 * threads, each taking the next slot of a fixed schedule. At 20,000 objects this server is the
 * bottleneck (it scans every object per request on one event loop): see docs/benchmarks.md.
 */
final class Fabric8Load implements MockHub.Load {

    private static final int WRITERS = 4;

    private final HubShape shape;
    private final MockCluster hub;
    private final KubernetesClient client;

    Fabric8Load(HubShape shape, int port) {
        this.shape = shape;
        this.hub = MockCluster.start(port);
        this.client = hub.client();
    }

    @Override
    public String url() {
        return hub.url();
    }

    @Override
    public void seed() throws Exception {
        HubShape s = shape;
        Objects.seedCrds(client);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < s.spokes(); i++) {
            int spoke = i;
            done.add(pool.submit(() -> {
                create(client, Objects.SECRETS, Objects.spokeSecret(s.spokeName(spoke), s.spokeServer(spoke)));
                for (int j = 0; j < s.appsPerSpoke(); j++) {
                    create(
                            client,
                            Objects.APPLICATIONS,
                            Objects.application(s.appName(spoke, j), s.spokeServer(spoke), "Healthy", null));
                }
            }));
        }
        for (int i = 0; i < s.reports(); i++) {
            int r = i;
            done.add(pool.submit(() -> create(
                    client,
                    Objects.POLICY_REPORTS,
                    Objects.policyReport(s.reportNamespace(r), s.reportName(r), 10, 0))));
        }
        for (int i = 0; i < s.deployments(); i++) {
            int d = i;
            done.add(pool.submit(() -> create(
                    client,
                    Objects.DEPLOYMENTS,
                    Objects.deployment(s.deploymentNamespace(d), s.deploymentName(d), 1))));
        }
        done.add(pool.submit(() -> create(
                client,
                Objects.APPLICATIONS,
                Objects.application(HubShape.SENTINEL, "https://kubernetes.default.svc", "Healthy", "t=0"))));
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void create(KubernetesClient client, ResourceDefinitionContext ctx, GenericKubernetesResource obj) {
        client.genericKubernetesResources(ctx)
                .inNamespace(obj.getMetadata().getNamespace())
                .resource(obj)
                .create();
    }

    /** Writes {@code rate} changes per second for {@code seconds}; every writer takes the next free slot. */
    @Override
    public String drive(int rate, int seconds) throws Exception {
        HubShape s = shape;
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
            var sentinel = client.genericKubernetesResources(Objects.APPLICATIONS)
                    .inNamespace("argocd")
                    .withName(HubShape.SENTINEL);
            for (int i = 1; i <= seconds; i++) {
                sleepNanos(start + i * 1_000_000_000L - System.nanoTime());
                sentinel.patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"status\":{\"health\":{\"message\":\"t=" + System.currentTimeMillis() + "\"}}}");
            }
        }));
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - start) / 1e9;
        return String.format(
                Locale.ROOT,
                "DONE sent=%d failed=%d seconds=%.1f rate=%.1f maxLateMs=%d cpu=%.2f",
                sent.get(),
                failed.get(),
                wall,
                sent.get() / wall,
                maxLateNanos.get() / 1_000_000,
                (os.getProcessCpuTime() - cpu0) / 1e9 / wall);
    }

    private static void change(
            KubernetesClient client, HubShape s, long k, java.util.SplittableRandom random, byte[] appState) {
        int kind = (int) (k % 10);
        if (kind == 0 && s.reports() > 0) {
            int r = random.nextInt(s.reports());
            client.genericKubernetesResources(Objects.POLICY_REPORTS)
                    .inNamespace(s.reportNamespace(r))
                    .withName(s.reportName(r))
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"summary\":{\"fail\":" + random.nextInt(3) + "}}");
        } else if (kind == 1 && s.deployments() > 0) {
            int d = random.nextInt(s.deployments());
            int ready = random.nextInt(2);
            client.genericKubernetesResources(Objects.DEPLOYMENTS)
                    .inNamespace(s.deploymentNamespace(d))
                    .withName(s.deploymentName(d))
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"status\":{\"readyReplicas\":" + ready + ",\"availableReplicas\":" + ready + "}}");
        } else {
            int a = random.nextInt(appState.length);
            String health;
            synchronized (appState) {
                appState[a] ^= 1;
                health = appState[a] == 1 ? "Degraded" : "Healthy";
            }
            client.genericKubernetesResources(Objects.APPLICATIONS)
                    .inNamespace("argocd")
                    .withName(s.appName(a / s.appsPerSpoke(), a % s.appsPerSpoke()))
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"status\":{\"health\":{\"status\":\"" + health + "\"}}}");
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

    @Override
    public void close() {
        client.close();
        hub.close();
    }
}
