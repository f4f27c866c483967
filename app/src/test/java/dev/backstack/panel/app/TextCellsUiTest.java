package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.views.fleet.ClusterTableView;
import dev.backstack.panel.views.fx.TextCells;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;

/** Table cells built with the shared helper can be read in full, and the message column takes the free width. */
class TextCellsUiTest {

    private static final String LONG =
            "Application spoke-2-kyverno: sync Failed (retry 2): one or more objects failed to apply, "
                    + "reason: Internal error occurred: failed calling webhook \"validate.kyverno.svc-fail\"";

    private final FxRobot robot = new FxRobot();
    private TableView<List<String>> table;
    private TableColumn<List<String>, String> message;

    @BeforeEach
    void showTable() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            table = new TableView<>(FXCollections.observableArrayList(List.of(List.of("spoke-2", LONG))));
            table.getColumns().add(ClusterTableView.column("Cluster", r -> r.get(0), 120));
            message = ClusterTableView.column("Message", r -> r.get(1), 200);
            table.getColumns().add(message);
            TextCells.lastColumnFills(table);
            stage.setScene(new Scene(table, 900, 300));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private List<TableCell<?, ?>> visibleCells() {
        return List.copyOf(
                robot.lookup(".table-cell").match(NodeQueryUtils.isVisible()).<TableCell<?, ?>>queryAll());
    }

    @Test
    @DisplayName("the message column takes the width the others leave, and a cut message shows in full on hover")
    void fillsAndShowsTheWholeText() throws Exception {
        FxPoll.until(10, () -> message.getWidth() > 600);
        double[] widths = FxPoll.onFx(() ->
                new double[] {message.getWidth() + table.getColumns().get(0).getWidth(), table.getWidth()});
        assertThat(widths[0])
                .as("no more than the table's width: no sideways scrolling")
                .isLessThanOrEqualTo(widths[1])
                .as("the free width taken, but for a scroll bar's room")
                .isGreaterThan(widths[1] - 40);

        Node cell = FxPoll.onFx(
                () -> robot.lookup(".table-cell").match(NodeQueryUtils.isVisible()).<TableCell<?, ?>>queryAll().stream()
                        .filter(c -> LONG.equals(c.getText()))
                        .findFirst()
                        .orElseThrow());
        assertThat(FxPoll.onFx(() -> ((TableCell<?, ?>) cell).getTooltip()))
                .as("no tooltip until hovered")
                .isNull();
        robot.moveTo(cell);
        FxPoll.until(10, () -> ((TableCell<?, ?>) cell).getTooltip() != null);
        assertThat(FxPoll.onFx(() -> ((TableCell<?, ?>) cell).getTooltip()).getText())
                .isEqualTo(LONG);

        FxPoll.onFx(() -> {
            table.getItems().setAll(List.of(List.of("spoke-2", "short")));
            return null;
        });
        FxPoll.until(10, () -> visibleCells().stream().anyMatch(c -> "short".equals(c.getText())));
        assertThat(FxPoll.onFx(() -> visibleCells().stream()
                        .filter(c -> c.getTooltip() != null)
                        .allMatch(c -> c.getTooltip().getText().equals(c.getText()))))
                .as("a reused cell never keeps an old tooltip")
                .isTrue();
    }
}
