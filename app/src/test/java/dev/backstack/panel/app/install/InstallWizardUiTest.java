package dev.backstack.panel.app.install;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Screenshots;
import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.views.install.InstallBackend;
import dev.backstack.panel.views.install.InstallTargets;
import dev.backstack.panel.views.install.InstallWizard;
import dev.backstack.panel.views.install.InstallWizardViewModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
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
 * Walks the install wizard by keyboard against a scripted backend (headless Monocle): every page,
 * the preflight warning override, a failed step, the retry, and the password. With
 * {@code -Dpanel.screenshots=docs/images} it saves each page as install-*.png.
 */
class InstallWizardUiTest {

    private static final String TOKEN = "ghp_" + "x".repeat(36);

    private final FxRobot robot = new FxRobot();
    private final ScriptedBackend backend = new ScriptedBackend();
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
        backend.failGate.countDown();
        FxToolkit.cleanupStages();
    }

    private InstallTargets targets() {
        return new InstallTargets() {
            @Override
            public List<String> names() {
                return List.of("kind-backstack", "empty-cluster (simulated)");
            }

            @Override
            public InstallBackend open(String name) {
                return backend;
            }
        };
    }

    @Test
    @DisplayName("the install completes by keyboard: pages, preflight override, failure, retry, password")
    void completesByKeyboard() throws Exception {
        InstallWizardViewModel vm = InstallWizard.viewModel(targets());
        robot.interact(() -> InstallWizard.show(stage, vm));
        waitFor("#install-targets");
        robot.targetWindow(robot.lookup(".dialog-pane").query().getScene().getWindow());

        robot.type(KeyCode.DOWN);
        waitUntil(() -> vm.target().validProperty().get());
        shot("install-1-target");
        robot.type(KeyCode.ENTER);

        waitFor("#profile-repository");
        shot("install-2-profile-invalid");
        robot.write("https://github.com/acme/platform-gitops");
        waitUntil(() -> vm.profile().validProperty().get());
        robot.interact(() -> vm.profile().clusterTypeProperty().set(ClusterType.EKS));
        shot("install-2-profile");
        robot.type(KeyCode.ENTER);

        waitFor("#credentials-github-token");
        robot.write(TOKEN);
        assertThat(vm.credentials().validProperty().get())
                .as("EKS needs AWS credentials too")
                .isFalse();
        robot.push(KeyCode.ALT, KeyCode.W);
        robot.write("[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = example\n");
        waitUntil(() -> vm.credentials().validProperty().get());
        shot("install-3-credentials");
        robot.push(KeyCode.ALT, KeyCode.N);

        waitFor("#review-steps");
        waitUntil(() -> vm.review().previewProperty().get() != null);
        robot.push(KeyCode.ALT, KeyCode.R);
        waitUntil(() -> !vm.review().findings().isEmpty());
        assertThat(nextButton().isDisabled())
                .as("a warning needs the go-on checkbox")
                .isTrue();
        robot.push(KeyCode.ALT, KeyCode.G);
        waitUntil(() -> vm.review().validProperty().get());
        robot.interact(
                () -> vm.review().selectedProperty().set(vm.review().steps().get(1)));
        shot("install-4-review");
        robot.push(KeyCode.ALT, KeyCode.N);

        assertThat(backend.atProviders.await(10, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> vm.run().rows().size() == ScriptedBackend.STEPS.size());
        robot.interact(vm.run()::tick);
        shot("install-5-run");
        backend.failGate.countDown();
        waitUntil(() -> vm.run().canRetryProperty().get());
        assertThat(robot.lookup("#run-failure").queryAs(Label.class).getText()).contains("provider-aws-ec2");
        shot("install-6-run-failed");

        robot.push(KeyCode.ALT, KeyCode.R);
        waitUntil(() -> vm.run().succeededProperty().get());
        assertThat(backend.installs.get()).isEqualTo(2);
        assertThat(backend.overrides).allMatch(o -> o.equals(List.of("storage-class")));
        shot("install-7-run-done");
        robot.push(KeyCode.ALT, KeyCode.N);

        waitFor("#reveal-secret");
        robot.push(KeyCode.ALT, KeyCode.V);
        waitUntil(() -> vm.summary().secretProperty().get() != null);
        shot("install-8-summary");
        robot.push(KeyCode.ALT, KeyCode.F);

        waitUntil(() -> backend.closed);
        assertThat(vm.credentials().credentials().githubToken().isEmpty()).isTrue();
    }

    private Button nextButton() {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonData.NEXT_FORWARD)
                .map(t -> (Button) pane.lookupButton(t))
                .findFirst()
                .orElseThrow();
    }

    private void waitFor(String query) throws Exception {
        FxPoll.until(
                10, () -> robot.lookup(query).match(Node::isVisible).tryQuery().isPresent());
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        FxPoll.until(10, condition);
    }

    private void shot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(
                    robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), name));
        }
    }
}
