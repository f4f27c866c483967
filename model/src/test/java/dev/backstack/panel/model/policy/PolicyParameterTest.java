package dev.backstack.panel.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParameterTest {

    private static final PolicyParameter MAX_NODES =
            new PolicyParameter("maxNodes", "Maximum nodes", "", ParamType.INTEGER, 3L, 1L, 100L, null);
    private static final PolicyParameter REGISTRIES = new PolicyParameter(
            "registries",
            "Allowed registries",
            "",
            ParamType.STRING_LIST,
            List.of("ghcr.io/"),
            null,
            null,
            "[a-z0-9.-]+(:[0-9]+)?/([a-z0-9._/-]*)?");
    private static final PolicyParameter PREFIX =
            new PolicyParameter("prefix", "Prefix", "", ParamType.STRING, "dev-", null, null, "[a-z0-9-]+");

    @ParameterizedTest(name = "maxNodes \"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "3        | 3    |",
                " 100     | 100  |",
                "1        | 1    |",
                "0        |      | Maximum nodes: 0 is outside 1–100",
                "101      |      | Maximum nodes: 101 is outside 1–100",
                "three    |      | Maximum nodes: enter a whole number",
                "''       |      | Maximum nodes: enter a whole number",
                "2.5      |      | Maximum nodes: enter a whole number"
            })
    @DisplayName("integers are parsed and kept within their bounds")
    void integers(String text, Long value, String error) {
        ParamCheck c = MAX_NODES.parse(text);
        assertThat(c.value()).isEqualTo(value);
        assertThat(c.error()).isEqualTo(error);
    }

    @ParameterizedTest(name = "registries \"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "ghcr.io/                          | ghcr.io/                           |",
                "ghcr.io/, quay.io/acme/           | ghcr.io/;quay.io/acme/             |",
                "' ghcr.io/ ,, registry.local:5000/ ' | ghcr.io/;registry.local:5000/   |",
                "''                                 |                                   | Allowed registries: give at least 1 value",
                "ghcr.io/, Docker Hub              |                                    | Allowed registries: \"Docker Hub\" does not match [a-z0-9.-]+(:[0-9]+)?/([a-z0-9._/-]*)?"
            })
    @DisplayName("lists are comma-separated, trimmed, each item checked against the pattern")
    void lists(String text, String items, String error) {
        ParamCheck c = REGISTRIES.parse(text);
        assertThat(c.error()).isEqualTo(error);
        assertThat(c.value()).isEqualTo(items == null ? null : List.of(items.split(";")));
    }

    @Test
    @DisplayName("strings must be present and match the pattern; typed values are checked as well")
    void stringsAndTypedValues() {
        assertThat(PREFIX.parse("team-").value()).isEqualTo("team-");
        assertThat(PREFIX.parse(" ").error()).isEqualTo("Prefix: required");
        assertThat(PREFIX.parse("Team_A").error()).contains("does not match");
        assertThat(MAX_NODES.check("3").error()).isEqualTo("Maximum nodes: expected integer, got 3");
        assertThat(REGISTRIES.check(List.of("ghcr.io/", 5)).valid()).isFalse();
        assertThat(REGISTRIES.format(List.of("a/", "b/"))).isEqualTo("a/, b/");
    }
}
