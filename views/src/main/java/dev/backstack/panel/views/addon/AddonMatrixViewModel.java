package dev.backstack.panel.views.addon;

import dev.backstack.panel.installer.addon.ApplicationActionRunner;
import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.AddonMatrix;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import dev.backstack.panel.views.task.TaskExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The add-on matrix tab: every spoke against every add-on from the hub's Argo CD Applications.
 * The add-on columns change rarely; the rows are replaced only when a cell changed. Refresh, sync
 * and retry on a cell or a row go through {@link #actions()}. No scene-graph code; call on the FX
 * thread.
 */
public final class AddonMatrixViewModel {

    private final AddonActionsViewModel actions;
    private final Clock clock;
    private final boolean actionsAvailable;

    /** A read-only matrix: its actions answer that they are not available. */
    public AddonMatrixViewModel() {
        this((a, ns, name) -> new ActionResult(ns, name, a, ActionResult.Outcome.FAILED,
                a.title() + " is not available in this window (no connection to the hub's Argo CD)"),
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), false);
    }

    /** A matrix whose actions run through {@code runner} (the hub's Application objects) on {@code executor}. */
    public AddonMatrixViewModel(ApplicationActionRunner runner, TaskExecutor executor, Clock clock) {
        this(runner, executor, clock, true);
    }

    private AddonMatrixViewModel(ApplicationActionRunner runner, TaskExecutor executor, Clock clock, boolean available) {
        this.actions = new AddonActionsViewModel(runner, executor, clock);
        this.clock = clock;
        this.actionsAvailable = available;
    }

    private final ReadOnlyObjectWrapper<List<String>> addons = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<AddonMatrix.Row> rows = FXCollections.observableArrayList();
    private long revision = -1;

    public void apply(Fleet fleet) {
        if (fleet.revision() == revision) {
            return;
        }
        revision = fleet.revision();
        AddonMatrix m = AddonMatrix.of(fleet);
        if (!m.addons().equals(addons.get())) {
            addons.set(m.addons());
        }
        for (int i = 0; i < m.rows().size(); i++) {
            if (i < rows.size()) {
                if (!rows.get(i).equals(m.rows().get(i))) {
                    rows.set(i, m.rows().get(i));
                }
            } else {
                rows.add(m.rows().get(i));
            }
        }
        if (rows.size() > m.rows().size()) {
            rows.remove(m.rows().size(), rows.size());
        }
    }

    /** The add-on columns, sorted. */
    public ReadOnlyObjectProperty<List<String>> addonsProperty() {
        return addons.getReadOnlyProperty();
    }

    /** One row per spoke; a row object is replaced only when one of its cells changed. */
    public ObservableList<AddonMatrix.Row> rows() {
        return rows;
    }

    /** Refresh, sync and retry, with their confirmations and results. */
    public AddonActionsViewModel actions() {
        return actions;
    }

    /** Whether the actions reach a hub (false for the read-only matrix). */
    public boolean actionsAvailable() {
        return actionsAvailable;
    }

    /** Now, for the cells' ages. */
    public Instant now() {
        return clock.instant();
    }

    /** The Application of one cell, or none. */
    public static List<ApplicationStatus> cell(AddonMatrix.Row row, String addon) {
        return row == null || addon == null ? List.of() : row.cell(addon).map(List::of).orElse(List.of());
    }

    /** Every Application of the chosen rows (spokes), in column order. */
    public List<ApplicationStatus> rows(List<AddonMatrix.Row> chosen) {
        List<ApplicationStatus> out = new ArrayList<>();
        for (AddonMatrix.Row r : chosen) {
            for (String addon : addons.get()) {
                r.cell(addon).ifPresent(out::add);
            }
        }
        return out;
    }
}
