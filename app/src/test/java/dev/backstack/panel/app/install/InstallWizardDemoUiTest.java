package dev.backstack.panel.app.install;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Screenshots;
import dev.backstack.panel.views.install.InstallWizard;
import dev.backstack.panel.views.install.InstallWizardViewModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The install wizard end to end on the demo's empty simulated cluster, through the real plan
 * engine (headless Monocle), by keyboard: the simulation fails one step once, the user retries,
 * the hub converges. With {@code -Dpanel.screenshots=docs/images} it saves install-demo-*.png.
 */
class InstallWizardDemoUiTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeEach
    void openOwner() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            s.setScene(new Scene(new StackPane(), 300, 200));
            s.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    @DisplayName("installs a hub on the simulated cluster: preflight, a failed step, retry, converged")
    void installsOnTheDemo() throws Exception {
        WizardTargets targets =
                new WizardTargets(Optional::empty, Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
        InstallWizardViewModel vm = InstallWizard.viewModel(targets);
        robot.interact(() -> InstallWizard.show(stage, vm));
        waitFor("#install-targets");
        robot.targetWindow(robot.lookup(".dialog-pane").query().getScene().getWindow());

        robot.type(KeyCode.DOWN);
        waitUntil(() -> vm.target().validProperty().get(), 10);
        robot.type(KeyCode.ENTER);

        waitFor("#profile-repository");
        robot.write("https://github.com/acme/platform-gitops");
        waitUntil(() -> vm.profile().validProperty().get(), 10);
        robot.type(KeyCode.ENTER);

        waitFor("#credentials-github-token");
        robot.write("ghp_" + "d".repeat(36));
        waitUntil(() -> vm.credentials().validProperty().get(), 10);
        robot.push(KeyCode.ALT, KeyCode.N);

        waitFor("#review-steps");
        waitUntil(() -> vm.review().previewProperty().get() != null, 30);
        robot.push(KeyCode.ALT, KeyCode.R);
        waitUntil(() -> vm.review().validProperty().get(), 60);
        shot("install-demo-4-review");
        robot.push(KeyCode.ALT, KeyCode.N);

        waitUntil(() -> vm.run().canRetryProperty().get(), 120);
        assertThat(robot.lookup("#run-failure").queryAs(Label.class).getText()).contains("simulated");
        shot("install-demo-6-run-failed");
        robot.push(KeyCode.ALT, KeyCode.R);
        waitUntil(() -> vm.run().succeededProperty().get(), 120);
        shot("install-demo-7-run-done");
        robot.push(KeyCode.ALT, KeyCode.N);
        waitFor("#reveal-secret");
        shot("install-demo-8-summary");
        robot.push(KeyCode.ALT, KeyCode.F);
    }

    private void waitFor(String query) throws Exception {
        FxPoll.until(
                30, () -> robot.lookup(query).match(Node::isVisible).tryQuery().isPresent());
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        FxPoll.until(seconds, condition);
    }

    private void shot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(
                    robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), name));
        }
    }
}
