package dev.backstack.panel.views.fx;

import dev.backstack.panel.model.Fleet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;

/**
 * The one path from the live status engine to the screen: on the first FX pulse after the store
 * published a new fleet snapshot, it hands the newest one to the view-models in one batch (the
 * store already coalesces events, so there is no second timer here). It never waits on I/O: the
 * supplier returns the latest published snapshot. Also ticks once a second without a new
 * snapshot, so ages stay current.
 */
public final class FxPump {

    private final Supplier<Fleet> source;
    private final Consumer<Fleet> sink;
    private final long periodNanos;
    private final AnimationTimer timer;
    private long lastRevision = -1;
    private long lastApplied;

    /** Applies each new snapshot on the next pulse. */
    public FxPump(Supplier<Fleet> source, Consumer<Fleet> sink) {
        this(source, sink, 0);
    }

    /** Applies at most once every {@code periodMillis} (0: on every pulse with a new snapshot; benchmarks compare). */
    public FxPump(Supplier<Fleet> source, Consumer<Fleet> sink, long periodMillis) {
        this.source = source;
        this.sink = sink;
        this.periodNanos = periodMillis * 1_000_000L;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        };
    }

    private void tick(long now) {
        if (now - lastApplied < periodNanos) {
            return;
        }
        Fleet fleet = source.get();
        boolean changed = fleet != null && fleet.revision() != lastRevision;
        if (changed || now - lastApplied >= 1_000_000_000L) {
            lastApplied = now;
            if (fleet != null) {
                lastRevision = fleet.revision();
                sink.accept(fleet);
            }
        }
    }

    /** Call on the FX thread. */
    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }
}
