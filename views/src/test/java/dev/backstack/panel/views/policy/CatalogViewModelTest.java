package dev.backstack.panel.views.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.policy.PolicyEntry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog page's view-model, without a stage. */
class CatalogViewModelTest {

    private final List<PolicyEntry> entries = ScriptedPolicyBackend.CATALOG.entries();
    private final CatalogViewModel vm = new CatalogViewModel(entries);

    private static PolicyEntry entry(String id) {
        return ScriptedPolicyBackend.entry(id);
    }

    private List<String> shownIds() {
        return vm.shown().stream().map(PolicyEntry::id).toList();
    }

    @ParameterizedTest(name = "\"{0}\" shows {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "privileged              | disallow-privileged-containers",
                "latest tag              | disallow-latest-tag",
                "tag latest              | disallow-latest-tag",
                "HOST PATH               | disallow-host-path",
                "  cluster   node        | limit-cluster-node-count restrict-cluster-node-size",
                "registry                | restrict-image-registries",
                "pod security restricted | require-run-as-non-root restrict-seccomp require-drop-all-capabilities require-read-only-root-filesystem",
                "high                    | disallow-privileged-containers disallow-host-namespaces disallow-host-path restrict-image-registries",
                "latest privileged       | ''",
                "no-such-guardrail       | ''",
            })
    @DisplayName("the search shows the entries holding every word typed, in any order and case, in catalog order")
    void searchFiltersByWords(String search, String expected) {
        vm.searchProperty().set(search);

        List<String> ids = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(shownIds()).containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("clearing the search shows the whole catalog again, and checks survive the filtering")
    void clearingTheSearchShowsEverything() {
        vm.searchProperty().set("probes");
        vm.toggle(vm.shown().get(0));
        vm.searchProperty().set("");

        assertThat(vm.shown()).hasSize(16).containsExactlyElementsOf(entries);
        assertThat(vm.checked()).containsExactly("require-probes");
    }

    @Test
    @DisplayName("toggle checks and unchecks; setChecked sets either way and is idempotent; the count follows")
    void toggleAndCheck() {
        assertThat(vm.countProperty().get()).isEqualTo("0 of 16 chosen");

        vm.toggle(entry("require-probes"));
        assertThat(vm.checked()).containsExactly("require-probes");
        vm.toggle(entry("require-probes"));
        assertThat(vm.checked()).isEmpty();

        vm.setChecked(entry("require-labels"), true);
        vm.setChecked(entry("require-labels"), true);
        vm.setChecked(entry("restrict-seccomp"), true);
        assertThat(vm.checked()).containsExactlyInAnyOrder("require-labels", "restrict-seccomp");
        assertThat(vm.countProperty().get()).isEqualTo("2 of 16 chosen");

        vm.setChecked(entry("require-labels"), false);
        vm.setChecked(entry("require-labels"), false);
        assertThat(vm.checked()).containsExactly("restrict-seccomp");
        assertThat(vm.countProperty().get()).isEqualTo("1 of 16 chosen");
    }

    @Test
    @DisplayName("the chosen entries come in catalog order, not in the order they were checked")
    void chosenInCatalogOrder() {
        vm.toggle(entry("require-labels"));
        vm.toggle(entry("disallow-host-path"));
        vm.toggle(entry("limit-cluster-node-count"));

        assertThat(vm.chosen())
                .extracting(PolicyEntry::id)
                .containsExactly("limit-cluster-node-count", "disallow-host-path", "require-labels");
    }

    @Test
    @DisplayName("the page is valid only while at least one entry is checked")
    void validOnlyWhenSomethingIsChecked() {
        assertThat(vm.validProperty().get()).isFalse();

        vm.toggle(entry("disallow-latest-tag"));
        assertThat(vm.validProperty().get()).isTrue();

        vm.toggle(entry("disallow-latest-tag"));
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    @DisplayName(
            "the details name the focused entry's category, severity, mode, kinds, parameter defaults and a refused sample")
    void detailsDescribeTheFocusedEntry() {
        assertThat(vm.detailsProperty().get()).isEmpty();

        vm.focusedProperty().set(entry("limit-cluster-node-count"));

        assertThat(vm.detailsProperty().get())
                .startsWith("Limit cluster node count\n\nA cluster claim may not ask for more nodes")
                .contains(
                        "Category: Cluster claims   Severity: medium   Default mode: Enforce",
                        "Applies to: EKSCluster, AKSCluster",
                        "Parameters: Maximum nodes (3)",
                        "For example, it refuses EKSCluster dev-big: A cluster may have at most 3 nodes")
                .doesNotContain("{{");

        vm.focusedProperty().set(entry("disallow-latest-tag"));
        assertThat(vm.detailsProperty().get())
                .startsWith("Disallow the 'latest' tag")
                .contains("Applies to: Pod")
                .doesNotContain("Parameters:", "Limit cluster node count");

        vm.focusedProperty().set(null);
        assertThat(vm.detailsProperty().get()).isEmpty();
    }
}
