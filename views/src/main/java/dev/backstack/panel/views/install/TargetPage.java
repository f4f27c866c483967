package dev.backstack.panel.views.install;

import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The target page: the cluster that becomes the hub. */
final class TargetPage extends WizardPage {

    private final ListView<String> list;

    TargetPage(TargetViewModel vm) {
        super(
                "Target cluster",
                "Choose the cluster that becomes the BACK Stack hub. The install writes only to "
                        + "this cluster; your kubeconfig is read, never changed.",
                vm.validProperty());
        list = new ListView<>(vm.names());
        list.setId("install-targets");
        list.setPrefHeight(260);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.select(b));
        Label label = new Label("_Cluster");
        label.setMnemonicParsing(true);
        label.setLabelFor(list);
        label.getStyleClass().add(Styles.FIELD_LABEL);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.openingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = new Label();
        status.setId("target-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox state = new HBox(8, spinner, status);
        state.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(
                8,
                label,
                list,
                state,
                Forms.help("A simulated target runs in this process: "
                        + "a safe rehearsal of the real install, labelled as a simulation everywhere."));
        VBox.setVgrow(list, Priority.ALWAYS);
        content.setPadding(new Insets(18, 22, 18, 22));
        setContent(content);
        if (vm.names().size() == 1) {
            list.getSelectionModel().select(0);
        }
    }

    @Override
    protected Node firstFocus() {
        return list;
    }
}
