package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Fleet;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * How the headless commands get their one snapshot: wait for every watch to list once, let the
 * demo's story settle, then wait up to {@code --wait} seconds for the command's goal.
 */
final class FleetWait {

    /** The demo runs ten times faster here so its story settles within a few seconds. */
    static final long DEMO_TICK_MILLIS = 100;
    static final long SETTLE_MILLIS = 1500;
    static final long SYNC_SECONDS = 30;

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
        }
        Thread.sleep(service.simulated() ? SETTLE_MILLIS : 300);
        long deadline = System.currentTimeMillis() + waitSeconds * 1000L;
        Fleet fleet = service.latest();
        while (!goal.test(fleet) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            fleet = service.latest();
        }
        return fleet;
    }
}
