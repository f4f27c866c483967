package dev.backstack.panel.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CelTemplateTest {

    @Test
    @DisplayName("placeholders become CEL literals; quotes and backslashes are escaped")
    void literals() {
        Map<String, Object> v = Map.of("n", 5L, "names", List.of("a'b", "c\\d"), "s", "x");
        assertThat(CelTemplate.render("x <= {{n}} && y in {{ names }} && z == {{s}}", v))
                .isEqualTo("x <= 5 && y in ['a\\'b', 'c\\\\d'] && z == 'x'");
        assertThat(CelTemplate.renderMessage("at most {{n}} of {{names}}", v)).isEqualTo("at most 5 of a'b, c\\d");
    }

    @Test
    @DisplayName("a placeholder without a value is an error, not an empty string")
    void missingValue() {
        assertThatThrownBy(() -> CelTemplate.render("a == {{missing}}", Map.of()))
                .hasMessageContaining("{{missing}}");
    }

    @ParameterizedTest(name = "Kyverno {0} -> {1}, executes ClusterPolicy: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "v1.11.4 | CLUSTER_POLICY    | true",
                "1.16.2  | CLUSTER_POLICY    | true",
                "v1.17.0 | VALIDATING_POLICY | true",
                "v1.19.0 | VALIDATING_POLICY | true",
                "v1.20.0 | VALIDATING_POLICY | false",
                "1.21    | VALIDATING_POLICY | false",
                "latest  |                   | true",
                "v2.0.0  |                   | true"
            })
    @DisplayName("the Kyverno version chooses the generation and says whether legacy policies still run")
    void generations(String version, KyvernoGeneration expected, boolean executes) {
        assertThat(KyvernoGeneration.forVersion(version)).isEqualTo(Optional.ofNullable(expected));
        assertThat(KyvernoGeneration.executesClusterPolicies(version)).isEqualTo(executes);
    }
}
