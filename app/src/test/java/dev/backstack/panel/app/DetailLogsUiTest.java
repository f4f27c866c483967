package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.ClusterInspector;
import dev.backstack.panel.views.component.ComponentCard;
import dev.backstack.panel.views.fleet.ClusterRow;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window on the demo fleet: spoke-2's crash-looping Kyverno pod, its log and its events in the detail view. */
class DetailLogsUiTest {

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
    @DisplayName(
            "Load log on spoke-2's crash-looping Kyverno pod shows the webhook server failing, and Events its BackOff")
    @SuppressWarnings("unchecked")
    void crashLoopingKyvernoPodShowsItsCrash() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.service() != null);
        FxPoll.until(
                60,
                () -> robot.lookup("#cluster-table")
                        .tryQueryAs(TableView.class)
                        .map(t -> ((TableView<ClusterRow>) t)
                                .getItems().stream().anyMatch(r -> r.name().equals("spoke-2")))
                        .orElse(false));
        FxPoll.onFx(() -> {
            TableView<ClusterRow> table = robot.lookup("#cluster-table").queryAs(TableView.class);
            table.getItems().stream()
                    .filter(r -> r.name().equals("spoke-2"))
                    .findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
            return null;
        });
        FxPoll.until(
                30,
                () -> robot.lookup("#card-KYVERNO")
                                .match(Node::isVisible)
                                .tryQuery()
                                .isPresent()
                        && robot.lookup("#selected-cluster")
                                .queryLabeled()
                                .getText()
                                .startsWith("spoke-2"));
        // the simulated admission controller starts, then crash-loops a few simulated seconds later (the card
        // turns Degraded earlier, by the policies the admission controller has not made ready: wait for the crash)
        FxPoll.until(
                60,
                () -> robot.lookup("#card-KYVERNO")
                        .match(Node::isVisible)
                        .tryQueryAs(ComponentCard.class)
                        .map(ComponentCard::displayedText)
                        .orElse("")
                        .contains("CrashLoopBackOff"));
        robot.clickOn("#card-KYVERNO");
        // under the reason, the detail says what to do about a crash loop
        FxPoll.until(
                30,
                () -> robot.lookup("#component-hint")
                        .queryLabeled()
                        .getText()
                        .equals("Hint: read the previous container's log (Load log)"));
        FxPoll.until(60, () -> pods().getItems().stream().anyMatch(p -> p.contains("kyverno-admission-controller-")));

        FxPoll.onFx(() -> {
            showTab("Logs");
            pods().setValue(pods().getItems().stream()
                    .filter(p -> p.contains("admission"))
                    .findFirst()
                    .orElseThrow());
            robot.lookup("#load-log").queryAs(Button.class).fire();
            return null;
        });
        FxPoll.until(
                30, () -> robot.lookup("#log-status").queryLabeled().getText().contains("log lines of"));
        assertThat(FxPoll.onFx(this::logLines))
                .as(
                        "the log, status: %s",
                        FxPoll.onFx(
                                () -> robot.lookup("#log-status").queryLabeled().getText()))
                .anyMatch(l -> l.contains("failed to start webhook server"));
        assertThat(FxPoll.onFx(this::logLines)).noneMatch(l -> l.contains("CustomResourceDefinition"));

        FxPoll.onFx(() -> showTab("Events"));
        FxPoll.until(
                30,
                () -> events().stream()
                        .anyMatch(e -> e.reason().startsWith("BackOff")
                                && e.object().contains("kyverno-admission-controller-")));
        assertThat(FxPoll.onFx(this::events))
                .extracting(ClusterInspector.EventLine::reason)
                .contains("Scheduled", "Started");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> pods() {
        return robot.lookup("#log-pod").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> logLines() {
        return List.copyOf(robot.lookup("#log-lines").queryAs(ListView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private List<ClusterInspector.EventLine> events() {
        return List.copyOf(
                robot.lookup("#events-table").queryAs(TableView.class).getItems());
    }

    private Void showTab(String text) {
        Node detail = robot.lookup("#component-detail").query();
        TabPane tabs =
                robot.from(detail).lookup((Node n) -> n instanceof TabPane).queryAs(TabPane.class);
        for (Tab t : tabs.getTabs()) {
            if (t.getText().equals(text)) {
                tabs.getSelectionModel().select(t);
            }
        }
        return null;
    }
}
