package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code status}: connects like the window does, waits for every watch to list once (and, with
 * {@code --wait}, up to that long for everything to be Healthy), prints the fleet as a table or
 * JSON and exits with one of the codes below (the table in {@code docs/status.md}).
 */
final class StatusCommand {

    /** The hub and every spoke are Healthy. */
    static final int EXIT_HEALTHY = 0;
    /** The hub answers, and it or a spoke is not Healthy. */
    static final int EXIT_UNHEALTHY = 1;
    /** The command line is wrong (said by the {@link Launcher}, which parses it). */
    static final int EXIT_USAGE = 2;
    /** No usable hub: no such context, or the hub cannot be reached or connected to. */
    static final int EXIT_NO_HUB = 3;

    private final Options options;
    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    StatusCommand(Options options, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    int run() {
        try (FleetConnector connector = new FleetConnector(options, env, home);
                FleetService service = connector.connect(options, FleetWait.DEMO_TICK_MILLIS)) {
            connector.notices().forEach(n -> err.println("note: " + n));
            Fleet fleet = FleetWait.await(service, err, options.waitSeconds(), f -> f.health() == Health.HEALTHY);
            out.print(options.output().equals("json") ? StatusReport.json(fleet) : StatusReport.table(fleet));
            int code = exitCode(fleet);
            if (code == EXIT_NO_HUB) {
                Cluster hub = fleet.hub();
                err.println("error: the hub " + hub.name() + " is "
                        + hub.reachability().label()
                        + (hub.reachability().message().isEmpty()
                                ? ""
                                : ": " + hub.reachability().message()));
            }
            return code;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_NO_HUB;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_NO_HUB;
        }
    }

    /** 0 all Healthy, 3 when the hub cannot be read, else 1 (a spoke that cannot be read is not Healthy). */
    static int exitCode(Fleet fleet) {
        if (!fleet.hub().reachability().isReachable()) {
            return EXIT_NO_HUB;
        }
        return fleet.health() == Health.HEALTHY ? EXIT_HEALTHY : EXIT_UNHEALTHY;
    }
}
