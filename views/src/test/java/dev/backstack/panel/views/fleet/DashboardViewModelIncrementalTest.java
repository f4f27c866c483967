package dev.backstack.panel.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** At the scale benchmark's size, a snapshot that changed one object changes one row, not whole lists. */
class DashboardViewModelIncrementalTest {

    private static final int SPOKES = 300;
    private static final int APPS = 18_000;

    @Test
    @DisplayName(
            "one application changed among 18,000: the applications list sees one replace at its row, the fleet table nothing")
    void oneApplicationIsOneReplacedRow() {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet first = BigFleet.of(SPOKES, APPS);
        vm.apply(first);
        List<String> apps = record(vm.applications());
        List<String> rows = record(vm.clusters());
        ApplicationStatus broken = BigFleet.app(12_345, Health.DEGRADED);

        vm.apply(BigFleet.withApp(first, 12_345, broken));

        assertThat(apps).containsExactly("replaced 12345..12346");
        assertThat(vm.applications()).hasSize(APPS);
        assertThat(vm.applications().get(12_345)).isSameAs(broken);
        assertThat(vm.applications().get(12_344))
                .isSameAs(first.hub().applications().get(12_344));
        assertThat(rows).as("the hub's row (health, counts) did not change").isEmpty();
    }

    @Test
    @DisplayName(
            "one spoke turning Degraded among 300: its fleet-table row is replaced, the other rows stay the same instances")
    void oneSpokeIsOneReplacedRow() {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet first = BigFleet.of(SPOKES, APPS);
        vm.apply(first);
        List<ClusterRow> before = List.copyOf(vm.clusters());
        List<String> rows = record(vm.clusters());
        List<String> apps = record(vm.applications());

        vm.apply(BigFleet.withSpoke(first, 41, BigFleet.spoke("spoke-41", Health.DEGRADED)));

        assertThat(rows).containsExactly("replaced 42..43");
        assertThat(vm.clusters().get(42).health()).isEqualTo(Health.DEGRADED);
        for (int i = 0; i < before.size(); i++) {
            if (i != 42) {
                assertThat(vm.clusters().get(i)).isSameAs(before.get(i));
            }
        }
        assertThat(apps).isEmpty();
    }

    @Test
    @DisplayName("an application added and one removed: one insert and one remove, in the snapshot's order")
    void addedAndRemovedApplications() {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet first = BigFleet.of(3, 1_000);
        vm.apply(first);
        List<String> apps = record(vm.applications());
        List<ApplicationStatus> next = new ArrayList<>(first.hub().applications());
        next.remove(10);
        next.add(500, BigFleet.app(99_999, Health.PROGRESSING));

        vm.apply(new Fleet(BigFleet.hub(next), first.spokes(), List.of(), false, 2, 1_000L));

        assertThat(apps).containsExactly("removed 10", "added 500..501");
        assertThat(vm.applications()).containsExactlyElementsOf(next);
    }

    @Test
    @DisplayName("selecting another cluster shows its lists; the same snapshot again changes nothing")
    void selectingAnotherClusterAndReapplying() {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet first = BigFleet.of(SPOKES, APPS);
        vm.apply(first);
        vm.selectCluster("spoke-7");
        assertThat(vm.applications()).isEmpty();
        assertThat(vm.selectedClusterProperty().get().id()).isEqualTo("spoke-7");
        vm.selectCluster("hub");
        assertThat(vm.applications()).hasSize(APPS);
        List<String> apps = record(vm.applications());
        List<String> rows = record(vm.clusters());

        vm.apply(first);

        assertThat(apps).isEmpty();
        assertThat(rows).isEmpty();
    }

    @Test
    @DisplayName(
            "a table that selects a cluster while a snapshot changes its rows (as TableView does for a replaced selected row) is applied after it")
    void selectionDuringAnApplyIsAppliedAfterIt() {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet first = BigFleet.of(SPOKES, 100);
        vm.apply(first);
        vm.selectCluster("spoke-3");
        // the fleet table listens through a SortedList
        javafx.collections.transformation.SortedList<ClusterRow> sorted =
                new javafx.collections.transformation.SortedList<>(
                        vm.clusters(), java.util.Comparator.comparing(ClusterRow::name));
        sorted.addListener((ListChangeListener<ClusterRow>) c -> {
            while (c.next()) {
                if (c.wasReplaced()) {
                    // the selected row replaced: the table selects its new instance (same id), then another one
                    vm.selectCluster(vm.selectedClusterProperty().get().id());
                    vm.selectCluster(c.getAddedSubList().get(0).id());
                }
            }
        });
        Fleet second = BigFleet.withSpoke(
                BigFleet.withSpoke(first, 3, BigFleet.spoke("spoke-3", Health.DEGRADED)),
                9,
                BigFleet.spoke("spoke-9", Health.MISSING));

        vm.apply(second);

        assertThat(vm.clusters())
                .extracting(ClusterRow::health)
                .filteredOn(h -> h != Health.HEALTHY)
                .containsExactly(Health.DEGRADED, Health.MISSING);
        assertThat(vm.clusters().get(4).health()).isEqualTo(Health.DEGRADED);
        assertThat(vm.clusters().get(10).health()).isEqualTo(Health.MISSING);
        assertThat(vm.selectedClusterProperty().get().id()).isEqualTo("spoke-9");
        assertThat(vm.selectedClusterProperty().get()).isSameAs(second.spokes().get(9));
    }

    /** The changes {@code list} will see, one line each ("replaced 3..4", "added 5..6", "removed 7"). */
    static <T> List<String> record(ObservableList<T> list) {
        List<String> seen = new ArrayList<>();
        list.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                if (c.wasReplaced()) {
                    seen.add("replaced " + c.getFrom() + ".." + c.getTo());
                } else if (c.wasAdded()) {
                    seen.add("added " + c.getFrom() + ".." + c.getTo());
                } else if (c.wasRemoved()) {
                    seen.add("removed " + c.getFrom());
                } else {
                    seen.add("other " + c);
                }
            }
        });
        return seen;
    }
}
