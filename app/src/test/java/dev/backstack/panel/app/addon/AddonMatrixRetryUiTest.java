package dev.backstack.panel.app.addon;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Screenshots;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.addon.FleetApplicationActions;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.views.addon.AddonMatrixView;
import dev.backstack.panel.views.addon.AddonMatrixViewModel;
import dev.backstack.panel.views.task.FxTaskExecutor;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The add-on matrix on the demo fleet: spoke-2's Kyverno cell shows its failed sync; Ctrl+Shift+Y
 * asks to retry it (naming the Application), and after OK the cell goes Running and then Healthy
 * on screen while the results list says the retry was sent. With {@code -Dpanel.screenshots=DIR}
 * it saves addons-matrix-*.png.
 */
class AddonMatrixRetryUiTest {

    private final FxRobot robot = new FxRobot();
    private FleetService fleet;
    private Consumer<Fleet> feed;
    private Scene scene;

    @BeforeEach
    void open() throws Exception {
        fleet = FleetService.demo(200, 100);
        fleet.awaitSynced(30, TimeUnit.SECONDS);
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (feed != null) {
            fleet.removeListener(feed);
        }
        FxToolkit.cleanupStages();
        fleet.close();
    }

    @Test
    @DisplayName(
            "Retry on spoke-2's failed Kyverno add-on: confirmation naming it, then Running, then Healthy on screen")
    void retryReachesHealthy() throws Exception {
        AddonMatrixViewModel vm =
                new AddonMatrixViewModel(new FleetApplicationActions(fleet), new FxTaskExecutor(), Clock.systemUTC());
        FxToolkit.setupStage((Stage s) -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            scene = new Scene(new AddonMatrixView(vm), 1200, 600);
            s.setScene(scene);
            s.show();
        });
        feed = f -> Platform.runLater(() -> vm.apply(f));
        fleet.addListener(feed);
        Platform.runLater(() -> vm.apply(fleet.latest()));

        FxPoll.until(
                60,
                () -> cellText("spoke-2", "kyverno").startsWith("Degraded")
                        && cellText("spoke-2", "kyverno").contains("retry 2"));
        robot.interact(() -> {
            TableView<String> table = table();
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(row("spoke-2"), column("kyverno"));
        });
        FxPoll.until(
                10,
                () -> robot.lookup("#addon-cell-detail")
                        .queryLabeled()
                        .getText()
                        .contains("Last error"));
        shot("addons-matrix-1-failed");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y);
        FxPoll.until(10, () -> robot.lookup("#addon-action-confirm").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#addon-action-confirm").queryAs(DialogPane.class);
        assertThat(FxPoll.onFx(confirm::getContentText))
                .contains("Retry 1 Application on the hub?", "argocd/spoke-2-kyverno", "backstack-panel");
        robot.interact(() -> ((javafx.scene.control.Button) confirm.lookupButton(ButtonType.OK)).fire());

        FxPoll.until(
                20,
                () -> vm.actions().results().stream()
                        .anyMatch(p -> p.line().startsWith("Retry spoke-2-kyverno: done")));
        FxPoll.until(30, () -> cellText("spoke-2", "kyverno").startsWith("Healthy \u00b7 Synced \u00b7 retry 3"));
        assertThat(FxPoll.onFx(() ->
                        robot.lookup("#addon-action-status").queryLabeled().getText()))
                .startsWith("Retry: 1 of 1 sent");
        shot("addons-matrix-2-healthy");
    }

    private TableView<String> table() {
        return robot.lookup("#addon-matrix-table").queryTableView();
    }

    private int row(String spoke) {
        TableView<String> t = table();
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).equals(spoke)) {
                return i;
            }
        }
        throw new AssertionError("no row " + spoke);
    }

    private TableColumn<String, ?> column(String addon) {
        return table().getColumns().stream()
                .filter(c -> addon.equals(c.getUserData()))
                .findFirst()
                .orElseThrow();
    }

    /** The text of the rendered cell (read on the FX thread by the poll). */
    private String cellText(String spoke, String addon) {
        for (Node n : robot.lookup("#addon-matrix-table .table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c
                    && c.getTableRow() != null
                    && spoke.equals(c.getTableRow().getItem())
                    && c.getTableColumn() != null
                    && addon.equals(c.getTableColumn().getUserData())
                    && c.getText() != null) {
                return c.getText();
            }
        }
        return "";
    }

    private void shot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(scene, name));
        }
    }
}
