package dev.backstack.panel.views.namespace;

import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Network isolation, the team's policies (Space checks, E toggles Audit/Enforce) and the delivery. */
final class GuardrailsPage extends WizardPage {

    private final GuardrailsViewModel vm;
    private final Runnable onEnter;
    private final CheckBox isolate =
            new CheckBox("_Isolate: deny ingress except from the namespace itself and the " + "ingress controller");

    GuardrailsPage(GuardrailsViewModel vm, Runnable onEnter) {
        super(
                "Isolation, policies and delivery",
                "Policies are scoped to this namespace only, rendered for the "
                        + "spoke's Kyverno (ValidatingPolicy from 1.17, ClusterPolicy before).",
                vm.validProperty());
        this.vm = vm;
        this.onEnter = onEnter;
        GridPane grid = Forms.grid();
        isolate.setId("ns-isolate");
        isolate.setMnemonicParsing(true);
        isolate.selectedProperty().bindBidirectional(vm.isolateProperty());
        Forms.row(grid, "Network", isolate, null, null);
        Forms.row(
                        grid,
                        "In_gress namespace",
                        TargetPage.field("ns-ingress", vm.ingressNamespaceProperty(), "ingress-nginx"),
                        "Its pods may reach the namespace's pods.",
                        vm.ingressProblemProperty())
                .showWhen(vm.isolateProperty());
        Forms.row(
                grid,
                "P_olicies",
                policyList(),
                "Space chooses a policy, E switches it between Audit and Enforce.",
                null);
        Forms.row(grid, "_Delivery", delivery(), null, null);
        GridPane git = Forms.grid();
        git.setPadding(new javafx.geometry.Insets(0, 22, 0, 22));
        Forms.row(
                git,
                "_Repository",
                TargetPage.field(
                        "ns-gitops-repository", vm.repositoryProperty(), "https://github.com/acme/platform-gitops"),
                "The hub's GitOps repository (https).",
                null);
        Forms.row(git, "_Base branch", TargetPage.field("ns-gitops-base", vm.baseProperty(), "main"), null, null);
        Forms.row(
                git,
                "Ne_w branch",
                TargetPage.field("ns-gitops-branch", vm.branchProperty(), ""),
                null,
                vm.gitopsProblemProperty());
        PasswordField token = new PasswordField();
        token.setId("ns-gitops-token");
        token.getStyleClass().add(Styles.MASKED);
        token.textProperty().addListener((o, a, b) -> vm.setToken(SecretText.of(b)));
        Forms.row(git, "_Token", token, "A GitHub token that may push branches; kept in memory only.", null);
        git.visibleProperty().bind(vm.gitopsProperty());
        git.managedProperty().bind(git.visibleProperty());
        git.getColumnConstraints().get(0).setMinWidth(140);
        grid.getColumnConstraints().get(0).setMinWidth(140);
        ScrollPane scroll = new ScrollPane(new VBox(grid, git));
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    private ListView<GuardrailsViewModel.PolicyChoice> policyList() {
        ListView<GuardrailsViewModel.PolicyChoice> list = new ListView<>(vm.policies());
        list.setId("ns-policies");
        list.setPrefHeight(200);
        list.setCellFactory(lv -> new PolicyCell());
        list.setOnKeyPressed(e -> {
            GuardrailsViewModel.PolicyChoice c = list.getSelectionModel().getSelectedItem();
            if (c == null) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE) {
                c.checked().set(!c.checked().get());
                e.consume();
            } else if (e.getCode() == KeyCode.E && !e.isAltDown()) {
                c.mode().set(c.mode().get() == PolicyMode.ENFORCE ? PolicyMode.AUDIT : PolicyMode.ENFORCE);
                e.consume();
            }
        });
        return list;
    }

    private VBox delivery() {
        ToggleGroup group = new ToggleGroup();
        RadioButton apply = new RadioButton("_Apply now, directly to the spoke");
        apply.setId("ns-delivery-apply");
        apply.setMnemonicParsing(true);
        apply.setToggleGroup(group);
        RadioButton gitops = new RadioButton(
                "Commit to the GitOps repositor_y on a new branch (Argo CD delivers after " + "the merge)");
        gitops.setId("ns-delivery-gitops");
        gitops.setMnemonicParsing(true);
        gitops.setToggleGroup(group);
        (vm.gitopsProperty().get() ? gitops : apply).setSelected(true);
        group.selectedToggleProperty()
                .addListener((o, a, b) -> vm.gitopsProperty().set(b == gitops));
        return new VBox(6, apply, gitops);
    }

    /** A policy row: its check box, title and mode. */
    private static final class PolicyCell extends ListCell<GuardrailsViewModel.PolicyChoice> {
        private final CheckBox box = new CheckBox();
        private final ChoiceBox<PolicyMode> mode = new ChoiceBox<>();
        private final Label id = new Label();
        private final HBox row;
        private GuardrailsViewModel.PolicyChoice bound;

        PolicyCell() {
            mode.getItems().setAll(PolicyMode.values());
            mode.setConverter(new StringConverter<>() {
                @Override
                public String toString(PolicyMode m) {
                    return m == null ? "" : m.title();
                }

                @Override
                public PolicyMode fromString(String s) {
                    return PolicyMode.valueOf(s.toUpperCase(java.util.Locale.ROOT));
                }
            });
            mode.setFocusTraversable(false);
            box.setFocusTraversable(false);
            id.getStyleClass().add(Styles.MUTED);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
            row = new HBox(10, box, id, mode);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(GuardrailsViewModel.PolicyChoice c, boolean empty) {
            super.updateItem(c, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.checked());
                mode.valueProperty().unbindBidirectional(bound.mode());
                bound = null;
            }
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            box.setText(c.entry().title());
            id.setText(c.entry().id());
            box.selectedProperty().bindBidirectional(c.checked());
            mode.valueProperty().bindBidirectional(c.mode());
            bound = c;
            setGraphic(row);
        }
    }

    @Override
    protected void entered() {
        onEnter.run();
    }

    @Override
    protected Node firstFocus() {
        return isolate;
    }
}
