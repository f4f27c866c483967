package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.ServerSideApplier;
import dev.backstack.panel.installer.helm.HelmDriver;
import dev.backstack.panel.installer.helm.KubeAccess;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Consumer;

/**
 * What a step works with: the target cluster's client, the one kind registry, the applier, the
 * waiter, Helm, and where its sub-status goes.
 *
 * @param kube          the kubeconfig contents Helm uses for this cluster (in memory)
 * @param status        receives sub-status lines for the running step
 * @param takeOverFields true when the user confirmed taking over fields owned by other managers
 */
public record StepContext(
        KubernetesClient client,
        KindRegistry kinds,
        ServerSideApplier applier,
        Waiter waiter,
        HelmDriver helm,
        KubeAccess kube,
        Consumer<String> status,
        boolean takeOverFields) {

    /** The same context reporting to another status sink. */
    public StepContext reportingTo(Consumer<String> sink) {
        return new StepContext(client, kinds, applier, waiter, helm, kube, sink, takeOverFields);
    }
}
