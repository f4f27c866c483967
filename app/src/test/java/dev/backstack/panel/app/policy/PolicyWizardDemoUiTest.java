package dev.backstack.panel.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Screenshots;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.views.policy.PolicyServiceBackend;
import dev.backstack.panel.views.policy.PolicyWizard;
import dev.backstack.panel.views.policy.PolicyWizardViewModel;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
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
 * The policy wizard end to end on the demo fleet, through the real service and plan engine
 * (headless Monocle), mostly by keyboard: choose two guardrails, Enforce them, target the hub and
 * spoke-1, read the impact (spoke-1's legacy CMS pod uses a floating tag), accept the warnings and
 * deliver. With {@code -Dpanel.screenshots=docs/images} it saves policies-*.png.
 */
class PolicyWizardDemoUiTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private FleetService fleet;

    @TempDir
    Path journals;

    @BeforeEach
    void open() throws Exception {
        fleet = FleetService.demo(100, 100);
        fleet.demoFleet().orElseThrow().awaitSettled(60_000);
        fleet.awaitSynced(30, TimeUnit.SECONDS);
        stage = FxToolkit.registerPrimaryStage();
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
    @DisplayName("chooses, enforces, previews the impact and delivers policies to the hub and spoke-1 of the demo")
    void deliversOnTheDemo() throws Exception {
        PolicyService service = new PolicyService(
                PolicyCatalog.load(), new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
        PolicyWizardViewModel vm = PolicyWizard.viewModel(new PolicyServiceBackend(service, true));
        robot.interact(() -> PolicyWizard.show(stage, vm, url -> {}));
        FxPoll.until(
                30,
                () -> robot.lookup("#policy-search")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.targetWindow(robot.lookup(".dialog-pane").query().getScene().getWindow());

        check("latest");
        check("probes");
        FxPoll.until(10, () -> vm.catalog().validProperty().get());
        assertThat(vm.catalog().chosen())
                .extracting(e -> e.id())
                .containsExactly("require-probes", "disallow-latest-tag");
        shot("policies-1-catalog");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(
                10,
                () -> robot.lookup("#policy-forms")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.push(KeyCode.ALT, KeyCode.E);
        FxPoll.until(10, () -> vm.parameters().validProperty().get());
        shot("policies-2-parameters");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(
                10,
                () -> robot.lookup("#target-spokes")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        FxPoll.until(
                30,
                () -> !vm.targets().loadingProperty().get()
                        && !vm.targets().factsMap().isEmpty());
        robot.push(KeyCode.ALT, KeyCode.G);
        FxPoll.until(
                10,
                () -> robot.lookup("#gitops-repository")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.clickOn("#gitops-repository").write("https://github.com/acme/platform-gitops");
        FxPoll.until(10, () -> vm.targets().matching().contains("spoke-1"));
        shot("policies-3b-gitops");
        robot.push(KeyCode.ALT, KeyCode.A);
        FxPoll.until(
                10,
                () -> robot.lookup("#target-spokes")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.interact(() -> {
            ListView<?> spokes = robot.lookup("#target-spokes").queryAs(ListView.class);
            spokes.requestFocus();
            spokes.getSelectionModel().select(0);
        });
        robot.type(KeyCode.SPACE);
        FxPoll.until(10, () -> vm.targets().spokes().get(0).checked().get());
        shot("policies-3-targets");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(
                60,
                () -> !vm.impact().loadingProperty().get()
                        && !vm.impact().rows().isEmpty());
        assertThat(vm.impact().impact()).anySatisfy(i -> {
            assertThat(i.cluster()).isEqualTo("spoke-1");
            assertThat(i.selection().entry().id()).isEqualTo("disallow-latest-tag");
            assertThat(i.evaluated().blockedObjects())
                    .extracting(o -> o.name())
                    .containsExactly("legacy-cms-5f4b8-p9d2w");
        });
        shot("policies-4-impact");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(30, () -> vm.review().previewProperty().get() != null);
        robot.push(KeyCode.ALT, KeyCode.R);
        FxPoll.until(
                60,
                () -> vm.review().findings().size() > 0
                        && vm.review().hasWarningsProperty().get());
        assertThat(vm.review().blockedProperty().get()).isFalse();
        robot.push(KeyCode.ALT, KeyCode.G);
        FxPoll.until(10, () -> vm.review().validProperty().get());
        shot("policies-5-review");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(120, () -> vm.run().succeededProperty().get());
        shot("policies-6-run");
        robot.push(KeyCode.ALT, KeyCode.N);
        FxPoll.until(
                10,
                () -> robot.lookup("#summary-headline")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        shot("policies-7-summary");

        KubernetesClient spoke1 = fleet.demoFleet().orElseThrow().client("spoke-1");
        GenericKubernetesResource vpol = spoke1.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                        .withGroup("policies.kyverno.io")
                        .withVersion("v1")
                        .withKind("ValidatingPolicy")
                        .withPlural("validatingpolicies")
                        .withNamespaced(false)
                        .build())
                .withName("disallow-latest-tag")
                .get();
        assertThat(vpol).isNotNull();
        assertThat(((Map<?, ?>) vpol.getAdditionalProperties().get("spec")).get("validationActions"))
                .isEqualTo(List.of("Deny"));
        KubernetesClient hub = fleet.demoFleet().orElseThrow().client("backstack-hub");
        assertThat(hub.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                                .withGroup("kyverno.io")
                                .withVersion("v1")
                                .withKind("ClusterPolicy")
                                .withPlural("clusterpolicies")
                                .withNamespaced(false)
                                .build())
                        .withName("require-probes")
                        .get())
                .as("the hub's Kyverno 1.11 gets a ClusterPolicy")
                .isNotNull();
        robot.push(KeyCode.ALT, KeyCode.F);
    }

    /** Searches, moves into the list and checks the first match with Space. */
    private void check(String search) throws Exception {
        robot.clickOn("#policy-search");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(search);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(
                    robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), name));
        }
    }
}
