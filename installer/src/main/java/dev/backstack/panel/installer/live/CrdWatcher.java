package dev.backstack.panel.installer.live;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/** Forwards CRD events: added or changed (maybe now Established), and removed. */
final class CrdWatcher implements ResourceEventHandler<CustomResourceDefinition> {

    private final Consumer<CustomResourceDefinition> changed;
    private final Consumer<CustomResourceDefinition> removed;

    CrdWatcher(Consumer<CustomResourceDefinition> changed, Consumer<CustomResourceDefinition> removed) {
        this.changed = changed;
        this.removed = removed;
    }

    @Override
    public void onAdd(CustomResourceDefinition crd) {
        changed.accept(crd);
    }

    @Override
    public void onUpdate(CustomResourceDefinition oldCrd, CustomResourceDefinition newCrd) {
        changed.accept(newCrd);
    }

    @Override
    public void onDelete(CustomResourceDefinition crd, boolean deletedFinalStateUnknown) {
        removed.accept(crd);
    }
}
