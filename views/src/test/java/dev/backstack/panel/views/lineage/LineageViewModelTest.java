package dev.backstack.panel.views.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.lineage.LineageStage;
import dev.backstack.panel.model.rules.ClusterAssembler;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LineageViewModelTest {

    private static final ObjectSet EMPTY = ObjectSet.of(List.of());

    private final LineageViewModel vm = new LineageViewModel();

    private static Cluster cluster(String name, ClusterRole role) {
        return ClusterAssembler.assemble(
                new ClusterAssembler.Identity(name, name, role, "https://" + name, Set.of()),
                Reachability.REACHABLE,
                "v1.34.1",
                EMPTY);
    }

    @Test
    @DisplayName("a selected spoke shows its lineage and names the first broken link; the hub shows none")
    void spokeShowsLineageHubDoesNot() {
        Cluster hub = cluster("hub", ClusterRole.HUB);
        Cluster spoke = cluster("spoke-7", ClusterRole.SPOKE);
        Fleet fleet = new Fleet(hub, List.of(spoke), List.of(), false, 1, 0);

        vm.apply(fleet, spoke, () -> EMPTY);
        assertThat(vm.lineageProperty().get()).isNotNull();
        assertThat(vm.lineageProperty().get().brokenLink())
                .get()
                .extracting(b -> b.stage())
                .isEqualTo(LineageStage.REQUEST);
        assertThat(vm.headlineProperty().get())
                .startsWith("spoke-7: ")
                .isEqualTo("spoke-7: "
                        + vm.lineageProperty().get().brokenLink().orElseThrow().message());

        vm.apply(fleet, hub, () -> EMPTY);
        assertThat(vm.lineageProperty().get()).isNull();
        assertThat(vm.headlineProperty().get()).startsWith("Select a spoke");
    }

    @Test
    @DisplayName("a followed spoke shows even before the fleet has it, whatever is selected, until unfollowed")
    void followsASpokeByNameUntilUnfollowed() {
        Cluster hub = cluster("hub", ClusterRole.HUB);
        Fleet fleet = new Fleet(hub, List.of(), List.of(), false, 1, 0);

        vm.follow("spoke-4");
        vm.apply(fleet, hub, () -> EMPTY);

        assertThat(vm.followed()).contains("spoke-4");
        assertThat(vm.lineageProperty().get().spokeName()).isEqualTo("spoke-4");
        assertThat(vm.headlineProperty().get()).startsWith("spoke-4 (not a cluster of the fleet yet): no AKSCluster");

        Cluster spoke = cluster("spoke-4", ClusterRole.SPOKE);
        vm.apply(new Fleet(hub, List.of(spoke), List.of(), false, 2, 0), hub, () -> EMPTY);
        assertThat(vm.headlineProperty().get()).startsWith("spoke-4: ");

        vm.unfollow();
        vm.apply(fleet, hub, () -> EMPTY);
        assertThat(vm.lineageProperty().get()).isNull();
    }
}
