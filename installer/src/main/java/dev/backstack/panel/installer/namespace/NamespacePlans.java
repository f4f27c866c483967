package dev.backstack.panel.installer.namespace;

import dev.backstack.panel.installer.plan.ApplyStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.policy.PolicyPlans;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The namespace wizard's plan on one spoke, on the plan engine: the Namespace, then its
 * guardrails (quota, limit range, role binding, network policy), then one step per team policy
 * (applied once the policy CRD is Established, ready when Kyverno says so). Pure.
 */
public final class NamespacePlans {

    private NamespacePlans() {}

    /** The journal id of a namespace's plan: one journal per namespace and cluster. */
    public static String planId(NamespaceRequest r) {
        return "namespace-" + r.name();
    }

    /** Applies the bundle directly to the request's spoke. */
    public static Plan direct(NamespaceRequest r, NamespaceBundle bundle) {
        List<Step> steps = new ArrayList<>();
        steps.add(ApplyStep.builder("namespace", "Namespace " + r.name())
                .description("The namespace for team " + r.team() + " on " + r.spoke()
                        + ", labelled with the team and managed by the panel")
                .object(bundle.namespace())
                .build());
        steps.add(ApplyStep.builder(
                        "guardrails",
                        "Quota, defaults, access" + (r.isolate() ? " and isolation" : "") + " in " + r.name())
                .description("ResourceQuota (cpu " + r.quota().cpu() + ", memory "
                        + r.quota().memory() + ", pods "
                        + r.quota().pods() + "), LimitRange, RoleBinding of group " + r.team() + " to edit"
                        + (r.isolate()
                                ? ", NetworkPolicy denying ingress except from " + r.name() + " and "
                                        + r.ingressNamespace()
                                : ""))
                .dependsOn("namespace")
                .objects(bundle.guardrails())
                .build());
        for (int i = 0; i < bundle.policies().size(); i++) {
            var s = bundle.selections().get(i);
            steps.add(PolicyPlans.step(
                            "policy-" + s.entry().id(),
                            r.spoke(),
                            bundle.policies().get(i),
                            s)
                    .dependsOn("namespace")
                    .build());
        }
        return new Plan(planId(r), "Namespace " + r.name() + " for " + r.team() + " on " + r.spoke(), steps);
    }
}
