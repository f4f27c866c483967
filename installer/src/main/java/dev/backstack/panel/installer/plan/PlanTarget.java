package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.helm.HelmDriver;
import dev.backstack.panel.installer.helm.KubeAccess;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A cluster that plans run on: its client, and what Helm needs to reach it.
 *
 * @param clusterKey identifies the cluster for the local journal (its server URL)
 * @param simulated  true for a demo's simulated cluster
 */
public record PlanTarget(
        String name, String clusterKey, KubernetesClient client, KubeAccess kube, HelmDriver helm, boolean simulated) {}
