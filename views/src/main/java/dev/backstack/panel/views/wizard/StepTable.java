package dev.backstack.panel.views.wizard;

import dev.backstack.panel.model.plan.StepState;
import dev.backstack.panel.views.fx.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The steps of a running plan: title, state chip, live sub-status, elapsed time against budget. */
final class StepTable extends TableView<StepRow> {

    StepTable(RunViewModel vm) {
        super(vm.rows());
        setId("run-steps");
        getStyleClass().add("dense");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StepRow, String> title = new TableColumn<>("Step");
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        title.setCellFactory(dev.backstack.panel.views.fx.TextCells.forTable());
        title.setPrefWidth(330);
        TableColumn<StepRow, StepState> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(105);
        state.setMinWidth(95);
        TableColumn<StepRow, String> elapsed = new TableColumn<>("Time / budget");
        elapsed.setCellValueFactory(c -> c.getValue().elapsedProperty());
        elapsed.setCellFactory(c -> new ElapsedCell());
        elapsed.setPrefWidth(120);
        elapsed.setMinWidth(110);
        TableColumn<StepRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().subStatusProperty());
        status.setCellFactory(dev.backstack.panel.views.fx.TextCells.forTable());
        status.setPrefWidth(320);
        getColumns().add(title);
        getColumns().add(state);
        getColumns().add(elapsed);
        getColumns().add(status);
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.select(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != getSelectionModel().getSelectedItem()) {
                getSelectionModel().select(b);
            }
            if (b != null) {
                scrollTo(Math.max(0, getItems().indexOf(b) - 2));
            }
        });
    }

    /** The state as a coloured chip. */
    private static final class StateCell extends TableCell<StepRow, StepState> {
        private final Label chip = new Label();

        StateCell() {
            chip.getStyleClass().add("step-state");
        }

        @Override
        protected void updateItem(StepState s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            chip.getStyleClass().removeIf(c -> c.startsWith("step-state-"));
            chip.getStyleClass().add(Styles.stepState(s));
            chip.setText(s.name().toLowerCase());
            setGraphic(chip);
        }
    }

    /** Elapsed against budget, highlighted when over budget. */
    private static final class ElapsedCell extends TableCell<StepRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            getStyleClass().remove("over-budget");
            StepRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (!empty && row != null && row.overBudgetProperty().get()) {
                getStyleClass().add("over-budget");
            }
        }
    }
}
