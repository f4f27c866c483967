package dev.backstack.panel.app.addon;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Screenshots;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.addon.AddonCatalog;
import dev.backstack.panel.installer.addon.AddonService;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.views.addon.AddonServiceBackend;
import dev.backstack.panel.views.addon.AddonWizard;
import dev.backstack.panel.views.addon.AddonWizardViewModel;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The add-on wizard end to end on the demo fleet, through the real service and plan engine
 * (headless Monocle), mostly by keyboard: check metrics-server, give it two replicas, keep the
 * selector clusterType=spoke (its spokes listed live), preview and preflight, apply, and find the
 * ApplicationSet on the demo hub. With {@code -Dpanel.screenshots=docs/images} it saves addons-wizard-*.png.
 */
class AddonWizardDemoUiTest {

    private final FxRobot robot = new FxRobot();
    private FleetService fleet;

    @TempDir
    Path journals;

    @BeforeEach
    void open() throws Exception {
        fleet = FleetService.demo(100, 100);
        fleet.demoFleet().orElseThrow().awaitSettled(60_000);
        fleet.awaitSynced(30, TimeUnit.SECONDS);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            s.setScene(new Scene(new StackPane(), 300, 200));
            s.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        fleet.close();
    }

    @Test
    @DisplayName(
            "chooses metrics-server, sets its replicas, targets the labelled spokes, previews, preflights and applies on the demo")
    void appliesOnTheDemo() throws Exception {
        AddonService service = new AddonService(
                AddonCatalog.load(), new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
        AddonWizardViewModel vm = AddonWizard.viewModel(new AddonServiceBackend(service, true));
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> AddonWizard.show(stage, vm, url -> {}));
        FxPoll.until(
                30,
                () -> robot.lookup("#addon-catalog")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.targetWindow(robot.lookup(".dialog-pane").query().getScene().getWindow());

        robot.interact(() -> {
            ListView<?> list = robot.lookup("#addon-catalog").queryAs(ListView.class);
            list.requestFocus();
            int i = 0;
            while (!list.getItems().get(i).toString().startsWith("metrics-server")) {
                i++;
            }
            list.getSelectionModel().select(i);
        });
        robot.type(KeyCode.SPACE);
        FxPoll.until(10, () -> vm.choice().anyChosenProperty().get());
        assertThat(vm.choice().chosen()).extracting(e -> e.id()).containsExactly("metrics-server");
        shot("addons-wizard-1-choose");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(
                10,
                () -> robot.lookup("#addon-param-metrics-server-replicas")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.interact(() -> robot.lookup("#addon-param-metrics-server-replicas")
                .queryAs(TextField.class)
                .setText("9"));
        FxPoll.until(10, () -> !vm.valuesValidProperty().get());
        robot.interact(() -> robot.lookup("#addon-param-metrics-server-replicas")
                .queryAs(TextField.class)
                .setText("2"));
        FxPoll.until(10, () -> vm.valuesValidProperty().get());
        shot("addons-wizard-2-values");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(
                10,
                () -> robot.lookup("#addon-selector")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        FxPoll.until(
                30,
                () -> vm.targets().matching().contains("spoke-1")
                        && vm.targets().matching().contains("spoke-2"));
        shot("addons-wizard-3-spokes");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(30, () -> vm.review().previewProperty().get() != null);
        robot.push(KeyCode.ALT, KeyCode.R);
        FxPoll.until(
                60,
                () -> vm.review().findings().size() > 0
                        && vm.review().preflightStateProperty().get()
                                == dev.backstack.panel.views.wizard.ReviewViewModel.PreflightState.DONE);
        assertThat(vm.review().blockedProperty().get()).isFalse();
        assertThat(vm.review().findings()).anySatisfy(f -> assertThat(f.title()).contains("metrics-server reaches"));
        FxPoll.until(10, () -> vm.review().validProperty().get());
        shot("addons-wizard-4-review");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(60, () -> vm.run().succeededProperty().get());
        shot("addons-wizard-5-run");
        robot.push(KeyCode.ALT, KeyCode.N);
        FxPoll.until(
                10,
                () -> robot.lookup("#summary-headline")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        shot("addons-wizard-6-summary");

        // Read back on a client of its own (the live view's client carries every watch of the hub),
        // addressed without discovery, and given time: the simulated hub (fabric8 mock server) stalls for a while after
        // many watches close at once, as at the end of a run.
        String url = fleet.demoFleet().orElseThrow().members().stream()
                .filter(m -> m.name().equals("backstack-hub"))
                .findFirst()
                .orElseThrow()
                .server();
        GenericKubernetesResource set = null;
        try (KubernetesClient hub = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl(url)
                        .withTrustCerts(true)
                        .build())
                .build()) {
            var sets = hub.genericKubernetesResources(
                    new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                            .withGroup("argoproj.io")
                            .withVersion("v1alpha1")
                            .withKind("ApplicationSet")
                            .withPlural("applicationsets")
                            .withNamespaced(true)
                            .build());
            for (int attempt = 0; set == null && attempt < 8; attempt++) {
                try {
                    set = sets.inNamespace("argocd").withName("metrics-server").get();
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                    if (attempt == 7) {
                        throw e;
                    }
                }
            }
        }
        assertThat(set).isNotNull();
        Map<?, ?> template =
                (Map<?, ?>) ((Map<?, ?>) set.getAdditionalProperties().get("spec")).get("template");
        assertThat(template.toString()).contains("replicas=2");
        robot.push(KeyCode.ALT, KeyCode.F);
    }

    private void shot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(
                    robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), name));
        }
    }
}
