package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.FailingResource;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The compliance tab on the demo fleet: reached by keyboard, grouped by a toggle, drilled down. */
class ComplianceUiTest {

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
    @DisplayName("Ctrl+6 opens Compliance; by cluster, a spoke's row narrows the failing resources to it")
    void groupAndDrillDown() throws Exception {
        FxPoll.until(30, () -> robot.lookup("#dashboard").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        FxPoll.until(10, () -> robot.lookup("#dashboard .tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId().equals("compliance-tab"));
        FxPoll.until(40, () -> label("#compliance-summary").contains("fail") && !rows().isEmpty());
        assertThat(FxPoll.onFx(() -> robot.lookup("#compliance-chart").queryAs(LineChart.class).getData())).hasSize(3);

        FxPoll.onFx(() -> {
            robot.lookup("#compliance-by-cluster").queryAs(ToggleButton.class).fire();
            return null;
        });
        FxPoll.until(40, () -> rows().stream().anyMatch(r -> r.key().equals("spoke-2")));
        FxPoll.onFx(() -> {
            TableView<ComplianceRow> t = robot.lookup("#compliance-rows").queryAs(TableView.class);
            t.getSelectionModel().select(t.getItems().stream().filter(r -> r.key().equals("spoke-2")).findFirst()
                    .orElseThrow());
            return null;
        });
        FxPoll.until(10, () -> !failing().isEmpty() && failing().stream().allMatch(f -> f.cluster().equals("spoke-2")));
        assertThat(FxPoll.onFx(() -> failing().get(0).message())).contains("validation error");
        assertThat(FxPoll.onFx(() -> robot.lookup("#compliance-export-html").queryAs(Button.class).isDisabled())).isFalse();
        FxPoll.onFx(() -> {
            Screenshots.save(robot.lookup("#dashboard").query().getScene(), "compliance");
            return null;
        });
    }

    private String label(String id) throws Exception {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @SuppressWarnings("unchecked")
    private List<ComplianceRow> rows() {
        return List.copyOf(robot.lookup("#compliance-rows").queryAs(TableView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private List<FailingResource> failing() {
        return List.copyOf(robot.lookup("#compliance-failing").queryAs(TableView.class).getItems());
    }
}
