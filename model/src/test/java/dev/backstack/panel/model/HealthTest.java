package dev.backstack.panel.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthTest {

    @Test
    @DisplayName("orders healths as Argo CD does, from best to worst")
    void ordersHealthsFromBestToWorst() {
        List<Health> argoOrder = List.of(
                Health.HEALTHY, Health.SUSPENDED, Health.PROGRESSING, Health.MISSING, Health.DEGRADED, Health.UNKNOWN);
        for (int i = 0; i < argoOrder.size(); i++) {
            for (int j = 0; j < argoOrder.size(); j++) {
                assertThat(argoOrder.get(i).isWorseThan(argoOrder.get(j)))
                        .as("%s worse than %s", argoOrder.get(i), argoOrder.get(j))
                        .isEqualTo(i > j);
            }
        }
    }

    @ParameterizedTest(name = "worst of {0} and {1} is {2}")
    @CsvSource({
        "HEALTHY, HEALTHY, HEALTHY",
        "HEALTHY, SUSPENDED, SUSPENDED",
        "PROGRESSING, SUSPENDED, PROGRESSING",
        "MISSING, PROGRESSING, MISSING",
        "DEGRADED, MISSING, DEGRADED",
        "DEGRADED, UNKNOWN, UNKNOWN",
        "UNKNOWN, HEALTHY, UNKNOWN",
    })
    void worstWins(Health a, Health b, Health expected) {
        assertThat(a.worst(b)).isEqualTo(expected);
        assertThat(b.worst(a)).isEqualTo(expected);
        assertThat(Health.worstOf(List.of(a, b))).isEqualTo(expected);
    }

    @Test
    void unknownIsWorseThanEveryOtherHealth() {
        for (Health h : EnumSet.complementOf(EnumSet.of(Health.UNKNOWN))) {
            assertThat(Health.UNKNOWN.isWorseThan(h))
                    .as("Unknown worse than %s", h)
                    .isTrue();
            assertThat(Health.worstOf(List.of(h, Health.UNKNOWN, h))).isEqualTo(Health.UNKNOWN);
        }
    }

    @Test
    void rollUpOfNothingIsHealthy() {
        assertThat(Health.worstOf(List.of())).isEqualTo(Health.HEALTHY);
    }

    @ParameterizedTest(name = "\"{0}\" parses as {1}")
    @CsvSource({
        "Healthy, HEALTHY",
        "Suspended, SUSPENDED",
        "Progressing, PROGRESSING",
        "Missing, MISSING",
        "Degraded, DEGRADED",
        "Unknown, UNKNOWN",
        "healthy, HEALTHY",
        "DEGRADED, DEGRADED",
        "' Progressing ', PROGRESSING",
    })
    void parsesArgoCdSpellings(String text, Health expected) {
        assertThat(Health.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is Unknown")
    @NullAndEmptySource
    @ValueSource(strings = {"Error", "Ready", "OK", "green", "Heal", "Healthyish"})
    void parsesAnythingElseAsUnknown(String text) {
        assertThat(Health.parse(text)).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void labelsAreTheWordsArgoCdUses() {
        for (Health h : Health.values()) {
            assertThat(Health.parse(h.label())).isEqualTo(h);
        }
        assertThat(Health.PROGRESSING.label()).isEqualTo("Progressing");
    }
}
