package dev.backstack.panel.installer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.policy.CelTemplate;
import dev.backstack.panel.model.policy.PolicyCategory;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyCatalogTest {

    static final PolicyCatalog CATALOG = PolicyCatalog.load();

    static List<PolicyEntry> entries() {
        return CATALOG.entries();
    }

    @Test
    @DisplayName("the catalog covers the reference's claim guardrails, both pod security levels and best practices")
    void coversEveryCategory() {
        assertThat(CATALOG.entries().stream().map(PolicyEntry::category).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(PolicyCategory.values());
        assertThat(CATALOG.entries().stream().map(PolicyEntry::id))
                .doesNotHaveDuplicates()
                .contains(
                        "limit-cluster-node-count",
                        "restrict-cluster-node-size",
                        "validate-cluster-name",
                        "disallow-privileged-containers",
                        "disallow-host-namespaces",
                        "disallow-host-path",
                        "require-run-as-non-root",
                        "require-read-only-root-filesystem",
                        "restrict-seccomp",
                        "disallow-capabilities",
                        "require-requests-limits",
                        "require-probes",
                        "restrict-image-registries",
                        "disallow-latest-tag",
                        "require-labels");
    }

    @ParameterizedTest
    @MethodSource("entries")
    @DisplayName("every entry has passing and failing samples of the kinds it matches")
    void samplesMatchTheEntry(PolicyEntry entry) {
        assertThat(entry.passing()).as("passing samples").isNotEmpty();
        assertThat(entry.failing()).as("failing samples").isNotEmpty();
        List<String> kinds = entry.matches().stream()
                .map(m -> m.apiVersion() + "/" + m.kind())
                .toList();
        for (Map<String, Object> sample : concat(entry.passing(), entry.failing())) {
            assertThat(sample.get("apiVersion") + "/" + sample.get("kind")).isIn(kinds);
        }
        assertThat(entry.matches()).allMatch(ResourceMatch::namespaced);
    }

    @ParameterizedTest
    @MethodSource("entries")
    @DisplayName("every template renders with the entry's defaults (no unknown placeholder)")
    void templatesRenderWithDefaults(PolicyEntry entry) {
        Map<String, Object> defaults = entry.defaults();
        entry.validations()
                .forEach(v ->
                        assertThat(CelTemplate.render(v.expression(), defaults)).doesNotContain("{{"));
        entry.variables()
                .forEach(v ->
                        assertThat(CelTemplate.render(v.expression(), defaults)).doesNotContain("{{"));
        entry.validations()
                .forEach(v -> assertThat(CelTemplate.renderMessage(v.message(), defaults))
                        .doesNotContain("{{", "null"));
    }

    @Test
    @DisplayName("search finds entries by words of their title, description or category")
    void searchFindsByWords() {
        assertThat(CATALOG.search("privileged")).extracting(PolicyEntry::id).contains("disallow-privileged-containers");
        assertThat(CATALOG.search("CLUSTER CLAIMS")).hasSize(3);
        assertThat(CATALOG.search("")).hasSameSizeAs(CATALOG.entries());
        assertThat(CATALOG.search("no such policy anywhere")).isEmpty();
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
