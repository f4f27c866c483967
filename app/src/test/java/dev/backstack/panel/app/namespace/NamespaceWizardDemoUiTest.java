package dev.backstack.panel.app.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.backstack.panel.app.FxPoll;
import dev.backstack.panel.app.Screenshots;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.namespace.NamespaceService;
import dev.backstack.panel.installer.plan.Previews;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.views.namespace.GuardrailsViewModel;
import dev.backstack.panel.views.namespace.NamespaceServiceBackend;
import dev.backstack.panel.views.namespace.NamespaceWizard;
import dev.backstack.panel.views.namespace.NamespaceWizardViewModel;
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
import javafx.scene.control.ComboBox;
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
 * The namespace wizard end to end on the demo fleet, through the real service and plan engine
 * (headless Monocle), mostly by keyboard: team-a's namespace on spoke-3 with a smaller pods quota,
 * isolated, require-probes enforced; the review shows the very objects {@code namespace render}
 * prints; preflight, deliver, and the objects are on the spoke. With
 * {@code -Dpanel.screenshots=docs/images} it saves namespace-*.png.
 */
class NamespaceWizardDemoUiTest {

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
    @DisplayName("hands team-a an isolated namespace with a quota and an enforced policy on spoke-3 of the demo")
    void deliversOnTheDemo() throws Exception {
        NamespaceService service = new NamespaceService(
                PolicyCatalog.load(), new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
        NamespaceWizardViewModel vm = NamespaceWizard.viewModel(new NamespaceServiceBackend(service, true));
        robot.interact(() -> NamespaceWizard.show(stage, vm, url -> {}));
        FxPoll.until(
                30,
                () -> robot.lookup("#ns-spoke").tryQuery().map(Node::isVisible).orElse(false));
        robot.targetWindow(robot.lookup(".dialog-pane").query().getScene().getWindow());

        robot.interact(() -> {
            ComboBox<?> spokes = robot.lookup("#ns-spoke").queryAs(ComboBox.class);
            spokes.getSelectionModel().select(spokes.getItems().indexOf("spoke-3"));
        });
        robot.push(KeyCode.ALT, KeyCode.M);
        robot.write("Team-A");
        FxPoll.until(10, () -> !vm.target().nameProblemProperty().get().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("team-a-dev");
        robot.push(KeyCode.ALT, KeyCode.T);
        robot.write("team-a");
        FxPoll.until(
                30,
                () -> vm.target().validProperty().get()
                        && vm.target().factsProperty().get() != null);
        assertThat(vm.target().factsTextProperty().get()).isEqualTo("Kyverno v1.19.0: ValidatingPolicy");
        shot("namespace-1-target");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(
                10,
                () -> robot.lookup("#ns-pods").tryQuery().map(Node::isVisible).orElse(false));
        robot.push(KeyCode.ALT, KeyCode.O);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("0");
        FxPoll.until(10, () -> !vm.quota().validProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("10");
        FxPoll.until(10, () -> vm.quota().validProperty().get());
        shot("namespace-2-quota");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(
                10,
                () -> robot.lookup("#ns-policies")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.push(KeyCode.ALT, KeyCode.I);
        FxPoll.until(10, () -> vm.guardrails().isolateProperty().get());
        int probes = indexOf(vm.guardrails(), "require-probes");
        robot.interact(() -> {
            ListView<?> list = robot.lookup("#ns-policies").queryAs(ListView.class);
            list.requestFocus();
            list.getSelectionModel().select(probes);
            list.scrollTo(probes);
        });
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.E);
        FxPoll.until(
                10,
                () -> vm.guardrails().chosen().size() == 1
                        && vm.guardrails().chosen().get(0).mode() == PolicyMode.ENFORCE);
        shot("namespace-3-guardrails");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(30, () -> vm.review().previewProperty().get() != null);
        List<String> previewed = vm.review().previewProperty().get().steps().stream()
                .flatMap(s -> s.objects().stream())
                .map(ObjectPreview::yaml)
                .toList();
        List<String> rendered = service.render(vm.request(), KyvernoGeneration.VALIDATING_POLICY).objects().stream()
                .map(o -> Previews.preview(o).yaml())
                .toList();
        assertThat(previewed)
                .as("the review shows what namespace render prints")
                .isEqualTo(rendered);
        robot.push(KeyCode.ALT, KeyCode.R);
        FxPoll.until(
                60,
                () -> !vm.review().findings().isEmpty()
                        && vm.review().preflightStateProperty().get()
                                != dev.backstack.panel.views.wizard.ReviewViewModel.PreflightState.RUNNING);
        assertThat(vm.review().blockedProperty().get())
                .as(vm.review().findings().toString())
                .isFalse();
        if (vm.review().hasWarningsProperty().get()) {
            robot.push(KeyCode.ALT, KeyCode.G);
        }
        FxPoll.until(10, () -> vm.review().validProperty().get());
        shot("namespace-4-review");
        robot.push(KeyCode.ALT, KeyCode.N);

        FxPoll.until(120, () -> vm.run().succeededProperty().get());
        shot("namespace-5-run");
        robot.push(KeyCode.ALT, KeyCode.N);
        FxPoll.until(
                10,
                () -> robot.lookup("#summary-headline")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        assertThat(vm.summary().headlineProperty().get())
                .isEqualTo("Namespace team-a-dev is ready on spoke-3 for team-a.");
        shot("namespace-6-summary");

        KubernetesClient spoke = fleet.demoFleet().orElseThrow().client("spoke-3");
        assertThat(spoke.namespaces().withName("team-a-dev").get().getMetadata().getLabels())
                .containsEntry("backstack.dev/team", "team-a");
        assertThat(spoke.resourceQuotas()
                        .inNamespace("team-a-dev")
                        .withName("team-quota")
                        .get()
                        .getSpec()
                        .getHard()
                        .get("pods")
                        .toString())
                .isEqualTo("10");
        assertThat(spoke.network()
                        .networkPolicies()
                        .inNamespace("team-a-dev")
                        .withName("default-deny-ingress")
                        .get())
                .isNotNull();
        GenericKubernetesResource vpol = spoke.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                        .withGroup("policies.kyverno.io")
                        .withVersion("v1")
                        .withKind("ValidatingPolicy")
                        .withPlural("validatingpolicies")
                        .withNamespaced(false)
                        .build())
                .withName("team-a-dev-require-probes")
                .get();
        assertThat(((Map<?, ?>) vpol.getAdditionalProperties().get("spec")).get("validationActions"))
                .isEqualTo(List.of("Deny"));
        robot.push(KeyCode.ALT, KeyCode.F);
    }

    private static int indexOf(GuardrailsViewModel g, String id) {
        for (int i = 0; i < g.policies().size(); i++) {
            if (g.policies().get(i).entry().id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + id + " in the policy list");
    }

    private void shot(String name) {
        if (Screenshots.wanted()) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(
                    robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), name));
        }
    }
}
