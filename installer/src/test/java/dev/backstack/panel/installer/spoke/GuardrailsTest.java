package dev.backstack.panel.installer.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyRenderer;
import dev.backstack.panel.installer.policy.Selections;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.SpokeRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GuardrailsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final PolicyCatalog CATALOG = PolicyCatalog.load();

    static Map<String, ?> policy(String id, KyvernoGeneration g, PolicyMode mode) {
        PolicySelection s = PolicySelection.ofDefaults(CATALOG.entry(id).orElseThrow(), Selections.DEFAULT_EXCLUDED)
                .withMode(mode);
        return Claims.asMap(PolicyRenderer.render(s, g));
    }

    static List<Map<String, ?>> guardrails(KyvernoGeneration g, PolicyMode mode) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (String id : List.of("limit-cluster-node-count", "restrict-cluster-node-size", "validate-cluster-name")) {
            out.add(policy(id, g, mode));
        }
        out.add(policy("disallow-privileged-containers", g, mode)); // matches pods, not claims: left out
        return out;
    }

    static Map<String, ?> claim(SpokeRequest r) {
        return Claims.asMap(ClaimRenderer.claim(r));
    }

    @ParameterizedTest
    @EnumSource(KyvernoGeneration.class)
    void passingClaimPassesEveryGuardrailAndPodPoliciesAreLeftOut(KyvernoGeneration g) {
        List<GuardrailFinding> f = Guardrails.check(
                claim(SpokeRequest.direct(ClusterKind.AKS, "dev-spoke", "westeurope", "1.35", 3, "Standard_B2s")),
                guardrails(g, PolicyMode.ENFORCE));

        assertThat(f).hasSize(3).allSatisfy(x -> assertThat(x.verdict()).isEqualTo(GuardrailFinding.Verdict.PASSES));
    }

    @ParameterizedTest
    @EnumSource(KyvernoGeneration.class)
    void saysWhichPolicyRefusesAndWhy(KyvernoGeneration g) {
        List<GuardrailFinding> f = Guardrails.check(
                claim(SpokeRequest.direct(ClusterKind.EKS, "payments", "eu-west-1", "1.35", 12, "m5.4xlarge")),
                guardrails(g, PolicyMode.ENFORCE));

        assertThat(f)
                .filteredOn(GuardrailFinding::blocks)
                .extracting(GuardrailFinding::line)
                .containsExactly(
                        g.kind() + " limit-cluster-node-count"
                                + (g == KyvernoGeneration.CLUSTER_POLICY ? "/limit-cluster-node-count" : "")
                                + " refuses: A cluster may have at most 3 nodes: reduce spec.parameters.nodes.count.",
                        g.kind() + " restrict-cluster-node-size"
                                + (g == KyvernoGeneration.CLUSTER_POLICY ? "/restrict-cluster-node-size" : "")
                                + " refuses: Node size must be one of t3.small, t3.medium, Standard_B2s, Standard_B2ms: "
                                + "change spec.parameters.nodes.instanceType.",
                        g.kind() + " validate-cluster-name"
                                + (g == KyvernoGeneration.CLUSTER_POLICY ? "/validate-cluster-name" : "")
                                + " refuses: The cluster id must start with one of dev-, test-: rename spec.parameters.id.");
    }

    @Test
    void auditModePoliciesReportInsteadOfRefusing() {
        List<GuardrailFinding> f = Guardrails.check(
                claim(SpokeRequest.direct(ClusterKind.EKS, "dev-big", "eu-west-1", "1.35", 12, "t3.small")),
                guardrails(KyvernoGeneration.VALIDATING_POLICY, PolicyMode.AUDIT));

        assertThat(f).noneMatch(GuardrailFinding::blocks);
        assertThat(f)
                .filteredOn(x -> x.verdict() == GuardrailFinding.Verdict.AUDITS)
                .singleElement()
                .satisfies(x -> assertThat(x.policy()).isEqualTo("ValidatingPolicy limit-cluster-node-count"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReferencesJmesPathPoliciesAreNamedAsNotEvaluated() throws Exception {
        Path dir = dev.backstack.panel.resources.ClaimValidation.referenceDir("kyverno/policies/crossplane");
        List<Map<String, ?>> reference = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                Map<String, Object> m = YAML.readValue(p.toFile(), Map.class);
                // the reference matches an old Upbound kind; point it at the panel's claim to exercise the rule reader
                ((Map<String, Object>) ((List<Object>) ((Map<String, Object>) m.get("spec")).get("rules")).get(0))
                        .put(
                                "match",
                                Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("EKSCluster"))))));
                reference.add(m);
            }
        }

        List<GuardrailFinding> f = Guardrails.check(
                claim(SpokeRequest.direct(ClusterKind.EKS, "dev-a", "eu-west-1", "1.35", 2, "t3.small")), reference);

        assertThat(f).hasSize(3).allSatisfy(x -> {
            assertThat(x.verdict()).isEqualTo(GuardrailFinding.Verdict.NOT_EVALUATED);
            assertThat(x.message()).contains("JMESPath deny rule");
        });
    }
}
