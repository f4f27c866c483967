package dev.backstack.panel.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.views.fx.Styles;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The fleet map at the scale benchmark's 300 spokes: nodes kept across snapshots, only the changed one updated. */
class FleetMapViewUiTest {

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

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    @DisplayName("a second snapshot with one spoke Degraded keeps all 301 node instances and recolours only that spoke")
    void secondSnapshotKeepsTheNodes() throws Exception {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet first = BigFleet.of(300, 10);
        FleetMapView map = onFx(() -> {
            FleetMapView m = new FleetMapView(vm);
            vm.apply(first);
            return m;
        });
        Map<String, Node> before = onFx(() -> nodes(map, first));
        Map<String, Node> circles = onFx(() -> circles(map, first));
        assertThat(before).hasSize(301).doesNotContainValue(null);
        assertThat(onFx(() -> healthOf(circles.get("spoke-41")))).isEqualTo(Health.HEALTHY);

        Fleet second = BigFleet.withSpoke(first, 41, BigFleet.spoke("spoke-41", Health.DEGRADED));
        onFx(() -> {
            vm.apply(second);
            return null;
        });

        Map<String, Node> after = onFx(() -> nodes(map, second));
        for (Map.Entry<String, Node> e : before.entrySet()) {
            assertThat(after.get(e.getKey())).as(e.getKey()).isSameAs(e.getValue());
        }
        assertThat(onFx(() -> circles(map, second))).isEqualTo(circles);
        assertThat(onFx(() -> healthOf(circles.get("spoke-41")))).isEqualTo(Health.DEGRADED);
        assertThat(onFx(() -> healthOf(circles.get("spoke-40")))).isEqualTo(Health.HEALTHY);
        assertThat(onFx(() -> map.lookupAll(".fleet-node").size())).isEqualTo(301);
        assertThat(onFx(() -> map.lookupAll(".fleet-link").size())).isEqualTo(300);
    }

    @Test
    @DisplayName(
            "selecting a spoke moves the selected state from the hub to it, without new nodes; hovering names it in the shared tooltip")
    void selectionMovesTheSelectedState() throws Exception {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        Fleet fleet = BigFleet.of(300, 10);
        FleetMapView map = onFx(() -> {
            FleetMapView m = new FleetMapView(vm);
            vm.apply(fleet);
            return m;
        });
        Map<String, Node> circles = onFx(() -> circles(map, fleet));
        assertThat(onFx(() -> circles.get("hub").getPseudoClassStates().contains(SELECTED)))
                .isTrue();

        onFx(() -> {
            vm.selectCluster("spoke-7");
            return null;
        });

        assertThat(onFx(() -> circles(map, fleet))).isEqualTo(circles);
        assertThat(onFx(() -> circles.get("hub").getPseudoClassStates().contains(SELECTED)))
                .isFalse();
        assertThat(onFx(() -> circles.get("spoke-7").getPseudoClassStates().contains(SELECTED)))
                .isTrue();
        assertThat(onFx(() -> map.lookupAll(".fleet-node").stream()
                        .filter(n -> n.getPseudoClassStates().contains(SELECTED))
                        .count()))
                .isEqualTo(1L);

        String tip = onFx(() -> {
            map.nodeOf("spoke-9").getOnMouseEntered().handle(null);
            return map.tooltipText();
        });
        assertThat(tip).startsWith("spoke-9 (spoke): Healthy");
    }

    private static Map<String, Node> nodes(FleetMapView map, Fleet f) {
        Map<String, Node> nodes = new HashMap<>();
        for (String id : f.clusterIds()) {
            nodes.put(id, map.nodeOf(id));
        }
        return nodes;
    }

    private static Map<String, Node> circles(FleetMapView map, Fleet f) {
        Map<String, Node> circles = new HashMap<>();
        for (String id : f.clusterIds()) {
            Group g = map.nodeOf(id);
            circles.put(
                    id,
                    g.getChildren().stream()
                            .filter(n -> n instanceof Circle)
                            .findFirst()
                            .orElseThrow());
        }
        return circles;
    }

    private static Health healthOf(Node n) {
        Health shown = null;
        for (Health h : Health.values()) {
            if (n.getPseudoClassStates().contains(Styles.healthState(h))) {
                assertThat(shown).as("one health at a time").isNull();
                shown = h;
            }
        }
        return shown;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
