package dev.backstack.panel.views.policy;

import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.policy.PolicyRequest.Delivery;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The targets page: the hub and spokes, applied now or committed to the GitOps repository. */
final class TargetsPage extends WizardPage {

    private static final double LABELS = 110;

    private final TargetsViewModel vm;
    private final Runnable onEnter;
    private final RadioButton apply = new RadioButton("_Apply now, directly to each cluster");

    TargetsPage(
            TargetsViewModel vm,
            Runnable onEnter,
            javafx.beans.value.ObservableStringValue legacyOffer,
            java.util.function.IntSupplier adoptLegacy) {
        super(
                "Targets and delivery",
                "Where the policies go and how. Each cluster gets the policy kind its Kyverno "
                        + "executes: ValidatingPolicy from Kyverno 1.17, ClusterPolicy before.",
                vm.validProperty());
        this.vm = vm;
        this.onEnter = onEnter;
        GridPane grid = Forms.grid();
        Forms.row(grid, "_Delivery", delivery(), null, null);
        CheckBox hub = new CheckBox();
        hub.setId("target-hub");
        hub.selectedProperty().bindBidirectional(vm.hubProperty());
        hub.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.hubName() + " (hub) \u2014 " + vm.factsOf(vm.hubName()),
                        vm.factsMap(),
                        vm.loadingProperty()));
        Forms.row(grid, "_Hub", hub, null, null);
        Forms.Row spokes = Forms.row(
                grid,
                "_Spokes",
                spokeList(),
                "Applied one cluster after another; a failure " + "stops there and a re-run resumes.",
                null);
        spokes.showWhen(vm.deliveryProperty().isEqualTo(Delivery.APPLY));
        GridPane gitopsGrid = Forms.grid();
        gitopsGrid.setPadding(new javafx.geometry.Insets(0, 22, 0, 22));
        gitops(gitopsGrid);
        gitopsGrid.visibleProperty().bind(vm.deliveryProperty().isEqualTo(Delivery.GITOPS));
        gitopsGrid.managedProperty().bind(gitopsGrid.visibleProperty());
        GridPane bottom = Forms.grid();
        ProgressIndicator reading = new ProgressIndicator();
        reading.setPrefSize(16, 16);
        reading.visibleProperty().bind(vm.loadingProperty());
        Label readingText = new Label("Reading each cluster's Kyverno\u2026");
        readingText.visibleProperty().bind(vm.loadingProperty());
        Button refresh = new Button("_Refresh");
        refresh.setMnemonicParsing(true);
        refresh.setOnAction(e -> vm.refresh());
        Label problem = new Label();
        problem.setId("targets-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.FIELD_PROBLEM);
        problem.textProperty().bind(vm.problemProperty());
        HBox status = new HBox(8, refresh, reading, readingText, problem);
        status.setAlignment(Pos.CENTER_LEFT);
        Forms.row(bottom, "", status, null, null);
        Forms.row(bottom, "", legacy(legacyOffer, adoptLegacy), null, null).showWhen(Bindings.isNotEmpty(legacyOffer));
        for (GridPane g : List.of(grid, gitopsGrid, bottom)) {
            g.getColumnConstraints().get(0).setMinWidth(LABELS); // the three grids' fields line up
        }
        ScrollPane scroll = new ScrollPane(new VBox(grid, gitopsGrid, bottom));
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    /** The offer to add the converted policies of legacy ClusterPolicies, shown only when there are some. */
    private static VBox legacy(javafx.beans.value.ObservableStringValue offer, java.util.function.IntSupplier adopt) {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(offer);
        Label done = new Label();
        done.setId("legacy-adopted");
        done.getStyleClass().add(Styles.FIELD_HELP);
        Button add = new Button("Add the _converted policies");
        add.setId("adopt-legacy");
        add.setMnemonicParsing(true);
        add.setOnAction(e -> {
            int n = adopt.getAsInt();
            done.setText(
                    n == 0
                            ? "They are chosen already."
                            : "Added " + n + (n == 1 ? " policy" : " policies")
                                    + " with the legacy ones' modes; see them on Parameters (Alt+P).");
        });
        done.managedProperty().bind(done.textProperty().isNotEmpty());
        VBox box = new VBox(6, text, add, done);
        box.getStyleClass().add(Styles.BANNER_WARNING);
        return box;
    }

    private VBox delivery() {
        ToggleGroup group = new ToggleGroup();
        apply.setId("delivery-apply");
        apply.setMnemonicParsing(true);
        apply.setToggleGroup(group);
        RadioButton gitops = new RadioButton(
                "Commit to the _GitOps repository on a new branch (Argo CD delivers " + "after the merge)");
        gitops.setId("delivery-gitops");
        gitops.setMnemonicParsing(true);
        gitops.setToggleGroup(group);
        (vm.deliveryProperty().get() == Delivery.APPLY ? apply : gitops).setSelected(true);
        group.selectedToggleProperty()
                .addListener((o, a, b) -> vm.deliveryProperty().set(b == gitops ? Delivery.GITOPS : Delivery.APPLY));
        return new VBox(6, apply, gitops);
    }

    private ListView<TargetsViewModel.SpokeChoice> spokeList() {
        ListView<TargetsViewModel.SpokeChoice> list = new ListView<>(vm.spokes());
        list.setId("target-spokes");
        list.setPrefHeight(150);
        list.setCellFactory(lv -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            private TargetsViewModel.SpokeChoice bound;

            @Override
            protected void updateItem(TargetsViewModel.SpokeChoice c, boolean empty) {
                super.updateItem(c, empty);
                if (bound != null) {
                    box.selectedProperty().unbindBidirectional(bound.checked());
                    bound = null;
                }
                box.textProperty().unbind();
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                box.selectedProperty().bindBidirectional(c.checked());
                bound = c;
                box.textProperty()
                        .bind(Bindings.createStringBinding(
                                () -> c.name() + " \u2014 " + vm.factsOf(c.name()),
                                vm.factsMap(),
                                vm.loadingProperty()));
                setGraphic(box);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE
                    && list.getSelectionModel().getSelectedItem() != null) {
                var c = list.getSelectionModel().getSelectedItem().checked();
                c.set(!c.get());
                e.consume();
            }
        });
        vm.factsMap().addListener((MapChangeListener<String, Object>) c -> list.refresh());
        return list;
    }

    private void gitops(GridPane grid) {
        Forms.row(
                grid,
                "Re_pository",
                field("gitops-repository", vm.repositoryProperty(), "https://github.com/acme/platform-gitops"),
                "The hub's GitOps repository (https).",
                null);
        Forms.row(grid, "_Base branch", field("gitops-base", vm.baseProperty(), "main"), null, null);
        Forms.row(
                grid,
                "_New branch",
                field("gitops-branch", vm.branchProperty(), ""),
                "The pull request goes from " + "this branch to the base branch.",
                null);
        PasswordField token = new PasswordField();
        token.setId("gitops-token");
        token.getStyleClass().add(Styles.MASKED);
        token.textProperty().addListener((o, a, b) -> vm.setToken(SecretText.of(b)));
        Forms.row(grid, "_Token", token, "A GitHub token that may push branches; kept in memory only.", null);
        Forms.row(
                grid,
                "Spoke _labels",
                field("gitops-selector", vm.selectorProperty(), "clusterType=spoke"),
                "The ApplicationSet's cluster generator selects the spokes' Argo CD cluster secrets with these labels; "
                        + "empty for no spokes.",
                vm.selectorProblemProperty());
        Label matching = new Label();
        matching.setId("gitops-matching");
        matching.setWrapText(true);
        matching.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.matching().isEmpty()
                                ? "no spoke matches now"
                                : "matches now: " + String.join(", ", vm.matching()),
                        vm.matching()));
        Forms.row(grid, "", matching, null, null);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    @Override
    protected void entered() {
        onEnter.run();
    }

    @Override
    protected Node firstFocus() {
        return apply;
    }
}
