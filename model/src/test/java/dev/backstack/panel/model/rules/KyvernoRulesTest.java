package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.ReportCounts;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KyvernoRulesTest {

    static KubeObject policy(String spec, String status) {
        return yaml("""
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: require-run-as-nonroot}
                spec: %s
                status:
                %s
                """.formatted(spec, status.isBlank() ? "" : status.indent(2).stripTrailing()));
    }

    static KubeObject policyWithStatus(String status) {
        return policy("{rules: []}", status);
    }

    @ParameterizedTest(name = "ValidatingPolicy status {0}, actions {1} -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{conditionStatus: {ready: true}}                          | [Deny]        | HEALTHY  | Enforce",
                "{conditionStatus: {ready: false, message: 'no webhook'}}  | [Audit]       | DEGRADED | Audit",
                "{}                                                        | [Audit, Warn] | PROGRESSING | Audit",
                "{conditionStatus: {ready: true}}                          | [Deny, Audit] | HEALTHY  | Enforce"
            })
    @DisplayName("a ValidatingPolicy is ready by its conditionStatus and enforces when its actions include Deny")
    void validatingPolicyReadinessAndMode(String status, String actions, Health health, String mode) {
        PolicyStatus p = KyvernoRules.policy(yaml("""
                apiVersion: policies.kyverno.io/v1
                kind: ValidatingPolicy
                metadata: {name: require-probes}
                spec: {validationActions: %s}
                status: %s
                """.formatted(actions, status)));
        assertThat(p.assessment().health()).isEqualTo(health);
        assertThat(p.mode()).isEqualTo(mode);
        if (status.contains("no webhook")) {
            assertThat(p.assessment().reason().orElseThrow().message()).isEqualTo("not ready: no webhook");
        }
    }

    @Test
    void readyConditionTrueIsHealthy() {
        PolicyStatus p = KyvernoRules.policy(policyWithStatus("""
                conditions:
                - {type: Ready, status: 'True', reason: Succeeded, message: Ready}
                """));
        assertThat(p.assessment().health()).isEqualTo(Health.HEALTHY);
        assertThat(p.name()).isEqualTo("require-run-as-nonroot");
        assertThat(p.namespace()).isEmpty();
    }

    @Test
    void readyConditionFalseIsDegradedWithReasonAndMessage() {
        PolicyStatus p = KyvernoRules.policy(policyWithStatus("""
                conditions:
                - type: Ready
                  status: 'False'
                  reason: Failed
                  message: 'policy is not ready: webhook kyverno-resource-validating-webhook-cfg not configured'
                """));
        assertThat(p.assessment().health()).isEqualTo(Health.DEGRADED);
        assertThat(p.assessment().reason().orElseThrow().subject()).isEqualTo("ClusterPolicy require-run-as-nonroot");
        assertThat(p.assessment().reason().orElseThrow().message())
                .contains("Failed")
                .contains("webhook kyverno-resource-validating-webhook-cfg not configured");
    }

    @Test
    @DisplayName(
            "no Ready condition is Progressing (Argo CD: waiting for the policy), even with the deprecated status.ready: true")
    void missingReadyConditionIsProgressingEvenWithDeprecatedReadyFlag() {
        assertThat(KyvernoRules.policy(policyWithStatus("ready: true"))
                        .assessment()
                        .health())
                .isEqualTo(Health.PROGRESSING);
        assertThat(KyvernoRules.policy(policyWithStatus("")).assessment().health())
                .isEqualTo(Health.PROGRESSING);
        assertThat(KyvernoRules.policy(policyWithStatus("""
                ready: true
                conditions:
                - {type: SomethingElse, status: 'True'}
                """)).assessment().health())
                .isEqualTo(Health.PROGRESSING);
    }

    @Test
    void readyConditionUnknownIsNotHealthy() {
        PolicyStatus p = KyvernoRules.policy(policyWithStatus("""
                conditions:
                - {type: Ready, status: Unknown, reason: Pending}
                """));
        assertThat(p.assessment().health()).isNotEqualTo(Health.HEALTHY);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{validationFailureAction: Enforce} | Enforce",
                "{validationFailureAction: enforce} | Enforce",
                "{validationFailureAction: Audit} | Audit",
                "{validationFailureAction: audit} | Audit",
                "{background: true} | Audit",
                "{rules: [{name: r, validate: {failureAction: Enforce}}]} | Enforce",
                "{rules: [{name: r, validate: {failureAction: Audit}}]} | Audit",
                "{rules: [{name: r, validate: {message: m}}]} | Audit",
                "{validationFailureAction: Enforce, rules: [{name: r, validate: {message: m}}]} | Enforce",
                "{validationFailureAction: Audit, rules: [{name: a, validate: {message: m}}, {name: b, validate: {failureAction: Enforce}}]} | Enforce",
                "{validationFailureAction: Enforce, rules: [{name: a, validate: {failureAction: Audit}}]} | Audit",
                "{validationFailureAction: Enforce, rules: [{name: a, validate: {failureAction: Audit}}, {name: b, validate: {message: m}}]} | Enforce",
            })
    void modeFollowsTheEffectiveFailureActionOfItsValidateRules(String spec, String expected) {
        assertThat(KyvernoRules.policy(policy(spec, "")).mode()).isEqualTo(expected);
    }

    @Test
    void namespacedPolicyKeepsItsNamespace() {
        KubeObject p = yaml("""
                apiVersion: kyverno.io/v1
                kind: Policy
                metadata: {name: team-rules, namespace: team-a}
                spec: {validationFailureAction: Enforce}
                """);
        assertThat(KyvernoRules.policy(p).namespace()).isEqualTo("team-a");
        assertThat(KyvernoRules.policy(p).mode()).isEqualTo("Enforce");
    }

    static KubeObject reportWithSummary(String namespace) {
        return yaml("""
                apiVersion: wgpolicyk8s.io/v1alpha2
                kind: PolicyReport
                metadata: {name: cpol-require-run-as-nonroot, namespace: %s}
                summary: {pass: 7, fail: 2, warn: 1, error: 0, skip: 3}
                results:
                - {policy: require-run-as-nonroot, rule: run-as-non-root, result: fail}
                - {policy: require-run-as-nonroot, rule: run-as-non-root, result: fail}
                - {policy: disallow-host-path, rule: host-path, result: pass}
                """.formatted(namespace));
    }

    static KubeObject reportWithoutSummary(String namespace) {
        return yaml("""
                apiVersion: wgpolicyk8s.io/v1alpha2
                kind: PolicyReport
                metadata: {name: pol-report, namespace: %s}
                results:
                - {policy: require-run-as-nonroot, result: pass}
                - {policy: require-run-as-nonroot, result: fail}
                - {policy: restrict-seccomp, result: warn}
                - {policy: restrict-seccomp, result: error}
                - {policy: restrict-seccomp, result: skip}
                - {policy: restrict-seccomp, result: pass}
                """.formatted(namespace));
    }

    @Test
    void usesTheReportSummaryWhenPresent() {
        ComplianceSummary s = KyvernoRules.summarize(List.of(reportWithSummary("backstage")));
        assertThat(s.total()).isEqualTo(new ReportCounts(7, 2, 1, 0, 3));
        assertThat(s.byNamespace()).containsEntry("backstage", new ReportCounts(7, 2, 1, 0, 3));
        assertThat(s.reports()).isEqualTo(1);
    }

    @Test
    void countsResultsWhenTheSummaryIsAbsent() {
        ComplianceSummary s = KyvernoRules.summarize(List.of(reportWithoutSummary("argocd")));
        assertThat(s.total()).isEqualTo(new ReportCounts(2, 1, 1, 1, 1));
        assertThat(s.total().health()).isEqualTo(Health.DEGRADED);
    }

    @Test
    void sumsPerPolicyAndPerNamespaceAcrossReports() {
        KubeObject clusterReport = yaml("""
                apiVersion: wgpolicyk8s.io/v1alpha2
                kind: ClusterPolicyReport
                metadata: {name: cpol-limit-node-count}
                results:
                - {policy: limit-node-count-policy, result: pass}
                - {policy: require-run-as-nonroot, result: pass}
                """);
        ComplianceSummary s = KyvernoRules.summarize(List.of(
                reportWithoutSummary("argocd"),
                reportWithoutSummary("backstage"),
                reportWithSummary("backstage"),
                clusterReport));

        assertThat(s.reports()).isEqualTo(4);
        assertThat(s.byNamespace()).containsOnlyKeys("", "argocd", "backstage");
        assertThat(s.byNamespace().get("argocd")).isEqualTo(new ReportCounts(2, 1, 1, 1, 1));
        assertThat(s.byNamespace().get("backstage")).isEqualTo(new ReportCounts(2 + 7, 1 + 2, 1 + 1, 1, 1 + 3));
        assertThat(s.byNamespace().get("")).isEqualTo(new ReportCounts(2, 0, 0, 0, 0));
        assertThat(s.byPolicy().get("require-run-as-nonroot"))
                .isEqualTo(new ReportCounts(1 + 1 + 1, 1 + 1 + 2, 0, 0, 0));
        assertThat(s.byPolicy().get("restrict-seccomp")).isEqualTo(new ReportCounts(2, 0, 2, 2, 2));
        assertThat(s.byPolicy().get("limit-node-count-policy")).isEqualTo(new ReportCounts(1, 0, 0, 0, 0));
        assertThat(List.copyOf(s.byPolicy().keySet())).isSorted();
        assertThat(s.total()).isEqualTo(new ReportCounts(2 + 2 + 7 + 2, 1 + 1 + 2, 1 + 1 + 1, 1 + 1, 1 + 1 + 3));
    }

    @Test
    void noReportsIsAnEmptyHealthySummary() {
        ComplianceSummary s = KyvernoRules.summarize(List.of());
        assertThat(s.total()).isEqualTo(ReportCounts.ZERO);
        assertThat(s.total().health()).isEqualTo(Health.HEALTHY);
        assertThat(s.byPolicy()).isEmpty();
    }

    @Test
    void warningsAloneAreStillHealthyCompliance() {
        assertThat(new ReportCounts(3, 0, 2, 0, 1).health()).isEqualTo(Health.HEALTHY);
        assertThat(new ReportCounts(3, 0, 0, 1, 0).health()).isEqualTo(Health.DEGRADED);
    }
}
