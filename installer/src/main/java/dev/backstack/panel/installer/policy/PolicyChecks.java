package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.policy.cel.ObjectImpact;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightFinding.Severity;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The policy wizard's own preflight findings: the request, each cluster's Kyverno, legacy policies, Enforce impact. Pure. */
final class PolicyChecks {

    static final int SHOWN = 10;

    private PolicyChecks() {}

    static List<PreflightFinding> request(
            PolicyRequest r,
            String hub,
            List<String> targets,
            Map<String, ClusterFacts> facts,
            List<PolicyImpact> impact) {
        List<PreflightFinding> out = new ArrayList<>();
        List<String> problems = r.problems();
        out.add(
                problems.isEmpty()
                        ? PreflightFinding.pass(
                                "request",
                                "Policies and targets",
                                Severity.BLOCKING,
                                r.selections().size() + " policies for " + String.join(", ", targets))
                        : PreflightFinding.fail(
                                "request",
                                "Policies and targets",
                                Severity.BLOCKING,
                                String.join("\n", problems),
                                "Go back and complete the choices."));
        if (r.delivery() == PolicyRequest.Delivery.GITOPS && !r.spokeSelector().isEmpty()) {
            out.add(selector(r, targets.stream().filter(t -> !t.equals(hub)).toList(), facts));
        }
        for (String cluster : targets) {
            ClusterFacts f = facts.get(cluster);
            out.add(kyverno(cluster, f));
            if (f != null && !f.legacy().isEmpty()) {
                out.add(PreflightFinding.fail(
                        "legacy-" + cluster,
                        "Legacy policies on " + cluster,
                        Severity.WARNING,
                        f.legacy().stream()
                                .map(l -> l.message(f.kyvernoVersion().orElse("?")))
                                .collect(Collectors.joining("\n")),
                        "Deliver the converted ValidatingPolicies (choose the matching catalog entries), then delete the "
                                + "legacy ClusterPolicies: nothing enforces them now."));
            }
        }
        out.addAll(enforce(r, impact));
        return out;
    }

    private static PreflightFinding kyverno(String cluster, ClusterFacts f) {
        String title = "Kyverno on " + cluster;
        if (f == null) {
            return PreflightFinding.fail(
                    "kyverno-" + cluster, title, Severity.BLOCKING, "not checked", "Run the checks again.");
        }
        if (f.problem() != null || f.generation().isEmpty()) {
            return PreflightFinding.fail(
                    "kyverno-" + cluster,
                    title,
                    Severity.BLOCKING,
                    f.summary(),
                    "Install Kyverno on " + cluster + " first (the add-ons wizard, or the hub install for the hub).");
        }
        return PreflightFinding.pass("kyverno-" + cluster, title, Severity.BLOCKING, f.summary());
    }

    private static PreflightFinding selector(PolicyRequest r, List<String> spokes, Map<String, ClusterFacts> facts) {
        String title = "Spokes selected by " + r.spokeSelector();
        if (spokes.isEmpty()) {
            return PreflightFinding.fail(
                    "selector",
                    title,
                    Severity.WARNING,
                    "no spoke's Argo CD cluster secret has " + "these labels now",
                    "The ApplicationSet will deliver to spokes registered later with these labels.");
        }
        List<KyvernoGeneration> kinds = spokes.stream()
                .map(facts::get)
                .filter(Objects::nonNull)
                .flatMap(f -> f.generation().stream())
                .distinct()
                .toList();
        if (kinds.size() > 1) {
            return PreflightFinding.fail(
                    "selector",
                    title,
                    Severity.BLOCKING,
                    String.join(
                            "\n",
                            spokes.stream()
                                    .map(s -> s + ": "
                                            + (facts.get(s) == null
                                                    ? "not checked"
                                                    : facts.get(s).summary()))
                                    .toList()),
                    "These spokes run Kyverno versions that need different policy kinds: narrow the labels, or upgrade "
                            + "Kyverno on the older spokes first.");
        }
        return PreflightFinding.pass("selector", title, Severity.BLOCKING, String.join(", ", spokes));
    }

    private static List<PreflightFinding> enforce(PolicyRequest r, List<PolicyImpact> impact) {
        List<PreflightFinding> out = new ArrayList<>();
        for (PolicyImpact i : impact) {
            if (i.selection().mode() != PolicyMode.ENFORCE) {
                continue;
            }
            String id = "impact-" + i.cluster() + "-" + i.selection().entry().id();
            String title = "Enforce " + i.selection().entry().id() + " on " + i.cluster();
            if (i.problem() != null) {
                out.add(PreflightFinding.fail(id, title, Severity.WARNING, i.problem(), "Check the impact preview."));
            } else if (i.blockedCount() == 0) {
                out.add(PreflightFinding.pass(id, title, Severity.WARNING, "no existing object would be refused"));
            } else {
                List<ObjectImpact> blocked = i.evaluated().blockedObjects();
                String lines = blocked.stream()
                        .limit(SHOWN)
                        .map(o -> "  " + o.label() + ": " + o.message())
                        .collect(Collectors.joining("\n"));
                out.add(PreflightFinding.fail(
                        id,
                        title,
                        Severity.WARNING,
                        blocked.size() + " existing objects would be "
                                + "refused when next created or updated:\n" + lines
                                + (blocked.size() > SHOWN
                                        ? "\n  and " + (blocked.size() - SHOWN) + " more (see the impact preview)"
                                        : ""),
                        "Fix these objects first, or deliver in Audit mode and watch the compliance view."));
            }
        }
        return out;
    }
}
