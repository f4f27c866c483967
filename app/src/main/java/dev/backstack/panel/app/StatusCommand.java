package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code status}: connects like the window does, waits for every watch to list once (and, with
 * {@code --wait}, up to that long for everything to be Healthy), prints the fleet as a table or
 * JSON and returns 0 only when the whole fleet is Healthy.
 */
final class StatusCommand {

    static final int EXIT_HEALTHY = 0;
    static final int EXIT_UNHEALTHY = 1;
    static final int EXIT_ERROR = 3;
    /** The demo runs ten times faster here so its story settles within a few seconds. */
    static final long DEMO_TICK_MILLIS = 100;
    static final long SETTLE_MILLIS = 1500;

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    StatusCommand(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    int run() {
        try (FleetConnector connector = new FleetConnector(options, System.getenv(), Path.of(System.getProperty("user.home")));
                FleetService service = connector.connect(options, DEMO_TICK_MILLIS)) {
            connector.notices().forEach(n -> err.println("note: " + n));
            if (!service.awaitSynced(30, TimeUnit.SECONDS)) {
                err.println("note: some watches did not list within 30 s; their data is missing or stale");
            }
            Fleet fleet = settle(service);
            out.print(options.output().equals("json") ? StatusReport.json(fleet) : StatusReport.table(fleet));
            return fleet.health() == Health.HEALTHY ? EXIT_HEALTHY : EXIT_UNHEALTHY;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_ERROR;
        }
    }

    private Fleet settle(FleetService service) throws InterruptedException {
        if (service.simulated()) {
            service.demoFleet().orElseThrow().awaitSettled(60_000);
        }
        Thread.sleep(service.simulated() ? SETTLE_MILLIS : 300);
        long deadline = System.currentTimeMillis() + options.waitSeconds() * 1000L;
        Fleet fleet = service.latest();
        while (fleet.health() != Health.HEALTHY && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            fleet = service.latest();
        }
        return fleet;
    }
}
