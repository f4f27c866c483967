package dev.backstack.panel.views.policy;

import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The parameters page: each chosen policy's mode and parameters, checked as typed, and the excluded namespaces. */
final class ParametersPage extends WizardPage {

    private final ParametersViewModel vm;
    private final Runnable onEnter;
    private final ListView<PolicyForm> list;
    private final ScrollPane form = new ScrollPane();

    ParametersPage(ParametersViewModel vm, Runnable onEnter) {
        super(
                "Parameters and mode",
                "Audit reports violations; Enforce also refuses them at admission. The next "
                        + "pages show what Enforce would refuse before anything is delivered.",
                vm.validProperty());
        this.vm = vm;
        this.onEnter = onEnter;
        list = new ListView<>(vm.chosen());
        list.setId("policy-forms");
        list.setPrefWidth(330);
        list.setMinWidth(330);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PolicyForm f, boolean empty) {
                super.updateItem(f, empty);
                textProperty().unbind();
                if (empty || f == null) {
                    setText(null);
                } else {
                    textProperty()
                            .bind(javafx.beans.binding.Bindings.createStringBinding(
                                    () -> f.entry().title() + "\n"
                                            + f.modeProperty().get().title()
                                            + (f.validProperty().get() ? "" : " \u00b7 incomplete"),
                                    f.modeProperty(),
                                    f.validProperty()));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> showForm(b));
        form.setFitToWidth(true);
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox body = new HBox(12, list, form);
        VBox.setVgrow(body, Priority.ALWAYS);
        GridPane common = Forms.grid();
        common.setPadding(Insets.EMPTY);
        TextField excluded = new TextField();
        excluded.setId("policy-excluded");
        excluded.textProperty().bindBidirectional(vm.excludedProperty());
        Forms.row(
                common,
                "E_xcluded namespaces",
                excluded,
                "Comma-separated; every chosen policy leaves these alone.",
                vm.excludedProblemProperty());
        Button allAudit = new Button("All _Audit");
        allAudit.setMnemonicParsing(true);
        allAudit.setOnAction(e -> vm.setAllModes(PolicyMode.AUDIT));
        Button allEnforce = new Button("All _Enforce");
        allEnforce.setMnemonicParsing(true);
        allEnforce.setOnAction(e -> vm.setAllModes(PolicyMode.ENFORCE));
        Forms.row(common, "", new HBox(8, allAudit, allEnforce), null, null);
        VBox content = new VBox(12, body, common);
        content.setPadding(new Insets(18, 22, 18, 22));
        setContent(content);
    }

    private void showForm(PolicyForm f) {
        if (f == null) {
            form.setContent(null);
            return;
        }
        if (list.getSelectionModel().getSelectedItem() != f) {
            list.getSelectionModel().select(f);
        }
        GridPane grid = Forms.grid();
        grid.setPadding(new Insets(0, 4, 0, 4));
        Label title = new Label(f.entry().title());
        title.getStyleClass().add(Styles.TITLE);
        Label description = new Label(f.entry().description());
        description.setWrapText(true);
        description.getStyleClass().add(Styles.MUTED);
        grid.add(new VBox(4, title, description), 0, 0, 2, 1);
        ComboBox<PolicyMode> mode = new ComboBox<>();
        mode.setId("policy-mode");
        mode.getItems().setAll(PolicyMode.values());
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PolicyMode m) {
                return m == null ? "" : m.title();
            }

            @Override
            public PolicyMode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(f.modeProperty());
        Forms.row(
                grid,
                "_Mode",
                mode,
                "Default: " + f.entry().defaultMode().title() + " (severity "
                        + f.entry().severity().label() + ").",
                null);
        for (PolicyForm.Field field : f.fields()) {
            TextField text = new TextField();
            text.setId("param-" + field.parameter().name());
            text.textProperty().bindBidirectional(field.text());
            Forms.row(
                    grid,
                    field.parameter().title(),
                    text,
                    field.parameter().description()
                            + (field.parameter().type() == dev.backstack.panel.model.policy.ParamType.STRING_LIST
                                    ? " Comma-separated."
                                    : ""),
                    field.problem());
        }
        form.setContent(grid);
    }

    @Override
    protected void entered() {
        onEnter.run();
        showForm(vm.selectedProperty().get());
    }

    @Override
    protected Node firstFocus() {
        return list;
    }
}
