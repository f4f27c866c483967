package dev.backstack.panel.views.policy;

import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;

/** The catalog page: search, check the guardrails to deliver, read what each one does. */
final class CatalogPage extends WizardPage {

    private final TextField search = new TextField();

    CatalogPage(CatalogViewModel vm) {
        super(
                "Choose policies",
                "Guardrails from the panel's catalog, written in CEL. Search, then check the ones "
                        + "to deliver (Space checks the focused one). Each is rendered for the Kyverno of each target cluster.",
                vm.validProperty());
        search.setId("policy-search");
        search.setPromptText("Search: privileged, registry, node, labels\u2026");
        search.textProperty().bindBidirectional(vm.searchProperty());
        CheckListView<PolicyEntry> list = new CheckListView<>(vm.shown());
        list.setId("policy-catalog");
        list.setCellFactory(
                lv -> new javafx.scene.control.cell.CheckBoxListCell<>(list::getItemBooleanProperty, converter()));
        syncChecks(vm, list);
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, b) -> vm.focusedProperty().set(b));
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            PolicyEntry focused = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && focused != null) {
                vm.toggle(focused);
                e.consume();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        Label searchLabel = new Label("_Search");
        searchLabel.setMnemonicParsing(true);
        searchLabel.setLabelFor(search);
        searchLabel.getStyleClass().add(Styles.FIELD_LABEL);
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.setId("policy-count");
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(vm.countProperty());
        HBox top = new HBox(10, searchLabel, search, count);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TextArea details = new TextArea();
        details.setId("policy-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(vm.detailsProperty());
        SplitPane split = new SplitPane(list, details);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(
                10,
                top,
                split,
                Forms.help("Severity and default mode come from the catalog; "
                        + "change the mode and the parameters on the next page."));
        content.setPadding(new Insets(18, 22, 18, 22));
        setContent(content);
    }

    /** The list's check boxes and the view-model's checked ids, kept equal in both directions. */
    private static void syncChecks(CatalogViewModel vm, CheckListView<PolicyEntry> list) {
        Runnable fromVm = () -> list.getItems().forEach(e -> {
            boolean on = vm.checked().contains(e.id());
            if (list.getCheckModel().isChecked(e) != on) {
                if (on) {
                    list.getCheckModel().check(e);
                } else {
                    list.getCheckModel().clearCheck(e);
                }
            }
        });
        list.getItems().addListener((javafx.collections.ListChangeListener<PolicyEntry>) c -> fromVm.run());
        vm.checked().addListener((SetChangeListener<String>) c -> fromVm.run());
        list.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<PolicyEntry>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(e -> vm.setChecked(e, true));
                c.getRemoved().forEach(e -> {
                    if (list.getItems().contains(e)) {
                        vm.setChecked(e, false);
                    }
                });
            }
        });
        fromVm.run();
    }

    private static StringConverter<PolicyEntry> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(PolicyEntry e) {
                return e == null ? "" : e.title() + "  (" + e.severity().label() + ")";
            }

            @Override
            public PolicyEntry fromString(String s) {
                return null;
            }
        };
    }

    @Override
    protected Node firstFocus() {
        return search;
    }
}
