package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.apply.Manifests;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    private static final Instant T1 = Instant.parse("2026-11-26T06:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-26T06:05:00Z");

    private static Map<String, Object> status(String ready) {
        return Manifests.map(
                "conditions",
                Manifests.list(
                        Manifests.condition("Ready", ready, "", ""), Manifests.condition("Synced", "True", "", "")));
    }

    private static Object time(Map<String, Object> status, int i) {
        return ((Map<?, ?>) ((List<?>) status.get("conditions")).get(i)).get("lastTransitionTime");
    }

    @Test
    @DisplayName("a condition appearing gets now; one keeping its status keeps its time; one changing gets now")
    void stampsLikeAController() {
        Map<String, Object> first = Transitions.stamp(null, status("False"), T1);
        assertThat(time(first, 0)).isEqualTo(T1.toString());

        Map<String, Object> same = Transitions.stamp(first, status("False"), T2);
        assertThat(time(same, 0)).isEqualTo(T1.toString());
        assertThat(same).isEqualTo(first);

        Map<String, Object> changed = Transitions.stamp(same, status("True"), T2);
        assertThat(time(changed, 0)).isEqualTo(T2.toString());
        assertThat(time(changed, 1)).as("Synced did not change").isEqualTo(T1.toString());
    }

    @Test
    @DisplayName("a status without conditions is left as it is")
    void noConditions() {
        Map<String, Object> s = Manifests.map("phase", "Running");
        assertThat(Transitions.stamp(null, s, T1)).isSameAs(s);
    }
}
