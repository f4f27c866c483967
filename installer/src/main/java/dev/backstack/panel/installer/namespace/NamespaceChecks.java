package dev.backstack.panel.installer.namespace;

import dev.backstack.panel.installer.plan.PreflightCheck;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightFinding.Severity;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The namespace wizard's own preflight findings: the request itself and the spoke's Kyverno
 * (pure), and on the spoke, read-only: a namespace of that name the panel did not make, and the
 * ingress namespace an isolated namespace lets in.
 */
final class NamespaceChecks {

    private NamespaceChecks() {}

    static List<PreflightFinding> request(
            NamespaceRequest r, List<String> problems, boolean connected, ClusterFacts f) {
        List<PreflightFinding> out = new ArrayList<>();
        out.add(
                problems.isEmpty()
                        ? PreflightFinding.pass(
                                "request",
                                "Namespace request",
                                Severity.BLOCKING,
                                r.name() + " for " + r.team() + " on " + r.spoke())
                        : PreflightFinding.fail(
                                "request",
                                "Namespace request",
                                Severity.BLOCKING,
                                String.join("\n", problems),
                                "Go back and correct the fields named above."));
        if (!r.viaGitOps()) {
            out.add(
                    connected
                            ? PreflightFinding.pass(
                                    "spoke", "Connection to " + r.spoke(), Severity.BLOCKING, "connected")
                            : PreflightFinding.fail(
                                    "spoke",
                                    "Connection to " + r.spoke(),
                                    Severity.BLOCKING,
                                    "the panel has no connection to " + r.spoke(),
                                    "Connect the spoke (the dashboard lists the spokes it reaches), or deliver through GitOps."));
        }
        if (!r.policies().isEmpty()) {
            out.add(kyverno(r, f));
        }
        return out;
    }

    private static PreflightFinding kyverno(NamespaceRequest r, ClusterFacts f) {
        String title = "Kyverno on " + r.spoke();
        boolean known = f != null && f.problem() == null && f.generation().isPresent();
        if (known) {
            return PreflightFinding.pass("kyverno", title, Severity.BLOCKING, f.summary());
        }
        String found = f == null ? "not checked" : f.summary();
        return r.viaGitOps()
                ? PreflightFinding.fail(
                        "kyverno",
                        title,
                        Severity.WARNING,
                        found + "; the policies are committed as ValidatingPolicy (Kyverno 1.17 and later)",
                        "Make sure the spoke runs Kyverno 1.17 or later before the pull request is merged.")
                : PreflightFinding.fail(
                        "kyverno",
                        title,
                        Severity.BLOCKING,
                        found,
                        "Install Kyverno on " + r.spoke() + " first (the add-ons wizard), or choose no policies.");
    }

    /** Read-only checks on the spoke, run by the engine's preflight. */
    static PreflightCheck onSpoke(NamespaceRequest r) {
        return client -> {
            List<PreflightFinding> out = new ArrayList<>();
            try {
                Namespace existing = client.namespaces().withName(r.name()).get();
                out.add(existing(r, existing));
                if (r.isolate()) {
                    boolean ingress =
                            client.namespaces().withName(r.ingressNamespace()).get() != null;
                    out.add(
                            ingress
                                    ? PreflightFinding.pass(
                                            "ingress-namespace",
                                            "Ingress namespace " + r.ingressNamespace(),
                                            Severity.WARNING,
                                            "found on " + r.spoke())
                                    : PreflightFinding.fail(
                                            "ingress-namespace",
                                            "Ingress namespace " + r.ingressNamespace(),
                                            Severity.WARNING,
                                            "no namespace " + r.ingressNamespace() + " on " + r.spoke()
                                                    + ": the NetworkPolicy lets in traffic from that namespace only",
                                            "Name the namespace of the spoke's ingress controller, or install it first."));
                }
            } catch (KubernetesClientException e) {
                out.add(PreflightFinding.fail(
                        "namespace-read",
                        "Namespaces on " + r.spoke(),
                        Severity.WARNING,
                        "cannot read namespaces: " + e.getMessage(),
                        "Check the panel's permissions on " + r.spoke() + "."));
            }
            return out;
        };
    }

    private static PreflightFinding existing(NamespaceRequest r, Namespace ns) {
        String title = "Namespace " + r.name() + " on " + r.spoke();
        if (ns == null) {
            return PreflightFinding.pass("namespace-exists", title, Severity.WARNING, "new");
        }
        Map<String, String> labels = ns.getMetadata().getLabels() == null
                ? Map.of()
                : ns.getMetadata().getLabels();
        if (NamespaceRenderer.PANEL.equals(labels.get(NamespaceRenderer.MANAGED_BY))) {
            String team = labels.get(NamespaceRenderer.TEAM_LABEL);
            return team == null || team.equals(r.team())
                    ? PreflightFinding.pass(
                            "namespace-exists", title, Severity.WARNING, "made by the panel; updated in place")
                    : PreflightFinding.fail(
                            "namespace-exists",
                            title,
                            Severity.WARNING,
                            "made by the panel for team " + team + ", not " + r.team(),
                            "Going on hands the namespace to " + r.team()
                                    + " (the old team's binding stays until removed).");
        }
        return PreflightFinding.fail(
                "namespace-exists",
                title,
                Severity.WARNING,
                "exists and was not made by the panel",
                "Going on adds the panel's quota, defaults, binding and policies to a namespace others use; "
                        + "choose another name unless that is intended.");
    }
}
