package dev.backstack.panel.installer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WaiterTest {

    private static final KindInfo PROVIDER = KindRegistry.standard().require("pkg.crossplane.io/v1", "Provider");

    private static GenericKubernetesResource provider(String name, String healthy) {
        return Manifests.of("pkg.crossplane.io/v1", "Provider", null, name)
                .set(
                        "status",
                        Map.of(
                                "conditions",
                                List.of(
                                        Map.of("type", "Installed", "status", "True"),
                                        Map.of(
                                                "type",
                                                "Healthy",
                                                "status",
                                                healthy,
                                                "reason",
                                                "UnhealthyPackageRevision",
                                                "message",
                                                "pod crashes"))))
                .build();
    }

    @Test
    @DisplayName("named objects: counts the ready ones and names why each other one is not")
    void named() {
        Wait w = Wait.forNames("providers healthy", PROVIDER, null, List.of("a", "b", "c"), Readiness.crossplane());
        WaitVerdict v = Waiter.evaluate(w, List.of(provider("a", "True"), provider("b", "False")));
        assertThat(v.isReady()).isFalse();
        assertThat(v.ready()).isEqualTo(1);
        assertThat(v.total()).isEqualTo(3);
        assertThat(v.notReady())
                .hasSize(2)
                .anyMatch(l -> l.contains("pod crashes"))
                .anyMatch(l -> l.equals("Provider c does not exist yet"));
        assertThat(v.message()).startsWith("providers healthy 1/3 — ").endsWith("(and 1 more)");
        assertThat(Waiter.evaluate(w, List.of(provider("a", "True"), provider("b", "True"), provider("c", "True")))
                        .isReady())
                .isTrue();
    }

    @Test
    @DisplayName("a selector wait needs at least its minimum count of objects, all ready")
    void selector() {
        Wait w = Wait.forSelector("releases ready", PROVIDER, null, "x=y", 2, Readiness.crossplane());
        assertThat(Waiter.evaluate(w, List.of()).isReady()).isFalse();
        assertThat(Waiter.evaluate(w, List.of(provider("a", "True"))).isReady()).isFalse();
        assertThat(Waiter.evaluate(w, List.of(provider("a", "True"), provider("b", "True")))
                        .isReady())
                .isTrue();
    }

    @Test
    @DisplayName("an absence wait is met once none of its objects exists")
    void absence() {
        Wait w = Wait.forAbsence("gone", PROVIDER, null, List.of("a"));
        assertThat(Waiter.evaluate(w, List.of(provider("a", "True"))).isReady()).isFalse();
        assertThat(Waiter.evaluate(w, List.of(provider("b", "True"))).isReady()).isTrue();
    }
}
