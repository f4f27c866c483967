package dev.backstack.panel.views.compliance;

import dev.backstack.panel.installer.compliance.ComplianceExport;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.ComplianceSample;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.compliance.FleetCompliance;
import dev.backstack.panel.model.compliance.Grouping;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The compliance tab's state, derived from fleet snapshots and the local history: the table
 * grouped by policy, namespace or cluster, the header's worst failing results, the failing
 * results of the selected row (all of them when none is selected; fail, then error, then warn), the fleet's totals over time, and exports written in the
 * background by an injected {@link Exporter}. No scene-graph code; called on the FX thread.
 */
public final class ComplianceViewModel {

    /** Writes one export to a file (in the app: {@link #fileExporter()}). */
    @FunctionalInterface
    public interface Exporter {
        void write(Path file, ComplianceExport.Format format, FleetCompliance compliance, HistorySnapshot history)
                throws IOException;
    }

    /** The drill-down lists at most this many resources (a fleet can have tens of thousands); exports have all. */
    static final int SHOWN_FAILING = 1000;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final TaskExecutor tasks;
    private final Exporter exporter;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<FleetCompliance> compliance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Grouping> grouping = new ReadOnlyObjectWrapper<>(Grouping.POLICY);
    private final ReadOnlyObjectWrapper<ComplianceRow> selectedRow = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ComplianceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FailingResource> failing = FXCollections.observableArrayList();
    private final ObservableList<ComplianceSample> series = FXCollections.observableArrayList();
    private final ObservableList<ComplianceRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<FailingResource> failingView = FXCollections.unmodifiableObservableList(failing);
    private final ObservableList<ComplianceSample> seriesView = FXCollections.unmodifiableObservableList(series);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("waiting for the first snapshot");
    private final ReadOnlyStringWrapper worst = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failingTitle = new ReadOnlyStringWrapper("Failing results");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasFailures = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper failingTotal =
            new javafx.beans.property.ReadOnlyIntegerWrapper();
    private Supplier<HistorySnapshot> history = () -> HistorySnapshot.EMPTY;
    private List<FailingResource> worstFirst = List.of();
    private HistorySnapshot shownHistory;
    private long revision = -1;
    private boolean refreshing;
    private boolean computing;
    private Fleet pending;

    public ComplianceViewModel(TaskExecutor tasks, Exporter exporter, ZoneId zone) {
        this.tasks = tasks;
        this.exporter = exporter;
        this.zone = zone;
    }

    /** The exporter that writes {@link ComplianceExport}'s text to the file (UTF-8). */
    public static Exporter fileExporter() {
        return (file, format, fc, h) ->
                Files.writeString(file, ComplianceExport.write(format, fc, h), StandardCharsets.UTF_8);
    }

    /**
     * Applies a fleet snapshot (a repeated revision only refreshes the history). The roll-up is
     * proportional to the whole fleet's reports, so it is computed by a background task, with the
     * rows and failing resources of the current grouping and selection; the FX thread only swaps
     * them in. While one is computed, newer snapshots replace each other: the latest wins.
     */
    public void apply(Fleet fleet) {
        if (fleet.revision() != revision) {
            revision = fleet.revision();
            pending = fleet;
            if (!computing) {
                compute();
            }
        }
        refreshHistory();
    }

    /** How many of the fleet's worst failing results the header names. */
    static final int HEADLINE_FAILURES = 3;

    /**
     * A roll-up with the lists the table and the drill-down show for one grouping and selection;
     * {@code worstFirst} is every failing result of the fleet, fail then error then warn (sorted
     * here, off the FX thread, so a new selection only filters it).
     */
    private record Computed(
            FleetCompliance compliance,
            Grouping grouping,
            ComplianceRow selected,
            List<ComplianceRow> rows,
            List<FailingResource> worstFirst,
            List<FailingResource> failing,
            int failingTotal) {

        static Computed of(Fleet fleet, Grouping grouping, ComplianceRow selected) {
            FleetCompliance fc = FleetCompliance.of(fleet);
            List<ComplianceRow> rows = fc.rows(grouping);
            ComplianceRow kept = selected == null
                    ? null
                    : rows.stream()
                            .filter(r -> sameRow(r, selected))
                            .findFirst()
                            .orElse(null);
            List<FailingResource> worstFirst = fc.worst(Integer.MAX_VALUE).shown();
            List<FailingResource> failing = kept == null
                    ? worstFirst
                    : worstFirst.stream().filter(kept::covers).toList();
            return new Computed(
                    fc,
                    grouping,
                    kept,
                    rows,
                    worstFirst,
                    failing.size() > SHOWN_FAILING ? List.copyOf(failing.subList(0, SHOWN_FAILING)) : failing,
                    failing.size());
        }
    }

    private void compute() {
        Fleet fleet = pending;
        pending = null;
        computing = true;
        Grouping g = grouping.get();
        ComplianceRow selected = selectedRow.get();
        tasks.execute(BackgroundTask.wrap(ctx -> Computed.of(fleet, g, selected))
                .onSuccess(this::show)
                .onFailure(e -> summary.set("Cannot sum the fleet's compliance: " + e.getMessage()))
                .onFinished(() -> {
                    computing = false;
                    if (pending != null) {
                        compute();
                    }
                }));
    }

    private void show(Computed c) {
        FleetCompliance fc = c.compliance();
        compliance.set(fc);
        worstFirst = c.worstFirst();
        hasFailures.set(fc.hasFailures());
        summary.set(summaryOf(fc));
        worst.set(headline(worstFirst));
        if (c.grouping() != grouping.get()
                || !Objects.equals(
                        c.selected() == null ? null : key(c.selected()),
                        selectedRow.get() == null ? null : key(selectedRow.get()))) {
            refreshRows(); // the user changed the grouping or the selection meanwhile
            return;
        }
        refreshing = true;
        try {
            if (!rows.equals(c.rows())) {
                rows.setAll(c.rows());
            }
        } finally {
            refreshing = false;
        }
        selectedRow.set(c.selected());
        failingTotal.set(c.failingTotal());
        if (!failing.equals(c.failing())) {
            failing.setAll(c.failing());
        }
        failingTitle.set(failingTitle());
    }

    /**
     * The header's few worst failing results of the whole fleet, one line each ({@code Worst:}
     * before the first), the last saying how many more the list below holds.
     */
    static String headline(List<FailingResource> worstFirst) {
        if (worstFirst.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int n = Math.min(HEADLINE_FAILURES, worstFirst.size());
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "Worst: " : "\n\u2022 ").append(worstFirst.get(i).oneLine(true));
        }
        if (worstFirst.size() > n) {
            sb.append("\n(and ").append(worstFirst.size() - n).append(" more in the list below)");
        }
        return sb.toString();
    }

    /** What the drill-down lists: its scope, the order, how many in all and "and K more" when cut. */
    private String failingTitle() {
        ComplianceRow row = selectedRow.get();
        String scope =
                row == null ? "Failing results (select a row above to narrow)" : "Failing results of " + row.label();
        int total = failingTotal.get();
        if (total == 0) {
            return scope + ": none";
        }
        return scope + ", fail then error then warn: "
                + (total > failing.size()
                        ? "the worst " + failing.size() + " of " + total + ", and " + (total - failing.size())
                                + " more (exports have all)"
                        : total);
    }

    private static List<String> key(ComplianceRow r) {
        return List.of(r.grouping().name(), r.cluster(), r.key());
    }

    /** Where the recorded history comes from (the app's history; empty until one is open). */
    public void setHistory(Supplier<HistorySnapshot> source) {
        history = Objects.requireNonNull(source);
        shownHistory = null;
        refreshHistory();
    }

    public void setGrouping(Grouping g) {
        if (g != null && g != grouping.get()) {
            grouping.set(g);
            selectedRow.set(null);
            refreshRows();
        }
    }

    /** Selects a row for the drill-down; null shows every failing resource. */
    public void select(ComplianceRow row) {
        if (refreshing) {
            return; // a table clears its selection while its rows are replaced; the row is kept below
        }
        selectedRow.set(row);
        refreshFailing();
    }

    private void refreshRows() {
        FleetCompliance fc = compliance.get();
        List<ComplianceRow> next = fc == null ? List.of() : fc.rows(grouping.get());
        ComplianceRow selected = selectedRow.get();
        refreshing = true;
        try {
            if (!rows.equals(next)) {
                rows.setAll(next);
            }
        } finally {
            refreshing = false;
        }
        selectedRow.set(
                selected == null
                        ? null
                        : next.stream()
                                .filter(r -> sameRow(r, selected))
                                .findFirst()
                                .orElse(null));
        refreshFailing();
    }

    private static boolean sameRow(ComplianceRow a, ComplianceRow b) {
        return a.grouping() == b.grouping()
                && a.cluster().equals(b.cluster())
                && a.key().equals(b.key());
    }

    private void refreshFailing() {
        ComplianceRow row = selectedRow.get();
        List<FailingResource> all = row == null
                ? worstFirst
                : worstFirst.stream().filter(row::covers).toList();
        List<FailingResource> next = all.size() > SHOWN_FAILING ? all.subList(0, SHOWN_FAILING) : all;
        failingTotal.set(all.size());
        if (!failing.equals(next)) {
            failing.setAll(next);
        }
        failingTitle.set(failingTitle());
    }

    private void refreshHistory() {
        HistorySnapshot h = history.get();
        if (h != shownHistory) {
            shownHistory = h;
            series.setAll(h.fleetSeries());
        }
    }

    private static String summaryOf(FleetCompliance fc) {
        if (fc.reports() == 0) {
            return "no Kyverno policy reports in the fleet";
        }
        return fc.total() + " across " + fc.reports() + " reports"
                + (fc.shadowed() == 0 ? "" : " (" + fc.shadowed() + " in both report groups, counted once)");
    }

    /** Writes the current compliance (and, for HTML and JSON, the recent history) to {@code file} in the background. */
    public void export(ComplianceExport.Format format, Path file) {
        FleetCompliance fc = compliance.get();
        if (fc == null || exporting.get()) {
            return;
        }
        HistorySnapshot h = format == ComplianceExport.Format.CSV ? null : history.get();
        exporting.set(true);
        exportStatus.set("Exporting " + format.name() + "\u2026");
        BackgroundTask.wrap(ctx -> {
                    exporter.write(file, format, fc, h);
                    return file;
                })
                .onSuccess(f -> exportStatus.set("Exported to " + f))
                .onFailure(e -> exportStatus.set("Export failed: " + e.getMessage()))
                .onFinished(() -> exporting.set(false))
                .executeWith(tasks);
    }

    /** A file name for an export taken now, such as {@code compliance-20261123-0815.html}. */
    public String suggestedFileName(ComplianceExport.Format format, long nowMillis) {
        return "compliance-" + FILE_TIME.format(Instant.ofEpochMilli(nowMillis).atZone(zone)) + "."
                + format.extension();
    }

    public ReadOnlyObjectProperty<FleetCompliance> complianceProperty() {
        return compliance.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Grouping> groupingProperty() {
        return grouping.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ComplianceRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public ObservableList<ComplianceRow> rows() {
        return rowsView;
    }

    public ObservableList<FailingResource> failing() {
        return failingView;
    }

    /** The fleet's totals over time (one point per minute that has a sample). */
    public ObservableList<ComplianceSample> series() {
        return seriesView;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The fleet's few worst failing results for the header ({@code ""} when nothing fails). */
    public ReadOnlyStringProperty worstProperty() {
        return worst.getReadOnlyProperty();
    }

    /** The drill-down's title: its scope, the order, how many in all, "and K more" when cut. */
    public ReadOnlyStringProperty failingTitleProperty() {
        return failingTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** How many resources fail in the drill-down's scope; the list shows at most {@link #SHOWN_FAILING}. */
    public javafx.beans.property.ReadOnlyIntegerProperty failingTotalProperty() {
        return failingTotal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasFailuresProperty() {
        return hasFailures.getReadOnlyProperty();
    }
}
