package dev.backstack.panel.bench.scale;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Fleet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * What the FX thread does under load, recorded on the FX thread itself: the gap between
 * consecutive pulses (an AnimationTimer; any work on the FX thread, apply, CSS, layout or render,
 * delays the next pulse, so the longest gap is the longest stall), the duration and the FX
 * thread's CPU time of every {@code DashboardViewModel.apply} (by wrapping the FxPump's sink), and how stale the sentinel
 * Application's wall-clock stamp is when a snapshot carrying a new stamp is applied. For each gap
 * over 50 ms it keeps when it began and ended and how much CPU the FX thread used within it
 * (little CPU means the thread was paused or not scheduled, not busy).
 * Read the results with {@link #snapshot()} on the FX thread.
 */
final class FxProbe {

    /** A pulse gap over {@value #LONG_GAP_MILLIS} ms: when it began and ended, and FX-thread CPU within it. */
    record LongGap(Instant begin, Instant end, double gapMillis, double fxCpuMillis) {}

    /** Copies of the samples, in milliseconds. */
    record Samples(
            double[] pulseGaps,
            double[] applies,
            double[] applyCpu,
            double[] sentinelLags,
            long appliesTotal,
            List<LongGap> longGaps) {}

    static final double LONG_GAP_MILLIS = 50;

    private final AnimationTimer timer;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<LongGap> longGaps = new ArrayList<>();
    private long lastPulse;
    private long lastCpu;
    private Instant lastPulseAt;
    private boolean recording;
    private double[] gaps = new double[4096];
    private int gapCount;
    private double[] applies = new double[1024];
    private double[] applyCpu = new double[1024];
    private int applyCount;
    private double[] lags = new double[256];
    private int lagCount;
    private long appliesTotal;
    private String lastStamp = "";

    FxProbe() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                Instant at = Instant.now();
                long cpu = threads.getCurrentThreadCpuTime();
                if (recording && lastPulse != 0) {
                    double gap = (t - lastPulse) / 1e6;
                    gaps = add(gaps, gapCount++, gap);
                    if (gap > LONG_GAP_MILLIS) {
                        longGaps.add(new LongGap(lastPulseAt, at, gap, (cpu - lastCpu) / 1e6));
                    }
                }
                lastPulse = t;
                lastPulseAt = at;
                lastCpu = cpu;
            }
        };
    }

    /** Call on the FX thread. */
    void start() {
        timer.start();
    }

    /** Wraps the pump's sink; the returned consumer runs on the FX thread. */
    Consumer<Fleet> timing(Consumer<Fleet> sink) {
        return fleet -> {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            sink.accept(fleet);
            long took = System.nanoTime() - t;
            long tookCpu = threads.getCurrentThreadCpuTime() - cpu;
            if (recording) {
                applyCpu = add(applyCpu, applyCount, tookCpu / 1e6);
                applies = add(applies, applyCount++, took / 1e6);
                appliesTotal++;
                sentinel(fleet);
            }
        };
    }

    private void sentinel(Fleet fleet) {
        for (ApplicationStatus a : fleet.hub().applications()) {
            if (HubShape.SENTINEL.equals(a.name())) {
                String m = a.healthMessage();
                if (m != null && m.startsWith("t=") && !m.equals(lastStamp) && !m.equals("t=0")) {
                    lastStamp = m;
                    lags = add(lags, lagCount++, System.currentTimeMillis() - Long.parseLong(m.substring(2)));
                }
                return;
            }
        }
    }

    /** Starts (true) or stops recording; clears the samples when starting. Call on the FX thread. */
    void record(boolean on) {
        if (on) {
            gapCount = 0;
            applyCount = 0;
            lagCount = 0;
            appliesTotal = 0;
            lastPulse = 0;
            longGaps.clear();
        }
        recording = on;
    }

    /** Call on the FX thread. */
    Samples snapshot() {
        return new Samples(
                Arrays.copyOf(gaps, gapCount),
                Arrays.copyOf(applies, applyCount),
                Arrays.copyOf(applyCpu, applyCount),
                Arrays.copyOf(lags, lagCount),
                appliesTotal,
                List.copyOf(longGaps));
    }

    private static double[] add(double[] a, int index, double v) {
        double[] out = index < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[index] = v;
        return out;
    }
}
