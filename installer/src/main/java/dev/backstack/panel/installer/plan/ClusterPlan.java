package dev.backstack.panel.installer.plan;

/**
 * A plan to run on one cluster of a fleet, through that cluster's {@link PlanService}.
 *
 * @param cluster the cluster's name, which prefixes its step ids ({@code spoke-1/require-probes})
 */
public record ClusterPlan(String cluster, PlanService service, Plan plan) {

    /** The fleet-wide id of one of this plan's steps or findings. */
    public String qualify(String id) {
        return cluster + "/" + id;
    }

    /** The local id of a fleet-wide id of this cluster, or null when it belongs to another cluster. */
    public String local(String qualified) {
        String prefix = cluster + "/";
        return qualified.startsWith(prefix) ? qualified.substring(prefix.length()) : null;
    }
}
