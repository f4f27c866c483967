package dev.backstack.panel.app;

import dev.backstack.panel.views.shell.ClusterPickerDialog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Clusters dialog's contexts, from a {@link FleetConnector}: Reload reads the same files
 * again, Open kubeconfig file… reads another one. {@link #connector()} is the connector whose
 * kubeconfig the dialog last listed, the one its choice refers to.
 */
final class KubeconfigSource implements ClusterPickerDialog.Source {

    private volatile FleetConnector current;

    KubeconfigSource(FleetConnector connector) {
        this.current = connector;
    }

    /** The connector the dialog's list was read by. */
    FleetConnector connector() {
        return current;
    }

    /** What the dialog lists for the current connector (read already: no I/O). */
    ClusterPickerDialog.Listing listing() {
        FleetConnector c = current;
        List<ClusterPickerDialog.ContextChoice> choices = c.kubeconfig().contexts().stream()
                .map(e -> new ClusterPickerDialog.ContextChoice(
                        e.name(), e.source().toString(), e.server(), e.problems()))
                .toList();
        return new ClusterPickerDialog.Listing(choices, c.notices());
    }

    @Override
    public ClusterPickerDialog.Listing reload() {
        current = current.reread(Optional.empty());
        return listing();
    }

    @Override
    public ClusterPickerDialog.Listing open(Path file) {
        current = current.reread(Optional.of(file));
        return listing();
    }
}
