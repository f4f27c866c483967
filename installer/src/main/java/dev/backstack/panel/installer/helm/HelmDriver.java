package dev.backstack.panel.installer.helm;

import java.util.Optional;

/**
 * Helm, behind the smallest interface the plan engine needs, so the engine and the tests can
 * swap it: helm-java in the product, a simulated Helm on the demo fleet. Every call blocks (call
 * it from a background thread, never the FX thread). Nothing here waits for readiness: the plan
 * engine watches the rendered workloads itself.
 */
public interface HelmDriver {

    /** Renders the chart with its values offline, as multi-document YAML (for previews and waits). */
    String template(HelmRelease release) throws HelmException;

    /** Installs the release, or upgrades it when it exists; a server-side dry run when asked. */
    HelmResult installOrUpgrade(HelmRelease release, KubeAccess kube, boolean serverDryRun) throws HelmException;

    /** The release's current state, empty when it is not installed. */
    Optional<HelmResult> status(String name, String namespace, KubeAccess kube) throws HelmException;

    /** Uninstalls the release; a no-op when it is not installed. */
    void uninstall(String name, String namespace, KubeAccess kube) throws HelmException;
}
