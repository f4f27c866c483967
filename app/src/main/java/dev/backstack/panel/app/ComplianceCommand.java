package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.compliance.ComplianceExport;
import dev.backstack.panel.installer.compliance.HistoryException;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.compliance.FleetCompliance;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code compliance}: connects like {@code status}, waits for the first complete snapshot, adds it
 * to the local compliance history, and prints the fleet's Kyverno compliance as a table, JSON, CSV
 * (the failing resources) or a self-contained HTML page (with the recent history). Exit codes: 0
 * when no result is fail or error, 1 when some are, 3 when a cluster could not be read (and none
 * failed) or the connection could not be made; usage errors (2) are the launcher's.
 */
final class ComplianceCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURES = 1;
    static final int EXIT_ERROR = 3;

    private final Options options;
    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    ComplianceCommand(Options options, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    int run() {
        ComplianceExport.Format format = ComplianceExport.Format.parse(options.output());
        try (FleetConnector connector = new FleetConnector(options, env, home);
                FleetService service = connector.connect(options, FleetWait.DEMO_TICK_MILLIS)) {
            connector.notices().forEach(n -> err.println("note: " + n));
            Fleet fleet = FleetWait.await(
                    service,
                    err,
                    options.waitSeconds(),
                    f -> !FleetCompliance.of(f).hasFailures());
            FleetCompliance compliance = FleetCompliance.of(fleet);
            HistorySnapshot history = record(fleet);
            out.print(ComplianceExport.write(
                    format, compliance, format == ComplianceExport.Format.HTML ? history : null));
            return exitCode(compliance, unread(fleet));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_ERROR;
        }
    }

    /** Failures first (they are certain); then whether every connected cluster could be read. */
    static int exitCode(FleetCompliance compliance, List<String> unread) {
        if (compliance.hasFailures()) {
            return EXIT_FAILURES;
        }
        return unread.isEmpty() ? EXIT_OK : EXIT_ERROR;
    }

    /** Connected clusters that do not answer (spokes known from the hub only are not connected). */
    private List<String> unread(Fleet fleet) {
        List<String> unread = FleetCompliance.clusters(fleet).stream()
                .filter(c -> c.reachability().state() == Reachability.State.UNREACHABLE
                        || c.reachability().state() == Reachability.State.CONNECTING)
                .map(Cluster::id)
                .toList();
        unread.forEach(id -> err.println("note: cluster " + id + " could not be read; its compliance is missing"));
        return unread;
    }

    /** Adds the snapshot to the local history and returns the recent history; empty when it is not available. */
    private HistorySnapshot record(Fleet fleet) throws InterruptedException {
        try (HistoryHandle handle = HistoryHandle.open(AppDirs.compliance(env, home), fleet.simulated(), 0)) {
            handle.history().offer(fleet);
            handle.history().flush().get(10, TimeUnit.SECONDS);
            return handle.history().snapshot();
        } catch (HistoryException e) {
            err.println("note: compliance history not available: " + e.getMessage());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            err.println("note: compliance history not written: " + e.getMessage());
        }
        return HistorySnapshot.EMPTY;
    }
}
