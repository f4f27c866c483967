package dev.backstack.panel.app.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Screenshots;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.spoke.SpokeContexts;
import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.model.lineage.LineageStage;
import dev.backstack.panel.views.fx.FxPump;
import dev.backstack.panel.views.lineage.LineageView;
import dev.backstack.panel.views.lineage.LineageViewModel;
import dev.backstack.panel.views.spoke.SpokeServiceBackend;
import dev.backstack.panel.views.spoke.SpokeWizard;
import dev.backstack.panel.views.spoke.SpokeWizardViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The spoke wizard on the demo fleet through the real service and plan engine (headless Monocle):
 * request spoke-4 (a new AKS cluster with the API's defaults), see the hub's guardrails pass,
 * preflight, apply, follow it from the summary into the lineage view, and watch the first broken
 * link move forward stage by stage until the new spoke's policy reports are read. With
 * {@code -Dpanel.screenshots=docs/images} it saves spokes-*.png.
 */
class SpokeWizardDemoUiTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private FleetService fleet;
    private FxPump pump;
    private final LineageViewModel lineage = new LineageViewModel();

    @TempDir
    Path journals;

    @BeforeEach
    void open() throws Exception {
        fleet = FleetService.demo(200, 100);
        fleet.demoFleet().orElseThrow().awaitSettled(60_000);
        fleet.awaitSynced(30, TimeUnit.SECONDS);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(new LineageView(lineage), 1100, 700);
            scene.getStylesheets()
                    .add(LineageView.class
                            .getResource("/dev/backstack/panel/views/panel.css")
                            .toExternalForm());
            s.setScene(scene);
            s.show();
        });
        robot.interact(() -> {
            pump = new FxPump(
                    fleet::latest,
                    f -> lineage.apply(f, null, () -> fleet.objects(f.hub().id())),
                    100);
            pump.start();
        });
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> {
            if (pump != null) {
                pump.stop();
            }
        });
        FxToolkit.cleanupStages();
        fleet.close();
    }

    @Test
    @DisplayName("requests spoke-4 on the demo and follows it in the lineage view until its policy reports are read")
    void requestsSpoke4AndFollowsItsLineage() throws Exception {
        SpokeService service =
                new SpokeService(new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
        SpokeWizardViewModel vm = SpokeWizard.viewModel(new SpokeServiceBackend(service, SpokeContexts.none(), true));
        List<String> followed = new ArrayList<>();
        robot.interact(() -> SpokeWizard.show(stage, vm, url -> {}, name -> {
            followed.add(name);
            lineage.follow(name);
        }));
        FxPoll.until(
                30,
                () -> robot.lookup("#spoke-id").tryQuery().map(Node::isVisible).orElse(false));
        robot.targetWindow(robot.lookup(".dialog-pane").query().getScene().getWindow());

        robot.clickOn("#spoke-id").write("spoke-4");
        FxPoll.until(30, () -> vm.form().validProperty().get());
        assertThat(vm.form().guardrails()).hasSize(3).noneMatch(g -> g.blocks());
        shot("spokes-1-claim");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(30, () -> vm.review().previewProperty().get() != null);
        robot.push(KeyCode.ALT, KeyCode.R);
        FxPoll.until(
                60,
                () -> vm.review().preflightStateProperty().get()
                        == dev.backstack.panel.views.wizard.ReviewViewModel.PreflightState.DONE);
        assertThat(vm.review().blockedProperty().get())
                .as(vm.review().findings().toString())
                .isFalse();
        if (vm.review().hasWarningsProperty().get()) {
            robot.push(KeyCode.ALT, KeyCode.G);
        }
        FxPoll.until(10, () -> vm.review().validProperty().get());
        shot("spokes-2-review");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(60, () -> vm.run().succeededProperty().get());
        robot.push(KeyCode.ALT, KeyCode.N);
        FxPoll.until(
                10,
                () -> robot.lookup("#summary-headline")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        assertThat(FxPoll.onFx(() ->
                        robot.lookup("#summary-headline").queryAs(Label.class).getText()))
                .isEqualTo("AKSCluster spoke-4 is requested on backstack-hub.");
        shot("spokes-3-summary");
        robot.clickOn(robot.lookup((Hyperlink h) -> h.getText().equals("lineage:spoke-4"))
                .queryAs(Hyperlink.class));
        assertThat(followed).containsExactly("spoke-4");

        List<LineageStage> broken = new ArrayList<>();
        try {
            Awaitility.await("the lineage up to spoke-4's policy reports")
                    .atMost(Duration.ofSeconds(90))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        LineageStage stage =
                                FxPoll.onFx(() -> lineage.lineageProperty().get() == null
                                        ? LineageStage.REQUEST
                                        : lineage.lineageProperty()
                                                .get()
                                                .brokenLink()
                                                .map(b -> b.stage())
                                                .orElse(null));
                        if (broken.isEmpty() || broken.get(broken.size() - 1) != stage) {
                            broken.add(stage);
                            if (stage == LineageStage.COMPOSITE) {
                                lineageShot("spokes-4-lineage-composing");
                            }
                        }
                        String headline = FxPoll.onFx(() -> robot.lookup("#lineage-headline")
                                .queryAs(Label.class)
                                .getText());
                        return stage == null
                                || stage == LineageStage.COMPLIANCE && headline.contains("PolicyReports spoke-4");
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the lineage did not come up within 90 s; stages seen: " + broken, e);
        }
        lineageShot("spokes-5-lineage-up");

        String headline = FxPoll.onFx(
                () -> robot.lookup("#lineage-headline").queryAs(Label.class).getText());
        assertThat(headline)
                .as("stages seen: %s", broken)
                .startsWith("spoke-4: ")
                .contains("PolicyReports spoke-4");
        assertThat(broken).contains(LineageStage.COMPOSITE, LineageStage.APPLICATIONS);
        assertThat(fleet.latest().spokes()).extracting(c -> c.name()).contains("spoke-4");
    }

    private void shot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(
                    robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), name));
        }
    }

    private void lineageShot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(stage.getScene(), name));
        }
    }
}
