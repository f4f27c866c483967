package dev.backstack.panel.views.namespace;

import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The first page: the spoke, the namespace's name and the team's group. */
final class TargetPage extends WizardPage {

    private final ComboBox<String> spoke = new ComboBox<>();

    TargetPage(TargetViewModel vm) {
        super(
                "Namespace and team",
                "A namespace on one spoke for one team: its members get the ClusterRole edit "
                        + "in it, nothing outside it.",
                vm.validProperty());
        GridPane grid = Forms.grid();
        spoke.setId("ns-spoke");
        spoke.setItems(vm.spokes());
        spoke.valueProperty().bindBidirectional(vm.spokeProperty());
        spoke.setMaxWidth(Double.MAX_VALUE);
        Forms.row(grid, "_Spoke", spoke, null, vm.spokeProblemProperty());
        Label facts = new Label();
        facts.setId("ns-spoke-facts");
        facts.setWrapText(true);
        facts.textProperty().bind(vm.factsTextProperty());
        Forms.row(grid, "", facts, null, null);
        Forms.row(
                grid,
                "Na_me",
                field("ns-name", vm.nameProperty(), "team-a-dev"),
                "Lowercase letters, digits and '-', at most 63 (a DNS-1123 label).",
                vm.nameProblemProperty());
        Forms.row(
                grid,
                "_Team group",
                field("ns-team", vm.teamProperty(), "team-a"),
                "The identity provider's group bound to edit in the namespace; also the namespace's team label.",
                vm.teamProblemProperty());
        setContent(grid);
    }

    static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    @Override
    protected Node firstFocus() {
        return spoke;
    }
}
