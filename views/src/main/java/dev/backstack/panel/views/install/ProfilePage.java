package dev.backstack.panel.views.install;

import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/** The profile page: what to install and where it is reached. */
final class ProfilePage extends WizardPage {

    private final ProfileViewModel vm;
    private final TextField repository = new TextField();

    ProfilePage(ProfileViewModel vm) {
        super(
                "Profile",
                "What the hub runs and how it is reached. The host names default to nip.io names that "
                        + "resolve to this machine (127.0.0.1), fine for a local cluster.",
                vm.validProperty());
        this.vm = vm;
        GridPane grid = Forms.grid();
        Forms.row(
                grid,
                "Cluster _type",
                clusterType(),
                "Decides the cloud providers installed and the " + "credentials asked for next.",
                null);
        repository.setId("profile-repository");
        repository.setPromptText("https://github.com/acme/platform-gitops");
        repository.textProperty().bindBidirectional(vm.repositoryProperty());
        Forms.row(
                grid,
                "GitOps _repository",
                repository,
                "Argo CD syncs cluster claims from it; the GitHub token " + "on the next page must be able to read it.",
                vm.problemProperty(ProfileField.REPOSITORY));
        Forms.row(
                grid,
                "_Backstage host",
                text("profile-backstage-host", vm.backstageHostProperty()),
                null,
                vm.problemProperty(ProfileField.BACKSTAGE_HOST));
        Forms.row(
                grid,
                "_Argo CD host",
                text("profile-argocd-host", vm.argocdHostProperty()),
                null,
                vm.problemProperty(ProfileField.ARGOCD_HOST));
        CheckBox vault = new CheckBox("Install HashiCorp _Vault for the spokes' secrets");
        vault.setId("profile-vault");
        vault.selectedProperty().bindBidirectional(vm.vaultProperty());
        Forms.row(grid, "", vault, null, null);
        TextField vaultHost = text("profile-vault-host", vm.vaultHostProperty());
        vaultHost.disableProperty().bind(vm.vaultProperty().not());
        Forms.row(grid, "Vault _host", vaultHost, null, vm.problemProperty(ProfileField.VAULT_HOST));
        Forms.row(grid, "_Ingress", ingress(), null, vm.ingressWarningProperty());
        Forms.row(
                grid,
                "Chart _mirror",
                mirror(),
                "Optional: a folder of chart archives for an air-gapped "
                        + "install. Leave empty to use the public chart repositories.",
                vm.problemProperty(ProfileField.CHART_MIRROR));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    private ComboBox<ClusterType> clusterType() {
        ComboBox<ClusterType> box = new ComboBox<>();
        box.setId("profile-cluster-type");
        box.getItems().setAll(ClusterType.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClusterType t) {
                return t == null ? "" : t.label();
            }

            @Override
            public ClusterType fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(vm.clusterTypeProperty());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private VBox ingress() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6);
        for (IngressChoice c : IngressChoice.values()) {
            RadioButton r = new RadioButton(c.retired() ? "Install ingress-nginx" : c.label());
            r.setId("ingress-" + c.name().toLowerCase());
            r.setMnemonicParsing(false);
            r.setToggleGroup(group);
            r.setUserData(c);
            r.setSelected(vm.ingressProperty().get() == c);
            HBox line = new HBox(8, r);
            line.setAlignment(Pos.CENTER_LEFT);
            if (c.retired()) {
                Label retired = new Label("RETIRED");
                retired.getStyleClass().addAll(Styles.BADGE, Styles.BADGE_WARNING);
                retired.setMinWidth(Region.USE_PREF_SIZE);
                Label why = new Label("upstream, March 2026: no security fixes");
                why.getStyleClass().add(Styles.FIELD_HELP);
                line.getChildren().addAll(retired, why);
            }
            box.getChildren().add(line);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.ingressProperty().set((IngressChoice) b.getUserData());
            }
        });
        return box;
    }

    private HBox mirror() {
        TextField folder = text("profile-chart-mirror", vm.chartMirrorProperty());
        folder.setPromptText("empty: public chart repositories");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Bro_wse\u2026");
        browse.setMnemonicParsing(true);
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Chart mirror folder");
            File chosen =
                    chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                vm.chartMirrorProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox box = new HBox(8, folder, browse);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    @Override
    protected Node firstFocus() {
        return repository;
    }
}
