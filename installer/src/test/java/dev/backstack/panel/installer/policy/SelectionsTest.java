package dev.backstack.panel.installer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Selections from what a person typed: ids, modes, {@code id.parameter=text} values, exclusions. */
class SelectionsTest {

    private static final PolicyCatalog CATALOG = PolicyCatalogTest.CATALOG;

    /** {@code a=b;c=d} as an ordered map; empty text for none. */
    private static Map<String, String> pairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!text.isBlank()) {
            for (String p : text.split(";")) {
                out.put(
                        p.substring(0, p.indexOf('=')).strip(),
                        p.substring(p.indexOf('=') + 1).strip());
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown id            | nope                               | ''                               | ''"
                        + "                                          | kube-system | no policy nope in the catalog (policies list shows them)",
                "bad mode              | require-probes                     | require-probes=strict            | ''"
                        + "                                          | kube-system | require-probes: mode must be audit or enforce, not strict",
                "value out of range    | limit-cluster-node-count           | ''                               | limit-cluster-node-count.maxNodes=0"
                        + "          | kube-system | limit-cluster-node-count: Maximum nodes: 0 is outside 1–100",
                "not a number          | limit-cluster-node-count           | ''                               | limit-cluster-node-count.maxNodes=many"
                        + "       | kube-system | limit-cluster-node-count: Maximum nodes: enter a whole number",
                "list item off pattern | restrict-image-registries          | ''                               | restrict-image-registries.registries=ghcr.io"
                        + " | kube-system | restrict-image-registries: Allowed registries: \"ghcr.io\" does not match",
                "empty list            | require-labels                     | ''                               | require-labels.labels= ,"
                        + "                      | kube-system | require-labels: Required labels: give at least 1 value",
                "unknown parameter     | require-probes                     | ''                               | require-probes.timeout=5"
                        + "                    | kube-system | --set require-probes.timeout: no such policy parameter",
                "parameter of a policy not chosen | require-probes          | ''                               | require-labels.labels=team"
                        + "                  | kube-system | --set require-labels.labels: no such policy parameter",
                "mode of a policy not chosen | require-probes               | require-labels=audit             | ''"
                        + "                                          | kube-system | --mode require-labels: that policy is not chosen",
                "bad excluded namespace | require-probes                    | ''                               | ''"
                        + "                                          | Kube_System | require-probes: excluded namespace \"Kube_System\" is not a namespace name",
            })
    @DisplayName("each kind of mistake is refused with a message naming the policy and what is wrong")
    void refusesEachMistake(String what, String ids, String modes, String values, String excluded, String message) {
        assertThatThrownBy(() -> Selections.of(CATALOG, words(ids), pairs(modes), pairs(values), words(excluded)))
                .as(what)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("every problem is reported at once, one line each, in the order typed")
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> Selections.of(
                        CATALOG,
                        List.of("nope", "limit-cluster-node-count", "require-probes"),
                        pairs("require-probes=strict; require-labels=audit"),
                        pairs("limit-cluster-node-count.maxNodes=0; require-probes.timeout=5"),
                        List.of("kube-system", "Bad")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join(
                        "\n",
                        "no policy nope in the catalog (policies list shows them)",
                        "limit-cluster-node-count: Maximum nodes: 0 is outside 1–100",
                        "limit-cluster-node-count: excluded namespace \"Bad\" is not a namespace name",
                        "require-probes: mode must be audit or enforce, not strict",
                        "require-probes: excluded namespace \"Bad\" is not a namespace name",
                        "--set require-probes.timeout: no such policy parameter",
                        "--mode require-labels: that policy is not chosen"));
    }

    @Test
    @DisplayName(
            "valid input gives typed values over the defaults, modes in any case, the ids' order and the exclusions")
    void buildsTypedSelections() {
        List<PolicySelection> s = Selections.of(
                CATALOG,
                List.of("restrict-image-registries", "limit-cluster-node-count", "require-probes"),
                pairs("limit-cluster-node-count=AUDIT; require-probes=Enforce"),
                pairs(
                        "limit-cluster-node-count.maxNodes= 7 ; restrict-image-registries.registries=ghcr.io/acme/, quay.io/"),
                List.of("kube-system", "team-a"));

        assertThat(s)
                .extracting(x -> x.entry().id())
                .containsExactly("restrict-image-registries", "limit-cluster-node-count", "require-probes");
        assertThat(s.get(0).values()).containsExactly(Map.entry("registries", List.of("ghcr.io/acme/", "quay.io/")));
        assertThat(s.get(0).mode()).as("the entry's default").isEqualTo(PolicyMode.AUDIT);
        assertThat(s.get(1).values()).containsExactly(Map.entry("maxNodes", 7L));
        assertThat(s.get(1).mode()).isEqualTo(PolicyMode.AUDIT);
        assertThat(s.get(2).values()).isEmpty();
        assertThat(s.get(2).mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(s).allSatisfy(x -> assertThat(x.excludedNamespaces()).containsExactly("kube-system", "team-a"));
    }

    @Test
    @DisplayName("with nothing set, a selection is the entry's defaults and default mode")
    void defaults() {
        PolicySelection s = Selections.of(
                        CATALOG, List.of("validate-cluster-name"), Map.of(), Map.of(), Selections.DEFAULT_EXCLUDED)
                .get(0);

        assertThat(s)
                .isEqualTo(PolicySelection.ofDefaults(
                        CATALOG.entry("validate-cluster-name").orElseThrow(),
                        List.of("kube-system", "kube-public", "kube-node-lease", "kyverno")));
        assertThat(s.mode()).isEqualTo(PolicyMode.ENFORCE);
    }
}
