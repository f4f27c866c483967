package dev.backstack.panel.installer.compliance;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.compliance.ComplianceDiff;
import dev.backstack.panel.model.compliance.ComplianceSample;
import dev.backstack.panel.model.compliance.FleetCompliance;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.model.compliance.ResourceState;
import dev.backstack.panel.model.compliance.StateKey;
import dev.backstack.panel.model.compliance.Transition;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's history of the fleet's compliance, in an H2 file database: each cluster's
 * totals at most once a minute and only when they change, and every transition of a (cluster,
 * policy, resource) into or out of fail/error, with its time and message. Bounded by a
 * {@link HistoryRetention}, pruned on open and periodically; it survives restarts.
 *
 * <p>Threads: one writer thread, owned by this object, does all database work. {@link #offer}
 * only keeps the newest fleet and returns at once (call it from the fleet store's listener);
 * {@link #snapshot()} returns the latest immutable view without blocking.
 */
public final class ComplianceHistory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceHistory.class);
    /** How far back {@link #snapshot()} reaches for samples, and how many transitions it holds. */
    public static final long RECENT_MILLIS = 24 * 60 * 60 * 1000L;

    public static final int RECENT_TRANSITIONS = 500;

    private final HistoryStore store;
    private final HistoryRetention retention;
    private final LongSupplier clock;
    private final long intervalMillis;
    private final ScheduledExecutorService writer;
    private final AtomicReference<Fleet> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<String, Map<StateKey, ResourceState>> states = new HashMap<>();
    private final Map<String, ReportCounts> lastCounts = new HashMap<>();
    private final List<ComplianceSample> recentSamples = new ArrayList<>();
    private final List<Transition> recentTransitions = new ArrayList<>();
    private volatile HistorySnapshot snapshot = HistorySnapshot.EMPTY;
    private volatile boolean closed;

    private ComplianceHistory(HistoryStore store, HistoryRetention retention, LongSupplier clock, long intervalMillis) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "compliance-history");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (or creates) the history {@code name} in {@code dir}, prunes it and loads what the
     * snapshot and the next comparison need. Blocks the caller for that long.
     *
     * @param intervalMillis the least time between two recordings of offered fleets
     * @throws HistoryException when the database cannot be opened, for example because another
     *                          panel has it open
     */
    public static ComplianceHistory open(
            Path dir, String name, HistoryRetention retention, LongSupplier clock, long intervalMillis)
            throws HistoryException {
        HistoryStore store = HistoryDatabase.open(dir, name);
        ComplianceHistory h = new ComplianceHistory(store, retention, clock, intervalMillis);
        try {
            h.prune();
            h.load();
        } catch (SQLException e) {
            h.close();
            throw new HistoryException("cannot read the compliance history in " + dir + ": " + e.getMessage(), e);
        }
        h.writer.scheduleWithFixedDelay(
                h::pruneQuietly,
                retention.pruneEvery().toMillis(),
                retention.pruneEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        return h;
    }

    private void load() throws SQLException {
        for (ResourceState s : store.loadStates().values()) {
            states.computeIfAbsent(s.key().cluster(), c -> new HashMap<>()).put(s.key(), s);
        }
        store.latestSamples().forEach((cluster, s) -> lastCounts.put(cluster, s.counts()));
        recentSamples.addAll(store.samplesSince(clock.getAsLong() - RECENT_MILLIS));
        recentTransitions.addAll(store.recentTransitions(RECENT_TRANSITIONS));
        publish();
    }

    /** Records this fleet soon (the newest offered wins). Any thread; never blocks. */
    public void offer(Fleet fleet) {
        pending.set(fleet);
        if (!closed && scheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::drain, intervalMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    /** Records the pending fleet now; completes when it is written (tests, the command line). */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(this::drain, writer);
    }

    /** The latest recorded view: samples of the last day (oldest first), recent transitions (newest first). */
    public HistorySnapshot snapshot() {
        return snapshot;
    }

    private void drain() {
        scheduled.set(false);
        Fleet fleet = pending.getAndSet(null);
        if (fleet == null || closed) {
            return;
        }
        try {
            record(fleet);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not record the compliance history: {}", e.getMessage());
        }
    }

    private void record(Fleet fleet) throws SQLException {
        long now = clock.getAsLong();
        boolean changed = false;
        for (Cluster c : FleetCompliance.clusters(fleet)) {
            if (ReportWatches.settled(fleet, c)) {
                changed |= sample(c, now);
                changed |= transitions(c, now);
            }
        }
        if (changed) {
            publish();
        }
    }

    private boolean sample(Cluster c, long now) throws SQLException {
        ReportCounts counts = c.compliance().total();
        if (counts.equals(lastCounts.get(c.id()))) {
            return false;
        }
        ComplianceSample s = new ComplianceSample(c.id(), ComplianceSample.minuteOf(now), counts);
        store.putSample(s);
        lastCounts.put(c.id(), counts);
        recentSamples.removeIf(x -> x.cluster().equals(s.cluster()) && x.minuteMillis() == s.minuteMillis());
        recentSamples.add(s);
        return true;
    }

    private boolean transitions(Cluster c, long now) throws SQLException {
        Map<StateKey, ResourceState> before = states.getOrDefault(c.id(), Map.of());
        Map<StateKey, ResourceState> after = ResourceState.of(c);
        if (before.equals(after)) {
            return false;
        }
        List<Transition> found = ComplianceDiff.transitions(before, after, now);
        List<ResourceState> changed = after.values().stream()
                .filter(s -> !s.equals(before.get(s.key())))
                .toList();
        List<StateKey> removed =
                before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
        store.addTransitions(found);
        store.updateStates(changed, removed);
        states.put(c.id(), after);
        for (Transition t : found) {
            recentTransitions.add(0, t);
        }
        return !found.isEmpty();
    }

    private void publish() {
        long since = clock.getAsLong() - RECENT_MILLIS;
        recentSamples.removeIf(s -> s.minuteMillis() < since);
        while (recentTransitions.size() > RECENT_TRANSITIONS) {
            recentTransitions.remove(recentTransitions.size() - 1);
        }
        snapshot = new HistorySnapshot(recentSamples, recentTransitions);
    }

    /** Applies the retention now (the writer also does it periodically). Writer thread or before it starts. */
    private void prune() throws SQLException {
        long cutoff = clock.getAsLong() - retention.maxAge().toMillis();
        int removed = store.prune(cutoff, retention.maxSamples(), retention.maxTransitions());
        if (removed > 0) {
            LOG.info("Pruned {} old compliance history rows", removed);
        }
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (SQLException e) {
            LOG.warn("Could not prune the compliance history: {}", e.getMessage());
        }
    }

    /** Applies the retention on the writer thread; completes when done (tests). */
    public CompletableFuture<Void> pruneNow() {
        return CompletableFuture.runAsync(this::pruneQuietly, writer);
    }

    /** Rows in the {@code sample} or {@code transition} table, read on the writer thread (tests, diagnostics). */
    public CompletableFuture<Long> count(String table) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return store.count(table);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                writer);
    }

    /** Writes what is pending, then closes the database. Waits up to five seconds for the writer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            writer.submit(this::drain).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Compliance history: last write skipped: {}", e.getMessage());
        }
        closed = true;
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
            store.close();
        } catch (SQLException e) {
            LOG.warn("Could not close the compliance history: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
