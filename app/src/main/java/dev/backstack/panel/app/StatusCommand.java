package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code status}: connects like the window does, waits for every watch to list once (and, with
 * {@code --wait}, up to that long for everything to be Healthy), prints the fleet as a table or
 * JSON and returns 0 only when the whole fleet is Healthy.
 */
final class StatusCommand {

    static final int EXIT_HEALTHY = 0;
    static final int EXIT_UNHEALTHY = 1;
    static final int EXIT_ERROR = 3;

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
                FleetService service = connector.connect(options, FleetWait.DEMO_TICK_MILLIS)) {
            connector.notices().forEach(n -> err.println("note: " + n));
            Fleet fleet = FleetWait.await(service, err, options.waitSeconds(), f -> f.health() == Health.HEALTHY);
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
}
