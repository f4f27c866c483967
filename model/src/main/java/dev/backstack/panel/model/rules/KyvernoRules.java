package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.PolicyStatus;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Kyverno: a policy is Ready only when its {@code Ready} condition says so (a missing condition is
 * Progressing, as Argo CD's {@code kyverno.io/Policy} check has it, and the deprecated
 * {@code status.ready} flag is not trusted on its own); a {@code Ready=False} condition is Degraded
 * (Argo CD keeps it Progressing; {@code docs/health.md} says why the panel does not); a CEL policy
 * ({@code ValidatingPolicy}) when its {@code status.conditionStatus.ready} is true; its mode is
 * Enforce when its {@code validationActions} include Deny; compliance is summed from
 * {@code wgpolicyk8s.io} and {@code openreports.io} reports ({@link ReportRules}).
 */
public final class KyvernoRules {

    private KyvernoRules() {}

    public static PolicyStatus policy(KubeObject policy) {
        return new PolicyStatus(policy.namespace(), policy.name(), mode(policy), assessPolicy(policy));
    }

    static Assessment assessPolicy(KubeObject policy) {
        String who = policy.displayName();
        if (policy.isDeleting()) {
            return Assessment.of(Health.PROGRESSING, who, "being deleted");
        }
        if (isCelPolicy(policy)) {
            return assessCelPolicy(policy, who);
        }
        Optional<Condition> ready = Condition.find(Condition.listOf(policy), "Ready");
        if (ready.isEmpty()) {
            return Assessment.of(
                    Health.PROGRESSING, who, "waiting for the policy to be ready: no Ready condition reported");
        }
        if (ready.get().isTrue()) {
            return Assessment.healthy("Ready");
        }
        if (ready.get().isFalse()) {
            return Assessment.of(
                    Health.DEGRADED, who, "not ready: " + ready.get().reasonAndMessage());
        }
        return Assessment.of(
                Health.PROGRESSING, who, "readiness unknown: " + ready.get().reasonAndMessage());
    }

    /** Kyverno's CEL policy types ({@code policies.kyverno.io}) report {@code status.conditionStatus}. */
    private static boolean isCelPolicy(KubeObject policy) {
        return policy.apiVersion().startsWith("policies.kyverno.io/");
    }

    private static Assessment assessCelPolicy(KubeObject policy, String who) {
        Object ready = Fields.get(policy.status(), "conditionStatus", "ready");
        String message = Fields.str(policy.status(), "conditionStatus", "message");
        if (ready == null) {
            return Assessment.of(
                    Health.PROGRESSING, who, "waiting for the policy to be ready: no readiness reported yet");
        }
        if (Boolean.TRUE.equals(ready)) {
            return Assessment.healthy("Ready");
        }
        return Assessment.of(
                Health.DEGRADED, who, "not ready" + (message == null || message.isBlank() ? "" : ": " + message));
    }

    /**
     * {@code Enforce} when any validate rule enforces, else {@code Audit}. A rule's own
     * {@code validate.failureAction} overrides the policy's {@code spec.validationFailureAction}
     * (deprecated since Kyverno 1.13), which applies to rules that set none; unset is Audit.
     */
    static String mode(KubeObject policy) {
        if (isCelPolicy(policy)) {
            return Fields.list(policy.spec(), "validationActions").contains("Deny") ? "Enforce" : "Audit";
        }
        String policyAction = Fields.str(policy.spec(), "validationFailureAction");
        boolean enforces = isEnforce(policyAction);
        for (Object rule : Fields.list(policy.spec(), "rules")) {
            if (rule instanceof Map<?, ?> r && !Fields.map(r, "validate").isEmpty()) {
                String perRule = Fields.str(r, "validate", "failureAction");
                enforces = isEnforce(perRule == null ? policyAction : perRule);
                if (enforces) {
                    break;
                }
            }
        }
        return enforces ? "Enforce" : "Audit";
    }

    private static boolean isEnforce(String action) {
        return action != null && action.trim().equalsIgnoreCase("enforce");
    }

    /**
     * Sums the reports of both API groups ({@code wgpolicyk8s.io} and {@code openreports.io});
     * results are counted per policy and namespace. See {@link ReportRules} for the rules.
     */
    public static ComplianceSummary summarize(Collection<KubeObject> reports) {
        return ReportRules.summarize(reports);
    }
}
