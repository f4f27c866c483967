package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.addon.AddonMatrix;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The add-on matrix tab: every spoke against every add-on from the hub's Argo CD Applications.
 * The add-on columns change rarely; the rows are replaced only when a cell changed. No
 * scene-graph code; call on the FX thread.
 */
public final class AddonMatrixViewModel {

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
}
