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
 * <p>Syncing: at most {@link #SYNC_SECONDS} for every watch that can be reached to list once, but
 * only {@link #NO_ANSWER_SECONDS} when the hub has not answered at all by then (no watch of it
 * listed): a hub that does not answer costs that long, not the full sync bound.
 *
 * <p>Settling: on the demo, the story must reach its steady state and the panel's watches must
 * have caught up with it (every watch listing: spoke-3 refuses connections until it is
 * provisioned, and its kinds' watches start once its CRDs are seen), then no new snapshot may
 * come for {@link #DEMO_QUIET_MILLIS}; on a real fleet, no new snapshot for {@link #QUIET_MILLIS}.
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
    /** The same on the demo, whose story writes nothing once settled (five of its ticks). */
    static final long DEMO_QUIET_MILLIS = 500;
    /** At most this long for every reachable watch to list once. */
    static final long SYNC_SECONDS = 30;
    /** At most this long for a hub none of whose watches listed (longer than one connect timeout, 10 s). */
    static final long NO_ANSWER_SECONDS = 12;

    private static final long POLL_MILLIS = 25;

    private FleetWait() {}

    /** The first complete snapshot, or a later one that meets {@code goal} within {@code waitSeconds}. */
    static Fleet await(FleetService service, PrintStream err, int waitSeconds, Predicate<Fleet> goal)
            throws InterruptedException {
        long syncStart = System.currentTimeMillis();
        while (!service.awaitSynced(1, TimeUnit.SECONDS)) {
            long waited = System.currentTimeMillis() - syncStart;
            if (waited >= SYNC_SECONDS * 1000) {
                err.println("note: some watches did not list within " + SYNC_SECONDS
                        + " s; their data is missing or stale");
                break;
            }
            if (waited >= NO_ANSWER_SECONDS * 1000 && hubSilent(service.latest())) {
                err.println("note: the hub did not answer within " + NO_ANSWER_SECONDS + " s");
                break;
            }
        }
        if (service.simulated()) {
            service.demoFleet().orElseThrow().awaitSettled(60_000);
            settle(
                    service::latest,
                    FleetWait::allWatching,
                    DEMO_QUIET_MILLIS,
                    DEMO_SETTLE_MILLIS,
                    System::currentTimeMillis);
        } else {
            settle(service::latest, f -> true, QUIET_MILLIS, SETTLE_MILLIS, System::currentTimeMillis);
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
     * {@code quietMillis}, at most {@code maxMillis}; returns the latest snapshot either way.
     */
    static Fleet settle(
            Supplier<Fleet> latest, Predicate<Fleet> ready, long quietMillis, long maxMillis, LongSupplier clock)
            throws InterruptedException {
        long start = clock.getAsLong();
        Fleet fleet = latest.get();
        long quietSince = start;
        while (clock.getAsLong() - start < maxMillis) {
            if (ready.test(fleet) && clock.getAsLong() - quietSince >= quietMillis) {
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
     * Every watch lists: on the demo, which serves every kind the panel watches on every cluster,
     * anything else (starting, reconnecting, a kind not yet seen installed) means the panel has
     * not caught up with the simulation yet.
     */
    static boolean allWatching(Fleet fleet) {
        return !fleet.watches().isEmpty()
                && fleet.watches().stream().allMatch(w -> w.state() == WatchState.State.WATCHING);
    }

    /** The hub is not reachable and none of its watches has listed. */
    static boolean hubSilent(Fleet fleet) {
        String hub = fleet.hub().id();
        return !fleet.hub().reachability().isReachable()
                && fleet.watches().stream()
                        .noneMatch(w -> w.cluster().equals(hub) && w.state() == WatchState.State.WATCHING);
    }
}
