package dev.backstack.panel.views.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.addon.AddonMatrix;
import dev.backstack.panel.model.rules.ClusterAssembler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AddonMatrixViewModelTest {

    private final AddonMatrixViewModel vm = new AddonMatrixViewModel();

    private static KubeObject app(String name, String health) {
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
                Map.of("status", Map.of("health", Map.of("status", health), "sync", Map.of("status", "Synced"))));
    }

    private static Cluster cluster(String name, ClusterRole role, List<KubeObject> objects) {
        return ClusterAssembler.assemble(
                new ClusterAssembler.Identity(name, name, role, "https://" + name, Set.of()),
                Reachability.REACHABLE,
                "v1.34.1",
                ObjectSet.of(objects));
    }

    private static Fleet fleet(long revision, String spoke2Kyverno) {
        Cluster hub = cluster(
                "hub",
                ClusterRole.HUB,
                List.of(
                        app("spoke-1-kyverno", "Healthy"),
                        app("spoke-1-cert-manager", "Healthy"),
                        app("spoke-2-kyverno", spoke2Kyverno)));
        return new Fleet(
                hub,
                List.of(
                        cluster("spoke-1", ClusterRole.SPOKE, List.of()),
                        cluster("spoke-2", ClusterRole.SPOKE, List.of())),
                List.of(),
                false,
                revision,
                0);
    }

    @Test
    @DisplayName("columns are the add-ons found; a changed cell replaces only its spoke's row")
    void rowsUpdateInPlace() {
        vm.apply(fleet(1, "Healthy"));
        assertThat(vm.addonsProperty().get()).containsExactly("cert-manager", "kyverno");
        assertThat(vm.rows()).extracting(AddonMatrix.Row::spoke).containsExactly("spoke-1", "spoke-2");
        AddonMatrix.Row spoke1 = vm.rows().get(0);

        vm.apply(fleet(2, "Degraded"));

        assertThat(vm.rows().get(0)).as("unchanged row kept").isSameAs(spoke1);
        assertThat(vm.rows().get(1).cell("kyverno"))
                .get()
                .extracting(a -> a.health())
                .isEqualTo(Health.DEGRADED);
        assertThat(vm.rows().get(1).cell("cert-manager")).isEmpty();
    }

    @Test
    @DisplayName("the table's cells: a changed Application fires its own cell only; the spokes list stays")
    void cellsFireAlone() {
        vm.apply(fleet(1, "Healthy"));
        var spokes = vm.spokes();
        java.util.List<String> fired = new java.util.ArrayList<>();
        for (String spoke : java.util.List.of("spoke-1", "spoke-2")) {
            for (String addon : vm.addonsProperty().get()) {
                vm.cellProperty(spoke, addon).addListener((o, a, b) -> fired.add(spoke + "/" + addon));
            }
        }
        java.util.List<String> spokeChanges = new java.util.ArrayList<>();
        spokes.addListener((javafx.collections.ListChangeListener<String>) c -> spokeChanges.add(c.toString()));

        vm.apply(fleet(2, "Degraded"));

        assertThat(fired).containsExactly("spoke-2/kyverno");
        assertThat(vm.cellProperty("spoke-2", "kyverno").get().health()).isEqualTo(Health.DEGRADED);
        assertThat(vm.cellProperty("spoke-2", "cert-manager").get()).isNull();
        assertThat(spokeChanges).isEmpty();
        assertThat(vm.applications(java.util.List.of("spoke-1")))
                .extracting(a -> a.name())
                .containsExactly("spoke-1-cert-manager", "spoke-1-kyverno");
    }

    @Test
    @DisplayName("a listener of the rows (the chosen cell's detail) reads the new cells, not the old ones")
    void rowListenersSeeNewCells() {
        vm.apply(fleet(1, "Degraded"));
        java.util.List<Health> seen = new java.util.ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<AddonMatrix.Row>)
                c -> seen.add(vm.cellProperty("spoke-2", "kyverno").get().health()));

        vm.apply(fleet(2, "Healthy"));

        assertThat(seen).containsExactly(Health.HEALTHY);
    }
}
