package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.policy.cel.ImpactReport;
import dev.backstack.panel.model.policy.PolicySelection;
import java.util.List;

/**
 * What one policy would do on one cluster: the panel's own evaluation of its CEL against the
 * objects that exist now, and what Kyverno already reported for it in Audit mode.
 *
 * @param evaluated the in-process evaluation (null when it could not run: see {@code problem})
 * @param reported  failing results of a policy of this name in the cluster's policy reports
 * @param problem   why the evaluation could not run, or null
 */
public record PolicyImpact(
        String cluster,
        PolicySelection selection,
        ImpactReport evaluated,
        List<ReportedResult> reported,
        String problem) {

    public PolicyImpact {
        reported = List.copyOf(reported);
    }

    /** A failing result Kyverno reported: the resource and its message. */
    public record ReportedResult(String namespace, String kind, String name, String message) {}

    /** Objects the evaluation says Enforce would refuse on their next create or update. */
    public int blockedCount() {
        return evaluated == null ? 0 : evaluated.blockedCount();
    }

    /** {@code spoke-1: require-probes would refuse 3 of 12 existing Pods (Kyverno reported 3 in Audit)}. */
    public String summary() {
        if (problem != null) {
            return cluster + ": " + selection.entry().id() + ": " + problem;
        }
        return cluster + ": " + selection.entry().id() + " would refuse " + blockedCount() + " of "
                + evaluated.objects().size() + " existing objects"
                + (reported.isEmpty() ? "" : " (Kyverno reported " + reported.size() + " failing in Audit)");
    }
}
