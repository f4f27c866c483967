package dev.backstack.panel.views.install;

import java.util.List;

/**
 * The clusters the install wizard offers, supplied by the app: kubeconfig contexts and the
 * simulated demo cluster, for instance. {@link #open} is called on a worker thread.
 */
public interface InstallTargets {

    /** The names to offer, in order; may be empty. */
    List<String> names();

    /** Connects to the named target; the wizard closes the backend when it is done with it. */
    InstallBackend open(String name) throws Exception;

    /** No targets: the wizard says so and cannot go on. */
    static InstallTargets none() {
        return new InstallTargets() {
            @Override
            public List<String> names() {
                return List.of();
            }

            @Override
            public InstallBackend open(String name) {
                throw new IllegalArgumentException("no install target named " + name);
            }
        };
    }
}
