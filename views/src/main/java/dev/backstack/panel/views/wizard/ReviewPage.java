package dev.backstack.panel.views.wizard;

import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.ReviewViewModel.PreflightState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The review page: the plan's steps, the selected step's YAML or chart and values, and the
 * preflight with its findings. Next stays disabled until the preflight passed (warnings
 * accepted with the checkbox).
 */
public final class ReviewPage extends WizardPage {

    private final ReviewViewModel vm;
    private final Runnable onEnter;
    private final Button preflight = new Button("_Run preflight");

    public ReviewPage(ReviewViewModel vm, String explanation, Runnable onEnter) {
        super("Review", explanation, vm.validProperty());
        this.vm = vm;
        this.onEnter = onEnter;
        Label summary = new Label();
        summary.getStyleClass().add(Styles.FIELD_LABEL);
        summary.textProperty().bind(vm.planSummaryProperty());
        SplitPane plan = new SplitPane(steps(), detail());
        plan.setDividerPositions(0.42);
        VBox.setVgrow(plan, Priority.ALWAYS);
        CheckBox accept = new CheckBox("_Go on despite the warnings (recorded in the plan's journal as overrides)");
        VBox content = new VBox(10, summary, plan, preflightBar(), findings(), acceptBox(accept));
        content.setPadding(new Insets(14, 18, 10, 18));
        setContent(content);
    }

    private ListView<StepPreview> steps() {
        ListView<StepPreview> list = new ListView<>(vm.steps());
        list.setId("review-steps");
        list.setCellFactory(l -> new StepCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(b);
            }
        });
        return list;
    }

    private TextArea detail() {
        TextArea yaml = new TextArea();
        yaml.setId("review-detail");
        yaml.setEditable(false);
        yaml.getStyleClass().add(Styles.CODE);
        yaml.textProperty().bind(vm.detailProperty());
        return yaml;
    }

    private HBox preflightBar() {
        preflight.setMnemonicParsing(true);
        preflight.setMinWidth(Button.USE_PREF_SIZE);
        preflight.setOnAction(e -> vm.runPreflight());
        // not disabled while running (the view-model ignores a second press): a disabled button
        // would hand the focus to the wizard's Cancel
        preflight.disableProperty().bind(vm.previewProperty().isNull());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.preflightStateProperty().isEqualTo(PreflightState.RUNNING));
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.preflightMessageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bar = new HBox(12, preflight, progress, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private ListView<?> findings() {
        var list = new ListView<>(vm.findings());
        list.setId("preflight-findings");
        list.setCellFactory(l -> new FindingCell());
        list.setPrefHeight(190);
        list.setMinHeight(120);
        list.visibleProperty().bind(vm.preflightStateProperty().isEqualTo(PreflightState.DONE));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    private HBox acceptBox(CheckBox accept) {
        accept.setId("accept-warnings");
        accept.setMnemonicParsing(true);
        accept.selectedProperty().bindBidirectional(vm.acceptWarningsProperty());
        HBox box = new HBox(accept);
        box.getStyleClass().add(Styles.BANNER_WARNING);
        box.visibleProperty()
                .bind(vm.hasWarningsProperty().and(vm.blockedProperty().not()));
        box.managedProperty().bind(box.visibleProperty());
        vm.preflightStateProperty().addListener((o, a, state) -> {
            if (state != PreflightState.RUNNING) {
                (box.isVisible() ? accept : preflight).requestFocus();
            }
        });
        return box;
    }

    /** A step: its number and title, and under it what kind of step it is. */
    private static final class StepCell extends ListCell<StepPreview> {
        private final Label title = new Label();
        private final Label kind = new Label();
        private final VBox box = new VBox(1, title, kind);

        StepCell() {
            kind.getStyleClass().add(Styles.FIELD_HELP);
            setPrefWidth(0); // wrap instead of scrolling sideways
            box.prefWidthProperty().bind(widthProperty().subtract(24));
            box.setMinWidth(0);
        }

        @Override
        protected void updateItem(StepPreview s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            title.setText((getIndex() + 1) + ". " + s.info().title());
            setTooltip(new Tooltip(s.info().title()));
            int n = s.objects().size();
            kind.setText(s.info().kind().label()
                    + (n == 0 ? "" : n == 1 ? ", 1 object" : ", " + n + " objects")
                    + (s.chart().isEmpty() ? "" : ", chart " + s.chart().split(" ")[0]));
            setGraphic(box);
        }
    }

    @Override
    protected void entered() {
        onEnter.run();
    }

    @Override
    protected Node firstFocus() {
        return preflight;
    }
}
