package dev.backstack.panel.app;

import dev.backstack.panel.installer.compliance.ComplianceHistory;
import dev.backstack.panel.installer.compliance.HistoryException;
import dev.backstack.panel.installer.compliance.HistoryRetention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance history the app records into: {@code <config>/backstack-panel/compliance/history}
 * for real clusters; for the simulated demo fleet a temporary folder deleted on close, so the
 * simulation never mixes into the user's history (as the demo's install journals).
 */
public final class HistoryHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryHandle.class);
    static final String NAME = "history";
    /** The least time between two recordings of the fleet. */
    static final long INTERVAL_MILLIS = 1000;

    private final ComplianceHistory history;
    private final Path temporary;

    private HistoryHandle(ComplianceHistory history, Path temporary) {
        this.history = history;
        this.temporary = temporary;
    }

    /**
     * Opens the history for a real fleet in {@code complianceDir} ({@link AppDirs#compliance}), or
     * for the simulated fleet in a temporary folder. Blocks while the database opens.
     */
    public static HistoryHandle open(Path complianceDir, boolean simulated, long intervalMillis)
            throws HistoryException {
        Path dir;
        try {
            dir = simulated ? Files.createTempDirectory("backstack-demo-compliance") : complianceDir;
        } catch (IOException e) {
            throw new HistoryException("cannot create a folder for the demo's compliance history", e);
        }
        try {
            return new HistoryHandle(
                    ComplianceHistory.open(
                            dir, NAME, HistoryRetention.DEFAULT, System::currentTimeMillis, intervalMillis),
                    simulated ? dir : null);
        } catch (HistoryException e) {
            if (simulated) {
                deleteQuietly(dir);
            }
            throw e;
        }
    }

    public ComplianceHistory history() {
        return history;
    }

    @Override
    public void close() {
        history.close();
        if (temporary != null) {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
