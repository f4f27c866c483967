package dev.backstack.panel.bench.scale;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU and heap of this JVM over a measurement window: process CPU time, CPU time per thread
 * (grouped by name with digits folded, e.g. {@code vert.x-eventloop-thread-#}), GC count and
 * time, the peak heap in use (sampled every 50 ms), and the machine's busy cores from
 * /proc/stat (to show what else ran on the 2 cores at the time).
 */
final class ResourceMeter {

    record Window(
            double wallSeconds,
            double processCores,
            Map<String, Double> threadCores,
            long gcCount,
            long gcMillis,
            long peakHeapBytes,
            double machineBusyCores) {}

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long wall0;
    private long cpu0;
    private Map<Long, Long> threadCpu0;
    private long gcCount0;
    private long gcTime0;
    private long[] machine0;
    private volatile long peakHeap;
    private volatile boolean sampling;
    private Thread sampler;

    void start() {
        wall0 = System.nanoTime();
        cpu0 = os.getProcessCpuTime();
        threadCpu0 = threadCpu();
        gcCount0 = gcCount();
        gcTime0 = gcTime();
        machine0 = machineTicks();
        peakHeap = memory.getHeapMemoryUsage().getUsed();
        sampling = true;
        sampler = new Thread(
                () -> {
                    while (sampling) {
                        peakHeap =
                                Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Window stop() {
        sampling = false;
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        Map<Long, Long> end = threadCpu();
        Map<String, Double> byName = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.put(t.getId(), t.getName().replaceAll("\\d+", "#"));
        }
        end.forEach((id, nanos) -> {
            long delta = nanos - threadCpu0.getOrDefault(id, 0L);
            byName.merge(names.getOrDefault(id, "ended thread"), delta / 1e9 / wall, Double::sum);
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        long[] machine1 = machineTicks();
        double busy = Double.NaN;
        if (machine0 != null && machine1 != null) {
            long total = machine1[0] - machine0[0];
            long idle = machine1[1] - machine0[1];
            busy = total == 0
                    ? Double.NaN
                    : (double) (total - idle) / total * Runtime.getRuntime().availableProcessors();
        }
        return new Window(wall, cpu / wall, sorted, gcCount() - gcCount0, gcTime() - gcTime0, peakHeap, busy);
    }

    /** Heap in use after two full collections. */
    long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
        System.gc();
        Thread.sleep(500);
        return memory.getHeapMemoryUsage().getUsed();
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> out = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcTime() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    /** {total, idle} jiffies of all CPUs, or null off Linux. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
