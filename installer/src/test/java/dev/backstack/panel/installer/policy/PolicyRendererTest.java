package dev.backstack.panel.installer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.resources.CrdCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyRendererTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final List<String> EXCLUDED = List.of("kube-system", "kyverno");
    private static final CrdCatalog CRDS = CrdCatalog.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PolicyEntry entry(String id) {
        return PolicyCatalogTest.CATALOG.entry(id).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(KyvernoGeneration.class)
    @DisplayName(
            "the whole catalog, rendered with its defaults, matches its golden file (-Dgolden.update=true to regenerate)")
    void matchesGolden(KyvernoGeneration generation) throws IOException {
        StringBuilder rendered = new StringBuilder();
        for (PolicyEntry e : PolicyCatalogTest.CATALOG.entries()) {
            rendered.append(
                    Serialization.asYaml(PolicyRenderer.render(PolicySelection.ofDefaults(e, EXCLUDED), generation)));
        }
        Path file = GOLDEN.resolve("policies-" + generation.kind().toLowerCase(Locale.ROOT) + ".yaml");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, rendered);
        }
        assertThat(file)
                .as("golden file; create it with -Dgolden.update=true and review it")
                .exists();
        assertThat(rendered.toString()).isEqualTo(Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(KyvernoGeneration.class)
    @DisplayName("every rendered policy, in both modes, validates against the upstream Kyverno CRD")
    void validatesAgainstTheUpstreamCrd(KyvernoGeneration generation) {
        for (PolicyEntry e : PolicyCatalogTest.CATALOG.entries()) {
            for (PolicyMode mode : PolicyMode.values()) {
                GenericKubernetesResource policy = PolicyRenderer.render(
                        PolicySelection.ofDefaults(e, EXCLUDED).withMode(mode), generation);
                JsonNode json = JSON.valueToTree(policy);
                assertThat(CRDS.validate(json))
                        .as(e.id() + " " + mode + " as " + generation)
                        .isEmpty();
            }
        }
    }

    @Test
    @DisplayName("Enforce denies and Audit only reports, in both generations")
    void modeMapsToEachGeneration() {
        PolicySelection s = PolicySelection.ofDefaults(entry("disallow-privileged-containers"), List.of());
        assertThat(spec(s.withMode(PolicyMode.ENFORCE), KyvernoGeneration.VALIDATING_POLICY)
                        .get("validationActions"))
                .isEqualTo(List.of("Deny"));
        assertThat(spec(s.withMode(PolicyMode.AUDIT), KyvernoGeneration.VALIDATING_POLICY)
                        .get("validationActions"))
                .isEqualTo(List.of("Audit"));
        assertThat(spec(s.withMode(PolicyMode.ENFORCE), KyvernoGeneration.CLUSTER_POLICY)
                        .get("validationFailureAction"))
                .isEqualTo("Enforce");
        assertThat(spec(s.withMode(PolicyMode.AUDIT), KyvernoGeneration.CLUSTER_POLICY)
                        .get("validationFailureAction"))
                .isEqualTo("Audit");
    }

    @Test
    @DisplayName("parameters become CEL literals in the rule and plain text in the message")
    void parametersAreFilledIn() {
        PolicySelection s = PolicySelection.ofDefaults(entry("limit-cluster-node-count"), List.of())
                .withValue("maxNodes", 7L);
        PolicyRenderer.RenderedRules rules = PolicyRenderer.rules(s);
        assertThat(rules.validations().get(0).expression()).endsWith("<= 7");
        assertThat(rules.validations().get(0).message()).startsWith("A cluster may have at most 7 nodes");

        PolicySelection r = PolicySelection.ofDefaults(entry("restrict-image-registries"), List.of())
                .withValue("registries", List.of("ghcr.io/acme/", "registry.example.com:5000/"));
        assertThat(PolicyRenderer.rules(r).validations().get(0).expression())
                .contains("['ghcr.io/acme/', 'registry.example.com:5000/'].exists(");
    }

    @Test
    @DisplayName("a selection with an invalid value is refused with the parameter's problem")
    void invalidSelectionIsRefused() {
        PolicySelection s = PolicySelection.ofDefaults(entry("limit-cluster-node-count"), List.of())
                .withValue("maxNodes", 0L);
        assertThatThrownBy(() -> PolicyRenderer.render(s, KyvernoGeneration.VALIDATING_POLICY))
                .hasMessageContaining("Maximum nodes")
                .hasMessageContaining("outside 1–100");
    }

    @Test
    @DisplayName(
            "namespace exclusions become a namespace selector (ValidatingPolicy) or an exclude block (ClusterPolicy)")
    void exclusionsInBothGenerations() {
        PolicySelection s = PolicySelection.ofDefaults(entry("require-probes"), EXCLUDED);
        assertThat(Serialization.asYaml(PolicyRenderer.render(s, KyvernoGeneration.VALIDATING_POLICY)))
                .contains("key: \"kubernetes.io/metadata.name\"", "operator: \"NotIn\"");
        assertThat(Serialization.asYaml(PolicyRenderer.render(s, KyvernoGeneration.CLUSTER_POLICY)))
                .contains("exclude:", "namespaces:", "- \"kube-system\"");
        PolicySelection none = PolicySelection.ofDefaults(entry("require-probes"), List.of());
        assertThat(Serialization.asYaml(PolicyRenderer.render(none, KyvernoGeneration.VALIDATING_POLICY)))
                .doesNotContain("namespaceSelector");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(PolicySelection s, KyvernoGeneration g) {
        return (Map<String, Object>)
                PolicyRenderer.render(s, g).getAdditionalProperties().get("spec");
    }
}
