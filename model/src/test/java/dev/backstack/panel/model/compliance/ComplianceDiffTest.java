package dev.backstack.panel.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ResourceRef;
import dev.backstack.panel.model.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which verdict changes the history keeps as transitions. */
class ComplianceDiffTest {

    private static final StateKey KEY =
            new StateKey("spoke-1", "require-ro-rootfs", new ResourceRef("Pod", "web", "web-1"));

    private static Map<StateKey, ResourceState> state(String verdict, String message) {
        Map<StateKey, ResourceState> m = new HashMap<>();
        Verdict.of(verdict).ifPresent(v -> m.put(KEY, new ResourceState(KEY, v, "ro-rootfs", message)));
        return m;
    }

    @ParameterizedTest(name = "{0} -> {1}: kept {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pass  | fail  | true  | pass → fail",
                "fail  | pass  | true  | fail → pass",
                "fail  | error | true  | fail → error",
                "warn  | fail  | true  | warn → fail",
                "none  | fail  | true  | none → fail",
                "fail  | none  | true  | fail → none",
                "error | skip  | true  | error → skip",
                "pass  | warn  | false | ''",
                "warn  | pass  | false | ''",
                "none  | pass  | false | ''",
                "pass  | none  | false | ''",
                "fail  | fail  | false | ''",
                "skip  | pass  | false | ''",
            })
    void keepsChangesWithAFailureOnEitherSide(String from, String to, boolean kept, String change) {
        List<Transition> t = ComplianceDiff.transitions(state(from, "before"), state(to, "after"), 42);
        assertThat(t).hasSize(kept ? 1 : 0);
        if (kept) {
            assertThat(t.get(0).change()).isEqualTo(change);
            assertThat(t.get(0).atMillis()).isEqualTo(42);
            assertThat(t.get(0).resource()).isEqualTo(KEY.resource());
            assertThat(t.get(0).message()).isEqualTo(to.equals("none") ? "before" : "after");
            assertThat(t.get(0).failing())
                    .isEqualTo(Verdict.of(to).map(Verdict::failing).orElse(false));
        }
    }

    @Test
    @DisplayName("a resource's state is the worst of its policy's rules, with that rule and message")
    void worstRuleWins() {
        var cluster = Fleets.reachable("spoke-1", "WG_WEB", "OR_WEB_2");
        Map<StateKey, ResourceState> states = ResourceState.of(cluster);
        StateKey web2 = new StateKey("spoke-1", "disallow-host-path", new ResourceRef("Pod", "web", "web-2"));
        assertThat(states.get(web2).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(states.get(web2).message()).isEqualTo("hostPath volumes are forbidden");
        assertThat(states).hasSize(4);
    }
}
