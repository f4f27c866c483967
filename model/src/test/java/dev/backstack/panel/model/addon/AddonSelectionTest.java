package dev.backstack.panel.model.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.model.policy.ParamType;
import dev.backstack.panel.model.policy.PolicyParameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddonSelectionTest {

    private static final PolicyParameter RETENTION = new PolicyParameter(
            "prometheus.prometheusSpec.retention",
            "Prometheus retention",
            "",
            ParamType.STRING,
            "10d",
            null,
            null,
            "[0-9]+[smhdwy]");
    private static final PolicyParameter REPLICAS =
            new PolicyParameter("replicas", "Replicas", "", ParamType.INTEGER, 1L, 1L, 5L, null);
    private static final AddonEntry ENTRY = new AddonEntry(
            "monitoring",
            "Monitoring",
            "",
            new AddonSource.Chart("kube-prometheus-stack", "https://example.org/charts", "1.0.0", "v1", ""),
            "monitoring",
            List.of(RETENTION, REPLICAS),
            List.of(),
            true,
            List.of(),
            Map.of());

    @ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "replicas                            | 3     |",
                "replicas                            | 0     | monitoring: Replicas: 0 is outside 1–5",
                "replicas                            | six   | monitoring: Replicas: enter a whole number",
                "prometheus.prometheusSpec.retention | 30d   |",
                "prometheus.prometheusSpec.retention | month | monitoring: Prometheus retention: \"month\" does not match [0-9]+[smhdwy]",
                "nope                                | 1     | monitoring has no parameter nope (it has [prometheus.prometheusSpec.retention, replicas])"
            })
    @DisplayName("typed text is read by the parameter and refused with its message")
    void readsTextThroughTheParameter(String name, String text, String error) {
        AddonSelection s = AddonSelection.ofDefaults(ENTRY);
        if (error == null) {
            assertThat(s.withText(name, text).problems()).isEmpty();
        } else {
            assertThatThrownBy(() -> s.withText(name, text)).hasMessage(error);
        }
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "replicas | 2   |",
                "replicas | 9   | monitoring: Replicas: 9 is outside 1–5",
                "replicas | two | monitoring: Replicas: expected integer, got two",
                "other    | 1   | monitoring: unknown parameter other"
            })
    @DisplayName("typed values (a profile's) are checked by problems()")
    void checksTypedValues(String name, String value, String problem) {
        Object typed = value.matches("[0-9]+") ? (Object) Long.parseLong(value) : value;
        List<String> problems =
                AddonSelection.ofDefaults(ENTRY).withValue(name, typed).problems();
        assertThat(problems).isEqualTo(problem == null ? List.of() : List.of(problem));
    }

    @Test
    @DisplayName("defaults target clusterType=spoke; named spokes replace the selector; no target is a problem")
    void targets() {
        AddonSelection s = AddonSelection.ofDefaults(ENTRY);
        assertThat(s.selector()).isEqualTo(Map.of("clusterType", "spoke"));
        assertThat(s.problems()).isEmpty();
        assertThat(s.withSpokes(List.of("spoke-1")).spokes()).containsExactly("spoke-1");
        assertThat(s.withSelector(Map.of()).problems())
                .containsExactly("monitoring: choose spokes by label or by name");
        assertThat(s.withSelector(Map.of("env", "not a label")).problems())
                .containsExactly("monitoring: selector env=not a label is not a label");
    }

    @Test
    @DisplayName("an entry refuses an id that is not a DNS label and a need on itself")
    void entryValidation() {
        AddonSource src = new AddonSource.Git("policies/spokes", "");
        assertThatThrownBy(() -> new AddonEntry(
                        "Bad_Id", null, null, src, "x", List.of(), List.of(), false, List.of(), Map.of()))
                .hasMessageContaining("not a DNS label");
        assertThatThrownBy(() ->
                        new AddonEntry("a", null, null, src, "x", List.of(), List.of("a"), false, List.of(), Map.of()))
                .hasMessageContaining("needs itself");
    }
}
