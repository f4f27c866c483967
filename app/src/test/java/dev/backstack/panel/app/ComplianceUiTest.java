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
        FxPoll.until(
                10,
                () -> robot.lookup("#dashboard .tab-pane")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedItem()
                        .getId()
                        .equals("compliance-tab"));
        FxPoll.until(40, () -> label("#compliance-summary").contains("fail") && !rows().isEmpty());
        assertThat(FxPoll.onFx(() -> robot.lookup("#compliance-chart")
                        .queryAs(LineChart.class)
                        .getData()))
                .hasSize(3);

        FxPoll.onFx(() -> {
            robot.lookup("#compliance-by-cluster").queryAs(ToggleButton.class).fire();
            return null;
        });
        FxPoll.until(40, () -> rows().stream().anyMatch(r -> r.key().equals("spoke-2")));
        FxPoll.onFx(() -> {
            TableView<ComplianceRow> t = robot.lookup("#compliance-rows").queryAs(TableView.class);
            t.getSelectionModel()
                    .select(t.getItems().stream()
                            .filter(r -> r.key().equals("spoke-2"))
                            .findFirst()
                            .orElseThrow());
            return null;
        });
        FxPoll.until(
                10,
                () -> !failing().isEmpty()
                        && failing().stream().allMatch(f -> f.cluster().equals("spoke-2")));
        assertThat(FxPoll.onFx(() -> failing().get(0).message())).contains("validation error");

        // the failing results are on screen by policy, resource, namespace, cluster and message, worst first
        assertThat(FxPoll.onFx(() -> label("#compliance-worst")))
                .startsWith("Worst: fail ")
                .contains("validation error: rule ");
        assertThat(FxPoll.onFx(() -> label("#compliance-failing-title")))
                .startsWith("Failing results of spoke-2, fail then error then warn: ");
        FailingResource first = FxPoll.onFx(() -> failing().get(0));
        assertThat(first.result().label()).isEqualTo("fail");
        FxPoll.until(10, () -> !visibleRows("#compliance-failing").isEmpty());
        assertThat(FxPoll.onFx(() -> visibleRows("#compliance-failing").get(0)))
                .containsExactly(
                        "\u25CF fail",
                        first.policy(),
                        first.rule(),
                        first.kind() + "/" + first.name(),
                        first.namespace(),
                        "spoke-2",
                        first.message());
        assertThat(first.kind() + "/" + first.name()).matches("Pod/(default|payments|web)-app-\\d+");
        assertThat(first.message()).isEqualTo("validation error: rule " + first.policy() + " failed");
        // by keyboard: focus the list, Home selects the worst, the details pane shows all of it
        robot.interact(() ->
                robot.lookup("#compliance-failing").queryAs(TableView.class).requestFocus());
        robot.push(KeyCode.HOME);
        FxPoll.until(10, () -> label("#compliance-failing-detail").equals(first.detail()));
        robot.push(KeyCode.DOWN);
        FxPoll.until(
                10,
                () -> !label("#compliance-failing-detail").equals(first.detail())
                        && label("#compliance-failing-detail").contains("on cluster spoke-2"));
        assertThat(FxPoll.onFx(() -> robot.lookup("#compliance-export-html")
                        .queryAs(Button.class)
                        .isDisabled()))
                .isFalse();
        FxPoll.onFx(() -> {
            Screenshots.save(robot.lookup("#dashboard").query().getScene(), "compliance");
            return null;
        });
    }

    @Test
    @DisplayName("Ctrl+4 Policies: a spoke's compliance counts with its failing results under them, worst first")
    void policiesTabListsTheSelectedClustersFailures() throws Exception {
        FxPoll.until(60, () -> robot.lookup("#dashboard").tryQuery().isPresent());
        // up to 90 s for the demo's spoke-1 to be read (a second window on a loaded CI machine starts slowly)
        FxPoll.until(
                90,
                () -> robot.lookup("#cluster-table").queryAs(TableView.class).getItems().stream()
                        .anyMatch(r -> ((dev.backstack.panel.views.fleet.ClusterRow) r)
                                        .id()
                                        .equals("spoke-1")
                                && ((dev.backstack.panel.views.fleet.ClusterRow) r).policyFailures() > 0));
        robot.interact(() -> {
            TableView<dev.backstack.panel.views.fleet.ClusterRow> t =
                    robot.lookup("#cluster-table").queryAs(TableView.class);
            t.getSelectionModel()
                    .select(t.getItems().stream()
                            .filter(r -> r.id().equals("spoke-1"))
                            .findFirst()
                            .orElseThrow());
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        FxPoll.until(
                40,
                () -> label("#cluster-failures-title").startsWith("Failing results on spoke-1, ")
                        && !visibleRows("#cluster-failures").isEmpty());
        List<String> row = FxPoll.onFx(() -> visibleRows("#cluster-failures").get(0));
        assertThat(row.get(0)).isEqualTo("\u25CF fail");
        assertThat(row.get(3)).matches("Pod/(default|payments|web)-app-\\d+");
        assertThat(row.get(4)).isIn("default", "payments", "web");
        assertThat(row.get(5)).isEqualTo("spoke-1");
        assertThat(row.get(6)).isEqualTo("validation error: rule " + row.get(1) + " failed");
        FxPoll.onFx(() -> {
            Screenshots.save(robot.lookup("#dashboard").query().getScene(), "compliance-policies-tab");
            return null;
        });
    }

    /** The texts of the table's rows that are on screen (rows that hold an item), cell by cell. */
    private List<List<String>> visibleRows(String id) {
        TableView<?> t = robot.lookup(id).queryAs(TableView.class);
        List<javafx.scene.control.TableRow<?>> rows = new java.util.ArrayList<>();
        t.lookupAll(".table-row-cell").forEach(n -> {
            javafx.scene.control.TableRow<?> r = (javafx.scene.control.TableRow<?>) n;
            if (r.getItem() != null && r.isVisible()) {
                rows.add(r);
            }
        });
        rows.sort(java.util.Comparator.comparingInt(javafx.scene.control.TableRow::getIndex));
        List<List<String>> out = new java.util.ArrayList<>();
        for (javafx.scene.control.TableRow<?> r : rows) {
            List<String> cells = new java.util.ArrayList<>();
            r.lookupAll(".table-cell").forEach(c -> cells.add(((javafx.scene.control.Labeled) c).getText()));
            out.add(cells);
        }
        return out;
    }

    private String label(String id) throws Exception {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @SuppressWarnings("unchecked")
    private List<ComplianceRow> rows() {
        return List.copyOf(
                robot.lookup("#compliance-rows").queryAs(TableView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private List<FailingResource> failing() {
        return List.copyOf(
                robot.lookup("#compliance-failing").queryAs(TableView.class).getItems());
    }
}
