package dev.backstack.panel.views.wizard;

import dev.backstack.panel.views.fx.FxThread;
import dev.backstack.panel.views.fx.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The run page: each step with its state, sub-status and elapsed time against its budget, the
 * selected step's own log, Cancel, and Retry from the failed step. Previous is disabled while the
 * plan runs; Next opens the summary once it succeeded.
 */
public final class RunPage extends WizardPage {

    private final RunViewModel vm;
    private final Runnable onEnter;
    private final Timeline ticker;
    private final Button cancel = new Button();
    private final Button retry = new Button("_Retry from failed step");
    private final StepTable table;

    public RunPage(RunViewModel vm, String title, String explanation, Runnable onEnter) {
        super(title, explanation, vm.succeededProperty());
        cancel.setText("_Cancel " + title.toLowerCase(java.util.Locale.ROOT));
        this.vm = vm;
        this.onEnter = onEnter;
        this.table = new StepTable(vm);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        SplitPane split = new SplitPane(table, log());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(10, statusBar(), failureBanner(), split, notices());
        content.setPadding(new Insets(14, 18, 10, 18));
        setContent(content);
        vm.runningProperty().addListener((o, a, running) -> {
            Button previous = button(ButtonData.BACK_PREVIOUS);
            if (previous != null) {
                previous.setDisable(running);
            }
            (running ? cancel : vm.canRetryProperty().get() ? retry : table).requestFocus();
        });
    }

    private HBox statusBar() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label summary = new Label();
        summary.setId("run-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        cancel.setId("cancel-install");
        cancel.setMnemonicParsing(true);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.disableProperty().bind(vm.runningProperty().not().or(vm.cancellingProperty()));
        cancel.setOnAction(e -> vm.cancel());
        retry.setId("retry-install");
        retry.setMnemonicParsing(true);
        retry.setMinWidth(Region.USE_PREF_SIZE);
        retry.disableProperty().bind(vm.canRetryProperty().not());
        retry.setOnAction(e -> vm.retry());
        HBox bar = new HBox(10, spinner, summary, cancel, retry);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox failureBanner() {
        Label reason = new Label();
        reason.setId("run-failure");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.getStyleClass().add(Styles.FIELD_LABEL);
        reason.textProperty().bind(vm.failureProperty());
        Label hint = new Label();
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.textProperty()
                .bind(Bindings.when(vm.failureHintProperty().isEmpty())
                        .then("")
                        .otherwise(Bindings.concat("What to do: ", vm.failureHintProperty())));
        VBox banner = new VBox(4, reason, hint);
        banner.getStyleClass().add(Styles.BANNER_DANGER);
        banner.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private VBox log() {
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION);
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.selectedProperty().get() == null
                                ? "Log"
                                : "Log of \u201c" + vm.selectedProperty().get().title() + "\u201d",
                        vm.selectedProperty()));
        ListView<String> lines = new ListView<>();
        lines.setId("step-log");
        lines.getStyleClass().addAll(Styles.CODE, "dense");
        vm.selectedProperty().addListener((o, a, b) -> {
            lines.setItems(b == null ? null : b.log());
            if (b != null && !b.log().isEmpty()) {
                lines.scrollTo(b.log().size() - 1);
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        VBox box = new VBox(6, title, lines);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private HBox notices() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.notices()), vm.notices()));
        HBox box = new HBox(text);
        box.getStyleClass().add(Styles.BANNER_WARNING);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.notices()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    @Override
    protected void entered() {
        Button previous = button(ButtonData.BACK_PREVIOUS);
        if (previous != null && previous.getProperties().putIfAbsent(RunPage.class, Boolean.TRUE) == null) {
            previous.addEventFilter(ActionEvent.ACTION, e -> {
                if (vm.runningProperty().get()) {
                    e.consume();
                }
            });
        }
        onEnter.run();
        ticker.play();
        // the wizard re-enables Previous after this page is entered
        FxThread.later(() -> {
            if (previous != null && vm.runningProperty().get()) {
                previous.setDisable(true);
            }
        });
    }

    @Override
    protected void exited() {
        ticker.stop();
    }

    @Override
    protected void closed() {
        ticker.stop();
    }

    @Override
    protected Node firstFocus() {
        return vm.runningProperty().get() ? cancel : table;
    }
}
