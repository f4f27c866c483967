package dev.backstack.panel.installer.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.addon.AddonSource;
import dev.backstack.panel.resources.CrdCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AddonRendererTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/addons-spoke.yaml");
    private static final String REPO = "https://github.com/example/gitops.git";
    private static final CrdCatalog CRDS = CrdCatalog.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AddonCatalog CATALOG = AddonCatalogTest.CATALOG;

    private static List<AddonSelection> defaults() {
        return CATALOG.entries().stream().map(AddonSelection::ofDefaults).toList();
    }

    private static AddonSelection selection(String id) {
        return AddonSelection.ofDefaults(CATALOG.entry(id).orElseThrow());
    }

    @Test
    @DisplayName(
            "the whole catalog with its defaults for clusterType=spoke matches its golden file (-Dgolden.update=true)")
    void matchesGolden() throws IOException {
        StringBuilder rendered = new StringBuilder();
        AddonRenderer.render(CATALOG, defaults(), REPO, "main").forEach(a -> rendered.append(Serialization.asYaml(a)));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, rendered);
        }
        assertThat(GOLDEN)
                .as("golden file; create it with -Dgolden.update=true and review it")
                .exists();
        assertThat(rendered.toString()).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    @DisplayName("every ApplicationSet, by label or by name, validates against Argo CD's CRD")
    void validatesAgainstTheArgoCdCrd() {
        assertThat(CRDS.knows("argoproj.io/v1alpha1", "ApplicationSet")).isTrue();
        List<AddonSelection> named = defaults().stream()
                .map(s -> s.withSpokes(List.of("spoke-1", "spoke-2")))
                .toList();
        for (List<AddonSelection> selections : List.of(defaults(), named)) {
            for (GenericKubernetesResource a : AddonRenderer.render(CATALOG, selections, REPO, "main")) {
                assertThat(CRDS.validate(JSON.valueToTree(a)))
                        .as(a.getMetadata().getName())
                        .isEmpty();
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode wrong = JSON.valueToTree(
                AddonRenderer.render(selection("kyverno").withSpokes(List.of("spoke-1")), 0, null, null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.at("/spec/generators/0/clusters")).putArray("names");
        assertThat(CRDS.validate(wrong))
                .as("a field the cluster generator does not have")
                .isNotEmpty();
    }

    @Test
    @DisplayName("an add-on's sync wave is later than the wave of everything it needs")
    void wavesFollowNeeds() {
        Map<String, Integer> waves = AddonRenderer.render(CATALOG, defaults(), REPO, "main").stream()
                .collect(java.util.stream.Collectors.toMap(a -> a.getMetadata().getName(), AddonRendererTest::wave));
        for (AddonEntry e : CATALOG.entries()) {
            for (String need : e.needs()) {
                assertThat(waves.get(e.id())).as(e.id() + " after " + need).isGreaterThan(waves.get(need));
            }
        }
        assertThat(waves).containsEntry("kyverno", 0).containsEntry("backstack-policies", 1);
    }

    @Test
    @DisplayName("waves are computed over chains, and a cycle is refused")
    void wavesOverChains() {
        assertThat(SyncWaves.of(List.of(entry("c", "b"), entry("b", "a"), entry("a"))))
                .containsExactly(Map.entry("c", 2), Map.entry("b", 1), Map.entry("a", 0));
        assertThatThrownBy(() -> SyncWaves.of(List.of(entry("a", "b"), entry("b", "c"), entry("c", "a"))))
                .hasMessageContaining("[a, b, c] need each other in a cycle");
    }

    @Test
    @DisplayName("labels select cluster secrets; named spokes become a post selector on the cluster's name")
    void selectorsAndNamedSpokes() {
        AddonSelection s = selection("cert-manager").withSelector(Map.of("env", "prod"));
        assertThat(Serialization.asYaml(AddonRenderer.render(s, 0, null, null)))
                .contains("matchLabels:\n          env: \"prod\"")
                .doesNotContain("clusterType");
        String named = Serialization.asYaml(AddonRenderer.render(s.withSpokes(List.of("spoke-3")), 0, null, null));
        assertThat(named)
                .contains("key: \"name\"", "operator: \"In\"", "- \"spoke-3\"")
                .doesNotContain("matchLabels");
    }

    @Test
    @DisplayName("parameters land at their dotted path in helm.valuesObject, over the entry's fixed values")
    void parametersBecomeValues() {
        AddonSelection s = selection("kube-prometheus-stack").withText("prometheus.prometheusSpec.retention", "30d");
        String yaml = Serialization.asYaml(AddonRenderer.render(s, 0, null, null));
        assertThat(yaml).contains("prometheus:\n              prometheusSpec:\n                retention: \"30d\"");
        assertThat(Serialization.asYaml(AddonRenderer.render(selection("cert-manager"), 0, null, null)))
                .contains("crds:\n              enabled: true", "repoURL: \"quay.io/jetstack/charts\"");
    }

    @Test
    @DisplayName("a bad parameter value is refused with the parameter's message")
    void badValueIsRefused() {
        AddonSelection s = selection("kyverno").withValue("admissionController.replicas", 9L);
        assertThatThrownBy(() -> AddonRenderer.render(CATALOG, List.of(s), REPO, "main"))
                .hasMessage("kyverno: Admission controller replicas: 9 is outside 1–5");
    }

    @Test
    @DisplayName("the policy set syncs the GitOps repository's policies/spokes folder and needs its URL")
    void gitSource() {
        String yaml = Serialization.asYaml(AddonRenderer.render(selection("backstack-policies"), 1, REPO, "main"));
        assertThat(yaml)
                .contains("path: \"policies/spokes\"", "repoURL: \"" + REPO + "\"")
                .doesNotContain("chart:");
        assertThatThrownBy(() -> AddonRenderer.render(CATALOG, List.of(selection("backstack-policies")), null, "main"))
                .hasMessageContaining("backstack-policies: syncs a folder of the GitOps repository");
    }

    @SuppressWarnings("unchecked")
    private static int wave(GenericKubernetesResource a) {
        Map<String, Object> spec =
                (Map<String, Object>) a.getAdditionalProperties().get("spec");
        Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("metadata");
        return Integer.parseInt((String) ((Map<String, Object>) meta.get("annotations")).get(AddonRenderer.SYNC_WAVE));
    }

    private static AddonEntry entry(String id, String... needs) {
        return new AddonEntry(
                id,
                null,
                null,
                new AddonSource.Git("p", ""),
                id,
                List.of(),
                List.of(needs),
                false,
                List.of(),
                Map.of());
    }
}
