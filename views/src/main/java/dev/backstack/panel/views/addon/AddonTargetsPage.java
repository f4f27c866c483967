package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The spokes and delivery page: a label selector with the spokes it matches now, or spokes by name; apply or commit. */
final class AddonTargetsPage extends WizardPage {

    private final TextField selector = new TextField();
    private final Runnable onEnter;

    AddonTargetsPage(AddonTargetsViewModel vm, Runnable onEnter) {
        super(
                "Spokes and delivery",
                "Argo CD's cluster generator picks the spokes from their cluster secrets on the "
                        + "hub: by labels (new spokes with those labels get the add-ons too), or by name.",
                vm.validProperty());
        this.onEnter = onEnter;
        GridPane grid = Forms.grid();
        ToggleGroup modes = new ToggleGroup();
        RadioButton byLabel = radio("By _label", "addon-by-label", modes);
        RadioButton byName = radio("By na_me", "addon-by-name", modes);
        modes.selectToggle(vm.modeProperty().get() == AddonTargetsViewModel.Mode.BY_LABEL ? byLabel : byName);
        modes.selectedToggleProperty()
                .addListener((o, a, t) -> vm.modeProperty()
                        .set(t == byName ? AddonTargetsViewModel.Mode.BY_NAME : AddonTargetsViewModel.Mode.BY_LABEL));
        Forms.row(grid, "Spokes", new HBox(16, byLabel, byName), null, null);
        BooleanBinding labelMode = Bindings.createBooleanBinding(
                () -> vm.modeProperty().get() == AddonTargetsViewModel.Mode.BY_LABEL, vm.modeProperty());

        selector.setId("addon-selector");
        selector.textProperty().bindBidirectional(vm.selectorProperty());
        Forms.row(
                        grid,
                        "_Selector",
                        selector,
                        "Labels of the spokes' Argo CD cluster secrets, KEY=VALUE, comma-separated.",
                        vm.selectorProblemProperty())
                .showWhen(labelMode);
        ListView<String> matching = new ListView<>(vm.matching());
        matching.setId("addon-matching");
        matching.setPrefHeight(110);
        Label status = new Label();
        status.setId("addon-matching-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(vm.matchingStatusProperty());
        Forms.row(grid, "Matching now", new VBox(4, matching, status), null, null)
                .showWhen(labelMode);

        ListView<AddonTargetsViewModel.SpokeChoice> names = new ListView<>(vm.spokes());
        names.setId("addon-spokes");
        names.setPrefHeight(130);
        names.setCellFactory(CheckBoxListCell.forListView(AddonTargetsViewModel.SpokeChoice::checked));
        names.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            AddonTargetsViewModel.SpokeChoice c = names.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && c != null) {
                c.checked().set(!c.checked().get());
                e.consume();
            }
        });
        Forms.row(grid, "Spo_kes", names, "Space checks the focused spoke.", null)
                .showWhen(labelMode.not());

        ToggleGroup deliveries = new ToggleGroup();
        RadioButton apply = radio("_Apply to the hub", "addon-apply", deliveries);
        RadioButton gitops = radio("Commit to the _GitOps repository", "addon-gitops", deliveries);
        deliveries.selectToggle(vm.deliveryProperty().get() == AddonRequest.Delivery.APPLY ? apply : gitops);
        deliveries
                .selectedToggleProperty()
                .addListener((o, a, t) -> vm.deliveryProperty()
                        .set(t == gitops ? AddonRequest.Delivery.GITOPS : AddonRequest.Delivery.APPLY));
        Forms.row(
                grid,
                "Delivery",
                new HBox(16, apply, gitops),
                "Apply: server-side apply of the ApplicationSets in the "
                        + "hub's argocd namespace. GitOps: one commit on a new branch, for a pull request.",
                null);
        BooleanBinding gitMode = Bindings.createBooleanBinding(
                () -> vm.deliveryProperty().get() == AddonRequest.Delivery.GITOPS, vm.deliveryProperty());
        TextField repository = new TextField();
        repository.setId("addon-repository");
        repository.setPromptText("https://github.com/acme/platform-gitops");
        repository.textProperty().bindBidirectional(vm.repositoryProperty());
        Forms.row(
                grid,
                "GitOps _repository",
                repository,
                "Where a GitOps delivery commits, and the source of "
                        + "backstack-policies (its policies/spokes folder). Needed for that add-on in either delivery.",
                null);
        TextField base = new TextField();
        base.setId("addon-base");
        base.textProperty().bindBidirectional(vm.baseProperty());
        Forms.row(
                grid,
                "_Base branch",
                base,
                "The branch the add-ons that sync a folder follow; a commit starts from it.",
                null);
        TextField branch = new TextField();
        branch.setId("addon-branch");
        branch.textProperty().bindBidirectional(vm.branchProperty());
        Forms.row(grid, "New bran_ch", branch, null, null).showWhen(gitMode);
        PasswordField token = new PasswordField();
        token.setId("addon-token");
        token.textProperty().addListener((o, a, t) -> vm.setToken(SecretText.of(t)));
        Forms.row(
                        grid,
                        "_Token",
                        token,
                        "Only for a private https repository; kept in memory, wiped when the wizard " + "closes.",
                        null)
                .showWhen(gitMode);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(0));
        setContent(scroll);
    }

    private static RadioButton radio(String text, String id, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setToggleGroup(group);
        return b;
    }

    @Override
    protected void entered() {
        onEnter.run();
    }

    @Override
    protected Node firstFocus() {
        return selector;
    }
}
