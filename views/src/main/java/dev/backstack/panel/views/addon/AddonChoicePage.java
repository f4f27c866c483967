package dev.backstack.panel.views.addon;

import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The add-ons page: check the add-ons to roll out (Space checks the focused one) and read what each installs. */
final class AddonChoicePage extends WizardPage {

    private final ListView<AddonChoiceViewModel.Choice> list;

    AddonChoicePage(AddonChoiceViewModel vm) {
        super(
                "Choose add-ons",
                "Add-ons from the panel's catalog, each a pinned chart (or a folder of the GitOps "
                        + "repository) rendered as an Argo CD ApplicationSet that installs it on every chosen spoke.",
                vm.anyChosenProperty());
        list = new ListView<>(vm.choices());
        list.setId("addon-catalog");
        list.setCellFactory(CheckBoxListCell.forListView(AddonChoiceViewModel.Choice::checked));
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            AddonChoiceViewModel.Choice focused = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && focused != null) {
                focused.checked().set(!focused.checked().get());
                e.consume();
            }
        });
        TextArea details = new TextArea();
        details.setId("addon-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(5);
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, c) -> details.setText(
                        c == null ? "" : c.entry().title() + "\n\n" + c.entry().description() + "\n\n" + c.line()));
        Label needs = Forms.problem(vm.needsHintProperty());
        needs.setId("addon-needs");
        needs.getStyleClass().add(Styles.MUTED);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox content = new VBox(
                10,
                list,
                needs,
                details,
                Forms.help("Add-ons that need another one get a later sync "
                        + "wave. Set their values on the next page."));
        content.setPadding(new Insets(18, 22, 18, 22));
        setContent(content);
    }

    @Override
    protected Node firstFocus() {
        return list;
    }
}
