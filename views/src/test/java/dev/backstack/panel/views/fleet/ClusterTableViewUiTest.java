package dev.backstack.panel.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The fleet table over rows replaced in place: its selection follows the replaced row without disturbing the update. */
class ClusterTableViewUiTest {

    static {
        // as PluginApprovalDialogUiTest: the views module's surefire has no headless arguments
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    @DisplayName(
            "a snapshot that replaces the selected row and others: every row updated, the same cluster still selected")
    void replacingTheSelectedRow() throws Exception {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet first = BigFleet.of(30, 10);
        ClusterTableView table = onFx(() -> {
            ClusterTableView t = new ClusterTableView(vm);
            vm.apply(first);
            return t;
        });
        onFx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        Fleet second = BigFleet.withSpoke(
                BigFleet.withSpoke(first, 3, BigFleet.spoke("spoke-3", Health.DEGRADED)),
                9,
                BigFleet.spoke("spoke-9", Health.MISSING));
        Fleet third = new Fleet(
                BigFleet.hub(java.util.List.of(BigFleet.app(1, Health.DEGRADED))),
                second.spokes(),
                java.util.List.of(),
                false,
                3,
                1_000L);
        onFx(() -> {
            vm.selectCluster("spoke-3");
            table.getSelectionModel().select(4);
            vm.apply(second);
            vm.apply(third);
            return null;
        });

        assertThat(onFx(() -> vm.clusters().get(4).health())).isEqualTo(Health.DEGRADED);
        assertThat(onFx(() -> vm.clusters().get(10).health())).isEqualTo(Health.MISSING);
        assertThat(onFx(() -> vm.clusters().get(0).applications())).isEqualTo(1);
        assertThat(onFx(() -> vm.selectedClusterProperty().get().id())).isEqualTo("spoke-3");
        assertThat(onFx(() -> table.getSelectionModel().getSelectedItem().id())).isEqualTo("spoke-3");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
