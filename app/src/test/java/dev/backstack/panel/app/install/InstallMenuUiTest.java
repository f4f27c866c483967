package dev.backstack.panel.app.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Options;
import dev.backstack.panel.app.PanelApp;
import dev.backstack.panel.views.install.InstallBackend;
import dev.backstack.panel.views.install.InstallTargets;
import dev.backstack.panel.views.shell.DashboardView;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The dashboard's "Install BACK hub…" (Ctrl+I) opens the wizard on the targets the app supplies. */
class InstallMenuUiTest {

    private final FxRobot robot = new FxRobot();
    private PanelApp app;

    @BeforeEach
    void openWindow() throws Exception {
        PanelApp.useOptions(Options.parse("--demo"));
        PanelApp.useInstallTargets(new InstallTargets() {
            @Override
            public List<String> names() {
                return List.of("kind-backstack", "empty-cluster (simulated)");
            }

            @Override
            public InstallBackend open(String name) {
                return new ScriptedBackend();
            }
        });
        FxToolkit.registerPrimaryStage();
        app = (PanelApp) FxToolkit.setupApplication(PanelApp.class);
    }

    @AfterEach
    void closeWindow() throws Exception {
        PanelApp.useInstallTargets(InstallTargets.none());
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    @DisplayName("Ctrl+I (Wizards menu) opens the install wizard listing the app's targets; Escape closes it")
    void ctrlIOpensTheWizard() throws Exception {
        FxPoll.until(
                30,
                () -> robot.lookup("#dashboard")
                        .tryQueryAs(DashboardView.class)
                        .map(DashboardView::installEnabled)
                        .orElse(false));
        robot.targetWindow(robot.lookup("#dashboard").query().getScene().getWindow());
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);

        FxPoll.until(
                10,
                () -> robot.lookup("#install-targets")
                        .match(Node::isVisible)
                        .tryQuery()
                        .isPresent());
        ListView<?> targets = robot.lookup("#install-targets").queryAs(ListView.class);
        assertThat(List.<Object>copyOf(targets.getItems()))
                .containsExactly("kind-backstack", "empty-cluster (simulated)");

        robot.targetWindow(targets.getScene().getWindow());
        robot.type(KeyCode.ESCAPE);
        FxPoll.until(10, () -> robot.lookup("#install-targets").tryQuery().isEmpty());
    }
}
