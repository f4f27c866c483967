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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        this(
                (a, ns, name) -> new ActionResult(
                        ns,
                        name,
                        a,
                        ActionResult.Outcome.FAILED,
                        a.title() + " is not available in this window (no connection to the hub's Argo CD)"),
                new CurrentThreadTaskExecutor(),
                Clock.systemUTC(),
                false);
    }

    /** A matrix whose actions run through {@code runner} (the hub's Application objects) on {@code executor}. */
    public AddonMatrixViewModel(ApplicationActionRunner runner, TaskExecutor executor, Clock clock) {
        this(runner, executor, clock, true);
    }

    private AddonMatrixViewModel(
            ApplicationActionRunner runner, TaskExecutor executor, Clock clock, boolean available) {
        this.actions = new AddonActionsViewModel(runner, executor, clock);
        this.clock = clock;
        this.actionsAvailable = available;
    }

    private final ReadOnlyObjectWrapper<List<String>> addons = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<AddonMatrix.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> spokes = FXCollections.observableArrayList();
    private final Map<String, Map<String, ReadOnlyObjectWrapper<ApplicationStatus>>> cells = new HashMap<>();
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
            AddonMatrix.Row next = m.rows().get(i);
            if (i < rows.size()) {
                if (!rows.get(i).equals(next)) {
                    cells(next); // before the row, so a listener of rows reads the new cells
                    rows.set(i, next);
                }
            } else {
                cells(next);
                rows.add(next);
            }
        }
        if (rows.size() > m.rows().size()) {
            rows.remove(m.rows().size(), rows.size());
        }
        List<String> names = m.rows().stream().map(AddonMatrix.Row::spoke).toList();
        if (!names.equals(spokes)) {
            spokes.setAll(names);
        }
    }

    /** Sets the cells of a changed row; only the cells whose Application changed fire. */
    private void cells(AddonMatrix.Row row) {
        Map<String, ReadOnlyObjectWrapper<ApplicationStatus>> mine =
                cells.computeIfAbsent(row.spoke(), k -> new HashMap<>());
        for (Map.Entry<String, ReadOnlyObjectWrapper<ApplicationStatus>> e : mine.entrySet()) {
            if (!row.cells().containsKey(e.getKey())) {
                e.getValue().set(null);
            }
        }
        row.cells().forEach((addon, app) -> {
            ReadOnlyObjectWrapper<ApplicationStatus> p =
                    mine.computeIfAbsent(addon, k -> new ReadOnlyObjectWrapper<>());
            if (!app.equals(p.get())) {
                p.set(app);
            }
        });
    }

    /**
     * One cell's Application (null for none), changing only when that Application changed: the
     * table binds its cells to these, so a change redraws one cell, not the visible rows.
     */
    public ReadOnlyObjectProperty<ApplicationStatus> cellProperty(String spoke, String addon) {
        return cells.computeIfAbsent(spoke, k -> new HashMap<>())
                .computeIfAbsent(addon, k -> new ReadOnlyObjectWrapper<>())
                .getReadOnlyProperty();
    }

    /** The spokes, in the fleet's order; changes only when a spoke comes or goes. */
    public ObservableList<String> spokes() {
        return spokes;
    }

    /** Every Application of the given spokes, in column order. */
    public List<ApplicationStatus> applications(List<String> chosenSpokes) {
        List<ApplicationStatus> out = new ArrayList<>();
        for (String spoke : chosenSpokes) {
            for (String addon : addons.get()) {
                ApplicationStatus a = cellProperty(spoke, addon).get();
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
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
}
