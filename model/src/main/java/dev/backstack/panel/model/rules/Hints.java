package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.StatusReason;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Short, actionable advice for common failures: a table of (failing object's kind, message
 * pattern) to hint, the first matching row wins. A hint says what to check next; it never
 * replaces the failing object's own message. The table is documented in {@code docs/health.md}.
 */
public final class Hints {

    /** One row: the failing object's kind (a regex on {@code "Kind"}, null for any) and its message. */
    record Row(Pattern kind, Pattern message, String hint) {
        boolean matches(String subjectKind, String text) {
            return (kind == null || kind.matcher(subjectKind).matches())
                    && message.matcher(text).find();
        }
    }

    private static final String PACKAGE = "Provider|Function|Configuration|(Provider|Function|Configuration)Revision";
    private static final String POLICY = "ClusterPolicy|Policy|ValidatingPolicy";

    static final List<Row> TABLE = List.of(
            row(
                    PACKAGE,
                    "cannot unpack package|failed to fetch package|cannot pull package|manifest unknown"
                            + "|unauthori[sz]ed|toomanyrequests|pull secret",
                    "check the package registry and the pull secret (spec.packagePullSecrets)"),
            row(
                    PACKAGE,
                    "UnhealthyPackageRevision|unhealthy",
                    "look at the package's pod in crossplane-system (Load log): its deployment is not available"),
            row(
                    null,
                    "ImagePullBackOff|ErrImagePull|InvalidImageName|ErrImageNeverPull",
                    "check the image name and tag, and the image pull secret"),
            row(null, "OOMKilled", "the container ran out of memory: raise its memory limit"),
            row(null, "CrashLoopBackOff", "read the previous container's log (Load log)"),
            row(
                    null,
                    "CreateContainerConfigError",
                    "a Secret or ConfigMap the pod references is missing: check its env and volumes"),
            row(null, "Unschedulable", "no node can take the pod: check node capacity, taints and the pod's requests"),
            row(null, "ProgressDeadlineExceeded", "the rollout is stuck: look at the new pods and their events"),
            row(
                    null,
                    "no matches for kind|could not find the requested resource|ensure CRDs are installed"
                            + "|CustomResourceDefinition .* not found|CRD .*(missing|not found)",
                    "a CRD is missing: install (or sync first) the component that provides it"),
            row(POLICY, "", "check the Kyverno admission controller (its pods and Load log)"),
            row("Application", "^sync (Failed|Error)", "read the operation message, then Retry on the Add-ons tab"),
            row(
                    "cluster",
                    "connection refused|no route to host|timed out|timeout|unknownhost|unknown host"
                            + "|cannot reach the API server",
                    "the API server does not answer: check the network (VPN, firewall) and the kubeconfig's server address"));

    private Hints() {}

    private static Row row(String kind, String message, String hint) {
        return new Row(
                kind == null ? null : Pattern.compile(kind), Pattern.compile(message, Pattern.CASE_INSENSITIVE), hint);
    }

    /** The hint for a failure, or empty when the table has none. */
    public static String forReason(StatusReason reason) {
        String subject = reason.subject();
        String kind = subject.contains(" ") ? subject.substring(0, subject.indexOf(' ')) : subject;
        for (Row r : TABLE) {
            if (r.matches(kind, reason.message())) {
                return r.hint();
            }
        }
        return "";
    }

    /** The assessment with its reason's hint filled in from the table (a hint already there is kept). */
    public static Assessment apply(Assessment assessment) {
        if (assessment.reason().isEmpty() || !assessment.hint().isEmpty()) {
            return assessment;
        }
        String hint = forReason(assessment.reason().get());
        return hint.isEmpty() ? assessment : assessment.withHint(hint);
    }
}
