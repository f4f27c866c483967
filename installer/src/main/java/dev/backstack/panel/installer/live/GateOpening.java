package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.Reachability;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a session's {@link SessionGate}: at once when there is nothing to wait for; never when
 * it refuses; else by running its check on a thread of the engine's pool, asked again every
 * {@link #RETRY_MILLIS} after a failure. While it is shut, {@link #shut()} says what the cluster
 * waits for (connecting) or why it cannot be used (not connected).
 */
final class GateOpening {

    private static final Logger LOG = LoggerFactory.getLogger(GateOpening.class);
    /** How long a failed credential waits before it is asked for again (the plugin remembers timeouts itself). */
    static final long RETRY_MILLIS = 30_000;

    private final SessionGate gate;
    private final String clusterId;
    private final LiveThreads threads;
    private final Runnable changed;
    private final BooleanSupplier closed;
    private volatile Reachability shut;

    /**
     * @param changed tells the session's sink the reachability changed
     * @param closed  true once the session is closed: nothing opens then
     */
    GateOpening(SessionGate gate, String clusterId, LiveThreads threads, Runnable changed, BooleanSupplier closed) {
        this.gate = gate;
        this.clusterId = clusterId;
        this.threads = threads;
        this.changed = changed;
        this.closed = closed;
    }

    /** Runs {@code open} once the gate opens: here when nothing waits, else on the opener's thread. */
    void start(Runnable open) {
        if (gate.refuses()) {
            shut = Reachability.notConnected(gate.refusal());
            changed.run();
        } else if (!gate.waits()) {
            open.run();
        } else {
            shut = new Reachability(Reachability.State.CONNECTING, gate.waitingFor());
            changed.run();
            threads.blocking(() -> tryOpen(open));
        }
    }

    /** What the cluster waits for, or why it cannot be used; null once the gate is open. */
    Reachability shut() {
        return shut;
    }

    private void tryOpen(Runnable open) {
        try {
            gate.check().run();
        } catch (RuntimeException e) {
            if (closed.getAsBoolean()) {
                return;
            }
            shut = Reachability.notConnected(e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.info("Cannot connect to {}: {}", clusterId, shut.message());
            changed.run();
            threads.later(
                    () -> threads.blocking(() -> {
                        if (!closed.getAsBoolean()) {
                            tryOpen(open);
                        }
                    }),
                    RETRY_MILLIS);
            return;
        }
        shut = null;
        open.run();
    }
}
