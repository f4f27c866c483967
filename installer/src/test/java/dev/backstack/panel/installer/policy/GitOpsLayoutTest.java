package dev.backstack.panel.installer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.resources.CrdCatalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the policies go in the GitOps repository, and the ApplicationSet that delivers the spokes' ones. */
class GitOpsLayoutTest {

    private static final CrdCatalog CRDS = CrdCatalog.load();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "https://github.com/acme/platform-gitops";
    private static final Map<String, String> SELECTOR = new LinkedHashMap<>(Map.of("clusterType", "spoke"));

    private static final List<PolicySelection> SELECTIONS = List.of(
            PolicySelection.ofDefaults(
                    PolicyCatalogTest.CATALOG.entry("require-probes").orElseThrow(), List.of()),
            PolicySelection.ofDefaults(
                            PolicyCatalogTest.CATALOG
                                    .entry("disallow-host-path")
                                    .orElseThrow(),
                            List.of())
                    .withMode(PolicyMode.ENFORCE));

    private static KyvernoGeneration generation(String text) {
        return text.isBlank() ? null : KyvernoGeneration.valueOf(text);
    }

    @ParameterizedTest(name = "hub {0}, spokes {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CLUSTER_POLICY    | VALIDATING_POLICY | demo/applications/policy-require-probes.yaml policies/spokes/require-probes.yaml"
                        + " demo/applications/policy-disallow-host-path.yaml policies/spokes/disallow-host-path.yaml"
                        + " demo/applications/appset-backstack-policies.yaml",
                "VALIDATING_POLICY | ''                | demo/applications/policy-require-probes.yaml"
                        + " demo/applications/policy-disallow-host-path.yaml",
                "''                | CLUSTER_POLICY    | policies/spokes/require-probes.yaml policies/spokes/disallow-host-path.yaml"
                        + " demo/applications/appset-backstack-policies.yaml",
                "''                | ''                | ''",
            })
    @DisplayName(
            "hub policies go to demo/applications, spoke policies to policies/spokes with the ApplicationSet, in a stable order")
    void filesFollowTheReferenceLayout(String hub, String spokes, String paths) {
        Map<String, String> files =
                GitOpsLayout.files(SELECTIONS, generation(hub), generation(spokes), SELECTOR, REPO, "main");

        assertThat(files.keySet())
                .containsExactlyElementsOf(paths.isBlank() ? List.of() : Arrays.asList(paths.split(" ")));
    }

    @Test
    @DisplayName("each policy file holds the policy rendered for that side's Kyverno generation")
    void filesHoldEachSidesKind() throws Exception {
        Map<String, String> files = GitOpsLayout.files(
                SELECTIONS,
                KyvernoGeneration.CLUSTER_POLICY,
                KyvernoGeneration.VALIDATING_POLICY,
                SELECTOR,
                REPO,
                "main");

        JsonNode hub = YAML.readTree(files.get("demo/applications/policy-disallow-host-path.yaml"));
        assertThat(hub.get("kind").asText()).isEqualTo("ClusterPolicy");
        assertThat(hub.at("/metadata/name").asText()).isEqualTo("disallow-host-path");
        assertThat(hub.at("/spec/validationFailureAction").asText()).isEqualTo("Enforce");
        JsonNode spoke = YAML.readTree(files.get("policies/spokes/disallow-host-path.yaml"));
        assertThat(spoke.get("kind").asText()).isEqualTo("ValidatingPolicy");
        assertThat(spoke.at("/spec/validationActions").toString()).isEqualTo("[\"Deny\"]");
        assertThat(files.get("policies/spokes/require-probes.yaml"))
                .isEqualTo(GitOpsLayout.yaml(
                        PolicyRenderer.render(SELECTIONS.get(0), KyvernoGeneration.VALIDATING_POLICY)));
    }

    @Test
    @DisplayName("the ApplicationSet validates against Argo CD's CRD and delivers policies/spokes from the base branch")
    void applicationSetValidates() throws Exception {
        String text = GitOpsLayout.files(SELECTIONS, null, KyvernoGeneration.VALIDATING_POLICY, SELECTOR, REPO, "trunk")
                .get("demo/applications/appset-backstack-policies.yaml");
        JsonNode appSet = YAML.readTree(text);

        assertThat(CRDS.knows(appSet))
                .as("the ApplicationSet CRD is in ../shared/crds/argocd")
                .isTrue();
        assertThat(CRDS.validate(appSet)).isEmpty();
        assertThat(appSet.at("/metadata/namespace").asText()).isEqualTo("argocd");
        assertThat(appSet.at("/metadata/name").asText()).isEqualTo("backstack-policies");
        assertThat(appSet.at("/spec/template/metadata/name").asText()).isEqualTo("{{.name}}-backstack-policies");
        assertThat(appSet.at("/spec/template/spec/source/repoURL").asText()).isEqualTo(REPO);
        assertThat(appSet.at("/spec/template/spec/source/targetRevision").asText())
                .isEqualTo("trunk");
        assertThat(appSet.at("/spec/template/spec/source/path").asText()).isEqualTo("policies/spokes");
        assertThat(appSet.at("/spec/template/spec/destination/server").asText()).isEqualTo("{{.server}}");
    }

    @Test
    @DisplayName("every selector label lands in the ApplicationSet's cluster generator, and nothing else")
    void selectorLabelsLandInTheClusterGenerator() {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("clusterType", "spoke");
        selector.put("backstack.dev/tier", "gold");
        selector.put("team", "payments");

        JsonNode appSet = JSON.valueToTree(GitOpsLayout.applicationSet(selector, REPO, "main"));

        assertThat(appSet.at("/spec/generators")).hasSize(1);
        JsonNode matchLabels = appSet.at("/spec/generators/0/clusters/selector/matchLabels");
        assertThat(JSON.convertValue(matchLabels, Map.class)).isEqualTo(selector);
        assertThat(CRDS.validate(appSet)).isEmpty();
    }
}
