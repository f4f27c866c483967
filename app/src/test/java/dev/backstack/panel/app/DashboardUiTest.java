package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.views.component.ComponentCard;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real window on the demo fleet (headless Monocle) and watches it follow the cluster. */
class DashboardUiTest {

    private final FxRobot robot = new FxRobot();
    private PanelApp app;

    @BeforeEach
    void openWindow() throws Exception {
        PanelApp.useOptions(Options.parse("--demo"));
        FxToolkit.registerPrimaryStage();
        app = (PanelApp) FxToolkit.setupApplication(PanelApp.class);
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    @DisplayName("shows the four BACK components of the demo hub, labelled as a simulation")
    void showsTheFourBackComponents() throws Exception {
        for (ComponentKind kind : new ComponentKind[] {
            ComponentKind.BACKSTAGE, ComponentKind.ARGO_CD, ComponentKind.CROSSPLANE, ComponentKind.KYVERNO
        }) {
            FxPoll.until(
                    30, () -> robot.lookup("#card-" + kind.name()).tryQuery().isPresent());
            assertThat(FxPoll.onFx(() -> cardText(kind))).contains(kind.displayName());
        }
        Node badge = robot.lookup("#simulation-badge").query();
        assertThat(badge.isVisible()).isTrue();
        assertThat(((Label) badge).getText()).containsIgnoringCase("simulated");
    }

    @Test
    @DisplayName("a change made in the simulated cluster reaches the screen")
    void clusterChangeReachesTheScreen() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.service() != null);
        FleetService service = app.service();
        FxPoll.until(30, () -> cardText(ComponentKind.BACKSTAGE).contains("Healthy"));

        KubernetesClient hub =
                service.demoFleet().orElseThrow().client(service.latest().hub().id());
        hub.apps().deployments().inNamespace("backstage").withName("backstage").scale(0);

        FxPoll.until(10, () -> cardText(ComponentKind.BACKSTAGE).contains("Suspended"));
        assertThat(FxPoll.onFx(() -> cardText(ComponentKind.BACKSTAGE)))
                .contains("Suspended")
                .doesNotContain("Healthy");
    }

    @Test
    @DisplayName("the window carries the panel's icon (the app image's), in a small and a large size")
    void windowHasTheIcon() throws Exception {
        javafx.stage.Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        java.util.List<javafx.scene.image.Image> icons = FxPoll.onFx(() -> java.util.List.copyOf(stage.getIcons()));
        assertThat(icons).hasSize(2);
        assertThat(icons).noneMatch(javafx.scene.image.Image::isError);
        assertThat(icons).extracting(javafx.scene.image.Image::getWidth).containsExactly(64.0, 256.0);
    }

    private String cardText(ComponentKind kind) {
        return robot.lookup("#card-" + kind.name())
                .match(Node::isVisible)
                .tryQueryAs(ComponentCard.class)
                .map(ComponentCard::displayedText)
                .orElse("");
    }
}
