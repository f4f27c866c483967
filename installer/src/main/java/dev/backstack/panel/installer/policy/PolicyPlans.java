package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.plan.ApplyStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.Readiness;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.Wait;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.model.rules.KyvernoRules;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy wizard's plans on the one engine. Applied directly, a cluster gets one step per
 * policy: server-side apply of the rendered Kyverno object once the policy CRD is Established,
 * then a wait until Kyverno reports the policy ready. Pure.
 */
public final class PolicyPlans {

    /** The journal id of the policy plan on each cluster (one journal per cluster, a step per policy). */
    public static final String PLAN_ID = "policies";

    private PolicyPlans() {}

    /** Applies the selections directly to one cluster, in its Kyverno's generation. */
    public static Plan direct(String clusterName, List<PolicySelection> selections, KyvernoGeneration generation) {
        List<Step> steps = new ArrayList<>();
        for (PolicySelection s : selections) {
            steps.add(step(s.entry().id(), clusterName, PolicyRenderer.render(s, generation), s)
                    .build());
        }
        return new Plan(PLAN_ID, "Kyverno policies on " + clusterName, steps);
    }

    /**
     * The step that applies one rendered policy ({@code policy}, the selection rendered in some
     * generation and scope) once its CRD is Established and waits until Kyverno reports it ready.
     */
    public static ApplyStep.Builder step(
            String id, String clusterName, GenericKubernetesResource policy, PolicySelection s) {
        KindInfo kind = KindRegistry.standard().require(policy.getApiVersion(), policy.getKind());
        String name = policy.getMetadata().getName();
        return ApplyStep.builder(
                        id, policy.getKind() + " " + name + " (" + s.mode().title() + ")")
                .description(s.entry().title() + " on " + clusterName + ": "
                        + s.entry().description())
                .object(policy)
                .activatedWhen(Wait.crdEstablished(kind.plural() + "." + kind.group()))
                .readyWhen(Wait.forNames("policy " + name + " ready", kind, null, List.of(name), policyReady()))
                .budget(Duration.ofMinutes(1));
    }

    /** Ready as the live view says: the Ready condition, or a CEL policy's conditionStatus. */
    static Readiness policyReady() {
        return o -> KyvernoRules.policy(o).assessment();
    }
}
