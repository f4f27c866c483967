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
    private String followed;

    /**
     * Shows {@code spoke}'s lineage from the next {@link #apply} on, whatever is selected, even
     * before the fleet has a cluster of that name (a spoke just requested in the spoke wizard),
     * until {@link #unfollow()}.
     */
    public void follow(String spoke) {
        followed = spoke == null || spoke.isBlank() ? null : spoke;
    }

    /** Back to the selected cluster (call when the user selects one). */
    public void unfollow() {
        followed = null;
    }

    /** The spoke followed by name, if any. */
    public Optional<String> followed() {
        return Optional.ofNullable(followed);
    }

    /**
     * Shows the lineage of {@code selected} when it is a spoke.
     *
     * @param hubObjects the hub's objects (claims, composites, Argo CD secrets and Applications)
     */
    public void apply(Fleet fleet, Cluster selected, Supplier<ObjectSet> hubObjects) {
        if (followed != null && fleet != null) {
            String name = followed;
            Optional<Cluster> spoke =
                    fleet.spokes().stream().filter(c -> c.name().equals(name)).findFirst();
            Lineage next = SpokeLineage.of(name, hubObjects.get(), spoke);
            if (!next.equals(lineage.get())) {
                lineage.set(next);
                String watched = spoke.isPresent() ? "" : " (not a cluster of the fleet yet)";
                headline.set(next.brokenLink()
                        .map(b -> name + watched + ": " + b.message())
                        .orElse(name + ": every link from the request to compliance holds."));
            }
            return;
        }
        if (fleet == null || selected == null || selected.role() != ClusterRole.SPOKE) {
            lineage.set(null);
            headline.set(
                    "Select a spoke to see its lineage: the request that created it, its composite and managed "
                            + "resources, its connection and cluster secrets, the applications deployed to it, its compliance.");
            return;
        }
        Lineage next = SpokeLineage.of(selected.name(), hubObjects.get(), Optional.of(selected));
        if (!next.equals(lineage.get())) {
            lineage.set(next);
            headline.set(next.brokenLink()
                    .map(b -> selected.name() + ": " + b.message())
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
