package dev.backstack.panel.views.lineage;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.lineage.Lineage;
import dev.backstack.panel.model.lineage.SpokeLineage;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The lineage tab: for the selected spoke, the live chain from the request that asked for it to
 * its compliance, rebuilt from each fleet snapshot (one spoke's objects: cheap), with the first
 * broken link. No scene-graph code; call on the FX thread.
 */
public final class LineageViewModel {

    private final ReadOnlyObjectWrapper<Lineage> lineage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Select a spoke to see its lineage.");

    /**
     * Shows the lineage of {@code selected} when it is a spoke.
     *
     * @param hubObjects the hub's objects (claims, composites, Argo CD secrets and Applications)
     */
    public void apply(Fleet fleet, Cluster selected, Supplier<ObjectSet> hubObjects) {
        if (fleet == null || selected == null || selected.role() != ClusterRole.SPOKE) {
            lineage.set(null);
            headline.set("Select a spoke to see its lineage: the request that created it, its composite and managed "
                    + "resources, its connection and cluster secrets, the applications deployed to it, its compliance.");
            return;
        }
        Lineage next = SpokeLineage.of(selected.name(), hubObjects.get(), Optional.of(selected));
        if (!next.equals(lineage.get())) {
            lineage.set(next);
            headline.set(next.brokenLink().map(b -> selected.name() + ": " + b.message())
                    .orElse(selected.name() + ": every link from the request to compliance holds."));
        }
    }

    public ReadOnlyObjectProperty<Lineage> lineageProperty() {
        return lineage.getReadOnlyProperty();
    }

    /** The first broken link's message, or that every link holds. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }
}
