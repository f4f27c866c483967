package dev.backstack.panel.model.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "2, 2",
        "500m, 0.5",
        "2500m, 2.5",
        "0.5, 0.5",
        ".5, 0.5",
        "100n, 0.0000001",
        "3u, 0.000003",
        "1k, 1000",
        "1M, 1000000",
        "1G, 1000000000",
        "1Ki, 1024",
        "512Mi, 536870912",
        "1Gi, 1073741824",
        "1.5Gi, 1610612736",
        "1Ti, 1099511627776",
        "1e3, 1000",
        "2E-1, 0.2",
        "+7, 7",
    })
    @DisplayName("reads every suffix the API server reads, in base units")
    void readsKubernetesQuantities(String text, String value) {
        assertThat(Quantity.parse(text).value()).isEqualByComparingTo(new BigDecimal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1gi", "1 Gi", "Gi", "1.2.3", "1GB", "--1", "1mi", "0x10"})
    @DisplayName("refuses what the API server refuses, with examples of what it reads")
    void refusesOtherText(String text) {
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a Kubernetes quantity (such as 500m, 2, 512Mi or 1Gi)");
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
        "4, 4",
        "0.5, 500m",
        ".1, 100m",
        "1000m, 1",
        "1500m, 1500m",
        "2500m, 2500m",
        "2000, 2k",
        "1234, 1234",
        "12345000, 12345k",
        "1M, 1M",
        "1000k, 1M",
        "0.000000001, 1n",
        "0.0000000001, 1n",
        "1e3, 1e3",
        "1.5e3, 1500",
        "1e0, 1",
        "0, 0",
        "8Gi, 8Gi",
        "1024Mi, 1Gi",
        "1.5Gi, 1536Mi",
        "512Ki, 512Ki",
        "0.5Ki, 512",
        "1.5Ki, 1536",
        "1.1Gi, 1181116007",
        "128Mi, 128Mi",
    })
    @DisplayName("the canonical form is what the API server stores and returns")
    void canonicalForm(String text, String canonical) {
        assertThat(Quantity.parse(text).canonical()).isEqualTo(canonical);
    }

    @Test
    @DisplayName("compares by value across suffixes: 1000m equals 1, 1Gi is more than 1G")
    void comparesByValue() {
        assertThat(Quantity.parse("1000m").compareTo(Quantity.parse("1"))).isZero();
        assertThat(Quantity.parse("1Gi")).isGreaterThan(Quantity.parse("1G"));
        assertThat(Quantity.parse("1024Mi").compareTo(Quantity.parse("1Gi"))).isZero();
    }

    @Test
    @DisplayName("a positive quantity's problem names the field; zero and negatives are refused")
    void problemNamesTheField() {
        assertThat(Quantity.problem("CPU quota", "4")).isEmpty();
        assertThat(Quantity.problem("CPU quota", "0")).contains("CPU quota: must be more than zero, not 0");
        assertThat(Quantity.problem("CPU quota", "-1")).contains("CPU quota: must be more than zero, not -1");
        assertThat(Quantity.problem("Memory quota", "8 GB"))
                .get()
                .asString()
                .startsWith("Memory quota: \"8 GB\" is not a Kubernetes quantity");
    }
}
