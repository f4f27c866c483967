package dev.backstack.panel.views.spoke;

import dev.backstack.panel.installer.spoke.GuardrailFinding;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The spoke page: new AKS, new EKS or an existing context; the claim's fields; delivery; the hub's guardrails. */
final class SpokePage extends WizardPage {

    private final SpokeFormViewModel vm;
    private final RadioButton aks = new RadioButton(SpokeKind.NEW_AKS.title());

    SpokePage(SpokeFormViewModel vm) {
        super(
                "The spoke",
                "A new cluster requested through the hub's Crossplane APIs (the allowed values come from "
                        + "the APIs' definitions; the hub's guardrail policies are checked before anything is submitted), or an "
                        + "existing cluster registered with Argo CD from a kubeconfig context.",
                vm.validProperty());
        this.vm = vm;
        BooleanBinding registers = vm.kindProperty().isEqualTo(SpokeKind.REGISTER);
        BooleanBinding claims = registers.not();
        GridPane grid = Forms.grid();
        Forms.row(grid, "_Kind", kinds(), null, null);
        TextField id = text("spoke-id", vm.idProperty(), "spoke-4");
        Forms.row(
                grid,
                "_Id",
                id,
                "The spoke's id: it names the claim, its <id>-kubeconfig secret and the cluster "
                        + "in Argo CD (for a registration, its name in Argo CD; default the context's name).",
                vm.idProblemProperty());
        ComboBox<String> context = new ComboBox<>(vm.contexts());
        context.setId("spoke-context");
        context.valueProperty().bindBidirectional(vm.contextProperty());
        Forms.row(
                        grid,
                        "C_ontext",
                        context,
                        "The kubeconfig context of the cluster to register. A ServiceAccount is "
                                + "created on it; Argo CD gets that token, never your credentials.",
                        null)
                .showWhen(registers);
        Forms.row(grid, "_Region", text("spoke-region", vm.regionProperty(), ""), null, vm.regionProblemProperty())
                .showWhen(claims);
        ComboBox<String> version = new ComboBox<>(vm.versions());
        version.setId("spoke-version");
        version.valueProperty().bindBidirectional(vm.versionProperty());
        Forms.row(grid, "_Version", version, "The Kubernetes versions the API allows.", vm.versionProblemProperty())
                .showWhen(claims);
        Spinner<Integer> nodes = new Spinner<>(0, 100, vm.nodesProperty().get());
        nodes.setId("spoke-nodes");
        nodes.setEditable(true);
        nodes.valueProperty().addListener((o, a, b) -> vm.nodesProperty().set(b == null ? 0 : b));
        Forms.row(grid, "_Nodes", nodes, null, vm.nodesProblemProperty()).showWhen(claims);
        TextField size = text("spoke-node-size", vm.nodeSizeProperty(), "");
        Forms.Row sizeRow = Forms.row(grid, "Node si_ze", size, null, vm.sizeProblemProperty());
        sizeRow.field().getChildren().add(1, helpBound());
        sizeRow.showWhen(claims);
        Forms.row(
                        grid,
                        "IAM _role",
                        text("spoke-iam-role", vm.iamRoleProperty(), "arn:aws:iam::…:role/…"),
                        "EKS: the IAM role to connect as cluster admin (optional).",
                        null)
                .showWhen(vm.kindProperty().isEqualTo(SpokeKind.NEW_EKS));
        CheckBox gitops = new CheckBox("Commit the claim to the _GitOps repository (demo/clusters) on a new branch "
                + "instead of applying it");
        gitops.setId("spoke-gitops");
        gitops.setMnemonicParsing(true);
        gitops.selectedProperty().bindBidirectional(vm.gitopsProperty());
        Forms.row(grid, "_Delivery", gitops, null, vm.deliveryProblemProperty()).showWhen(claims);
        BooleanBinding git = claims.and(vm.gitopsProperty());
        Forms.row(
                        grid,
                        "Re_pository",
                        text("spoke-repository", vm.repositoryProperty(), "https://github.com/acme/gitops"),
                        null,
                        null)
                .showWhen(git);
        Forms.row(grid, "_Base branch", text("spoke-base", vm.baseBranchProperty(), "main"), null, null)
                .showWhen(git);
        Forms.row(grid, "New _branch", text("spoke-branch", vm.branchProperty(), "backstack/spoke-<id>"), null, null)
                .showWhen(git);
        PasswordField token = new PasswordField();
        token.setId("spoke-token");
        token.textProperty().addListener((o, a, b) -> {
            vm.tokenProperty().get().clear();
            vm.tokenProperty().set(SecretText.of(b));
        });
        Forms.row(grid, "_Token", token, "A GitHub token allowed to push a branch; kept in memory only.", null)
                .showWhen(git);
        Forms.row(grid, "Guardrails", guardrails(), null, null).showWhen(claims);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    private Label helpBound() {
        Label h = Forms.help("");
        h.textProperty().bind(vm.sizeHelpProperty());
        return h;
    }

    private VBox kinds() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6);
        for (SpokeKind k : SpokeKind.values()) {
            RadioButton b = k == SpokeKind.NEW_AKS ? aks : new RadioButton(k.title());
            b.setId("spoke-kind-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setToggleGroup(group);
            b.setUserData(k);
            b.setSelected(vm.kindProperty().get() == k);
            box.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.kindProperty().set((SpokeKind) b.getUserData());
            }
        });
        return box;
    }

    private VBox guardrails() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.checkingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label summary = new Label();
        summary.setId("spoke-guardrail-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.guardrailSummaryProperty());
        ListView<GuardrailFinding> list = new ListView<>(vm.guardrails());
        list.setId("spoke-guardrails");
        list.setPrefHeight(110);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(GuardrailFinding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().remove(Styles.FIELD_PROBLEM);
                setText(empty || f == null ? null : (f.blocks() ? "\u2717 " : "\u2713 ") + f.line());
                if (f != null && f.blocks()) {
                    getStyleClass().add(Styles.FIELD_PROBLEM);
                }
            }
        });
        list.visibleProperty().bind(Bindings.isNotEmpty(vm.guardrails()));
        list.managedProperty().bind(list.visibleProperty());
        HBox top = new HBox(8, spinner, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, top, list);
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    @Override
    protected Node firstFocus() {
        return aks;
    }
}
