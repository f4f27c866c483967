package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.WatchState;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How the headless commands get their one snapshot: wait for every watch to list once, let the
 * data settle, then wait up to {@code --wait} seconds for the command's goal.
 *
 * <p>Settling: on the demo, the story must reach its steady state and the panel's watches must
 * have caught up with it (none starting or reconnecting: spoke-3 refuses connections until it is
 * provisioned); on any fleet, no new snapshot may have been published for {@link #QUIET_MILLIS}.
 * Both are bounded, so the longest a command waits is {@link #SYNC_SECONDS} + the settle bound
 * + {@code --wait}.
 */
final class FleetWait {

    /** The demo runs ten times faster here so its story settles within a few seconds. */
    static final long DEMO_TICK_MILLIS = 100;
    /** At most this long after the demo's story settled for the watches to catch up with it. */
    static final long DEMO_SETTLE_MILLIS = 5000;
    /** At most this long for a real fleet to go quiet once every watch listed. */
    static final long SETTLE_MILLIS = 1000;
    /** A snapshot is taken once none newer came for this long (three times the store's coalescing). */
    static final long QUIET_MILLIS = 300;
    /** At most this long for every reachable watch to list once. */
    static final long SYNC_SECONDS = 30;
    private static final long POLL_MILLIS = 25;

    private FleetWait() {
    }

    /** The first complete snapshot, or a later one that meets {@code goal} within {@code waitSeconds}. */
    static Fleet await(FleetService service, PrintStream err, int waitSeconds, Predicate<Fleet> goal)
            throws InterruptedException {
        if (!service.awaitSynced(SYNC_SECONDS, TimeUnit.SECONDS)) {
            err.println("note: some watches did not list within " + SYNC_SECONDS + " s; their data is missing or stale");
        }
        if (service.simulated()) {
            service.demoFleet().orElseThrow().awaitSettled(60_000);
            settle(service::latest, FleetWait::caughtUp, DEMO_SETTLE_MILLIS, System::currentTimeMillis);
        } else {
            settle(service::latest, f -> true, SETTLE_MILLIS, System::currentTimeMillis);
        }
        long deadline = System.currentTimeMillis() + waitSeconds * 1000L;
        Fleet fleet = service.latest();
        while (!goal.test(fleet) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            fleet = service.latest();
        }
        return fleet;
    }

    /**
     * Waits until the latest snapshot meets {@code ready} and no newer one was published for
     * {@link #QUIET_MILLIS}, at most {@code maxMillis}; returns the latest snapshot either way.
     */
    static Fleet settle(Supplier<Fleet> latest, Predicate<Fleet> ready, long maxMillis, LongSupplier clock)
            throws InterruptedException {
        long start = clock.getAsLong();
        Fleet fleet = latest.get();
        long quietSince = start;
        while (clock.getAsLong() - start < maxMillis) {
            if (ready.test(fleet) && clock.getAsLong() - quietSince >= QUIET_MILLIS) {
                return fleet;
            }
            Thread.sleep(POLL_MILLIS);
            Fleet next = latest.get();
            if (next.revision() != fleet.revision()) {
                quietSince = clock.getAsLong();
            }
            fleet = next;
        }
        return fleet;
    }

    /**
     * Every watch has listed (or ended for good: no permission, not installed, stopped): none is
     * starting or reconnecting, so every cluster's data is as current as its watches.
     */
    static boolean caughtUp(Fleet fleet) {
        return fleet.watches().stream().noneMatch(w -> w.state() == WatchState.State.STARTING
                || w.state() == WatchState.State.RECONNECTING);
    }
}
