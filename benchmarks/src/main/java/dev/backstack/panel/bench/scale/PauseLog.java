package dev.backstack.panel.bench.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordingStream;

/**
 * Every safepoint of this JVM while it records (JFR event streaming, in process): when it began
 * (the VM asked all threads to stop), when it ended, and the VM operation (for G1 mostly
 * {@code G1CollectForAllocation}, a young collection). The time to reach a safepoint counts: on a
 * busy machine, descheduled threads make it long. Used to tell an FX stall caused by a pause of
 * the whole JVM from one where the FX thread itself was busy or not scheduled.
 */
final class PauseLog implements AutoCloseable {

    record Pause(Instant begin, Instant end, String operation) {
        double millis() {
            return Duration.between(begin, end).toNanos() / 1e6;
        }

        /** Milliseconds of this pause inside [from, to]. */
        double overlapMillis(Instant from, Instant to) {
            Instant a = begin.isAfter(from) ? begin : from;
            Instant b = end.isBefore(to) ? end : to;
            return b.isAfter(a) ? Duration.between(a, b).toNanos() / 1e6 : 0;
        }
    }

    private final RecordingStream stream = new RecordingStream();
    private final Map<Long, Instant> begins = new ConcurrentHashMap<>();
    private final Map<Long, String> operations = new ConcurrentHashMap<>();
    private final List<Pause> pauses = new CopyOnWriteArrayList<>();

    PauseLog() {
        stream.enable("jdk.SafepointBegin").withThreshold(Duration.ZERO);
        stream.enable("jdk.SafepointEnd").withThreshold(Duration.ZERO);
        stream.enable("jdk.ExecuteVMOperation").withThreshold(Duration.ZERO);
        stream.onEvent("jdk.SafepointBegin", e -> begins.put(e.getLong("safepointId"), e.getStartTime()));
        stream.onEvent("jdk.ExecuteVMOperation", e -> {
            if (e.getBoolean("safepoint")) {
                operations.put(e.getLong("safepointId"), e.getString("operation"));
            }
        });
        stream.onEvent("jdk.SafepointEnd", e -> {
            long id = e.getLong("safepointId");
            Instant begin = begins.remove(id);
            if (begin != null) {
                pauses.add(new Pause(begin, e.getEndTime(), operations.getOrDefault(id, "?")));
            }
        });
        stream.startAsync();
    }

    /** Clears what was recorded so far. */
    void reset() {
        pauses.clear();
    }

    /** The pauses so far, after waiting for JFR to deliver the latest (it flushes about once a second). */
    List<Pause> pauses() throws InterruptedException {
        Thread.sleep(2_500);
        return List.copyOf(pauses);
    }

    @Override
    public void close() {
        stream.close();
    }
}
