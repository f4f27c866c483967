package dev.backstack.panel.model.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.rules.ClusterAssembler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddonMatrixTest {

    private static KubeObject app(String name, String health, String sync, int retries) {
        return new KubeObject(
                "argoproj.io/v1alpha1",
                "Application",
                "argocd",
                name,
                "u-" + name,
                1,
                null,
                null,
                Map.of(),
                Map.of(),
                List.of(),
                Map.of(
                        "spec",
                        Map.of("destination", Map.of("server", "https://x")),
                        "status",
                        Map.of(
                                "health",
                                Map.of("status", health),
                                "sync",
                                Map.of("status", sync),
                                "operationState",
                                Map.of(
                                        "phase",
                                        retries > 0 ? "Failed" : "Succeeded",
                                        "retryCount",
                                        retries,
                                        "message",
                                        "boom"))));
    }

    private static Cluster cluster(String name, ClusterRole role, List<KubeObject> objects) {
        return ClusterAssembler.assemble(
                new ClusterAssembler.Identity(name, name, role, "https://" + name, Set.of()),
                Reachability.REACHABLE,
                "v1.34.1",
                ObjectSet.of(objects));
    }

    @Test
    @DisplayName("every spoke against every add-on found in the Applications' names; eu never takes eu-west's")
    void spokesAgainstAddons() {
        Cluster hub = cluster(
                "hub",
                ClusterRole.HUB,
                List.of(
                        app("spoke-1-kyverno", "Healthy", "Synced", 0),
                        app("spoke-1-cert-manager", "Degraded", "Synced", 3),
                        app("eu-west-kyverno", "Progressing", "OutOfSync", 0),
                        app("apps-from-hub", "Healthy", "Synced", 0)));
        Fleet fleet = new Fleet(
                hub,
                List.of(
                        cluster("spoke-1", ClusterRole.SPOKE, List.of()),
                        cluster("eu", ClusterRole.SPOKE, List.of()),
                        cluster("eu-west", ClusterRole.SPOKE, List.of())),
                List.of(),
                false,
                1,
                0);

        AddonMatrix m = AddonMatrix.of(fleet);

        assertThat(m.addons()).containsExactly("cert-manager", "kyverno");
        assertThat(m.rows()).extracting(AddonMatrix.Row::spoke).containsExactly("spoke-1", "eu", "eu-west");
        assertThat(m.rows().get(0).cell("cert-manager")).get().satisfies(a -> {
            assertThat(a.health()).isEqualTo(Health.DEGRADED);
            assertThat(a.retryCount()).isEqualTo(3);
        });
        assertThat(m.rows().get(1).cells())
                .as("eu-west's Application is not eu's")
                .isEmpty();
        assertThat(m.rows().get(2).cells()).containsOnlyKeys("kyverno");
        assertThat(m.rows().get(2).cell("cert-manager")).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "spoke-1-kyverno          | spoke-1 | kyverno",
                "spoke-1-kyverno-policies | spoke-1 | kyverno-policies",
                "spoke-1-                 | spoke-1 | ''",
                "spoke-10-kyverno         | spoke-1 | ''",
                "eu-west-kyverno          | eu      | west-kyverno",
                "apps-from-hub            | spoke-1 | ''"
            })
    @DisplayName("the add-on is what follows the spoke's name and a dash")
    void addonOfName(String application, String spoke, String addon) {
        assertThat(AddonMatrix.addonOf(application, spoke).orElse("")).isEqualTo(addon);
    }

    @Test
    @DisplayName("a cell reads health, sync and retries")
    void label() {
        ApplicationStatus a = new ApplicationStatus(
                "argocd",
                "spoke-1-kyverno",
                "default",
                Health.DEGRADED,
                "crash",
                "Synced",
                "Failed",
                "boom",
                2,
                null,
                null,
                null,
                false);
        assertThat(AddonMatrix.label(a)).isEqualTo("Degraded \u00b7 Synced \u00b7 retry 2");
        assertThat(AddonMatrix.label(null)).isEmpty();
    }
}
