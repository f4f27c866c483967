package dev.backstack.panel.installer.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.BareRepository;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.resources.CrdCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The add-on service on the simulated demo fleet: the spokes a selector matches, the preflight,
 * a direct delivery through the plan engine (a re-run writes nothing) and a GitOps delivery to a
 * bare repository in a test folder.
 */
class AddonServiceTest {

    private static FleetService fleet;
    private static AddonService service;

    @TempDir
    static Path journals;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDemo() throws Exception {
        fleet = FleetService.demo(100, 100);
        assertThat(fleet.demoFleet().orElseThrow().awaitSettled(60_000))
                .as("demo settled")
                .isTrue();
        assertThat(fleet.awaitSynced(30, TimeUnit.SECONDS)).as("demo watched").isTrue();
        service = new AddonService(
                AddonCatalog.load(), new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
    }

    @AfterAll
    static void stopDemo() {
        fleet.close();
    }

    private static AddonSelection addon(String id) {
        return AddonSelection.ofDefaults(service.catalog().entry(id).orElseThrow());
    }

    @Test
    @DisplayName("a selector lists the spokes whose Argo CD cluster secrets carry its labels, live from the hub")
    void matchingSpokes() {
        assertThat(service.matchingSpokes(AddonSelection.DEFAULT_SELECTOR)).contains("spoke-1", "spoke-2");
        assertThat(service.matchingSpokes(Map.of("clusterType", "no-such-type")))
                .isEmpty();
    }

    @Test
    @DisplayName(
            "applied directly: preview = the rendered ApplicationSets, preflight dry-runs them, a re-run writes nothing")
    void appliesDirectlyAndReRunsWithoutWrites() throws Exception {
        AddonRequest r = new AddonRequest(
                List.of(
                        addon("metrics-server").withText("replicas", "2"),
                        addon("cert-manager").withSpokes(List.of("spoke-1", "spoke-9"))),
                AddonRequest.Delivery.APPLY,
                "",
                "main",
                "");

        PlanPreview preview = service.preview(r, GitCredentials.none());
        assertThat(preview.steps())
                .extracting(s -> s.info().id())
                .containsExactly("backstack-hub/metrics-server", "backstack-hub/cert-manager");
        assertThat(preview.steps().get(0).objects().get(0).yaml()).contains("kind: ApplicationSet", "replicas: 2");

        PreflightReport pre = service.preflight(r, GitCredentials.none());
        assertThat(pre.findings()).noneMatch(PreflightFinding::blocks);
        assertThat(pre.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("spokes-cert-manager");
            assertThat(f.warns()).isTrue();
            assertThat(f.detail()).contains("spoke-9");
        });
        assertThat(pre.findings()).anySatisfy(f -> assertThat(f.title()).contains("metrics-server reaches", "spokes"));

        List<PlanEvent> events = new ArrayList<>();
        AddonService.Delivered first =
                service.run(r, GitCredentials.none(), List.of("spokes-cert-manager"), events::add);
        assertThat(first.outcome()).isEqualTo(PlanOutcome.SUCCEEDED);
        KubernetesClient hub = fleet.demoFleet().orElseThrow().client("backstack-hub");
        GenericKubernetesResource stored = hub.genericKubernetesResources("argoproj.io/v1alpha1", "ApplicationSet")
                .inNamespace("argocd")
                .withName("metrics-server")
                .get();
        assertThat(stored).isNotNull();
        assertThat(stored.getMetadata().getLabels()).containsEntry("backstack.dev/addon", "metrics-server");

        AddonService.Delivered again = service.run(r, GitCredentials.none(), List.of("spokes-cert-manager"), e -> {});
        assertThat(again.outcome())
                .as("a re-run of a finished plan writes nothing")
                .isEqualTo(PlanOutcome.UNCHANGED);
    }

    @Test
    @DisplayName(
            "committed to the GitOps repository: one file per ApplicationSet where the hub's Argo CD syncs, valid against the CRD")
    void commitsToGitOps() throws Exception {
        Path repo = BareRepository.seed(dir.resolve("gitops.git"));
        AddonRequest r = new AddonRequest(
                List.of(addon("kyverno"), addon("backstack-policies")),
                AddonRequest.Delivery.GITOPS,
                repo.toUri().toString(),
                "main",
                "backstack-panel/addons-kyverno");

        AddonService.Delivered d = service.run(r, GitCredentials.none(), List.of(), e -> {});

        assertThat(d.outcome()).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(d.commit()).get().extracting(DeliveryResult::outcome).isEqualTo(DeliveryResult.Outcome.PUSHED);
        Map<String, String> files = BareRepository.files(repo, "backstack-panel/addons-kyverno");
        assertThat(files)
                .containsKeys(
                        "demo/applications/appset-kyverno.yaml", "demo/applications/appset-backstack-policies.yaml");
        CrdCatalog crds = CrdCatalog.load();
        for (GenericKubernetesResource a : service.render(r)) {
            assertThat(crds.validate(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(a)))
                    .as(a.getMetadata().getName())
                    .isEmpty();
        }
        assertThat(service.run(r, GitCredentials.none(), List.of(), e -> {}).outcome())
                .isEqualTo(PlanOutcome.UNCHANGED);
    }

    @Test
    @DisplayName("an incomplete request is refused with every reason, before anything is planned")
    void refusesIncompleteRequests() throws Exception {
        AddonRequest r = new AddonRequest(
                List.of(addon("backstack-policies"), addon("metrics-server").withValue("replicas", 0L)),
                AddonRequest.Delivery.GITOPS,
                "",
                "main",
                "main");
        assertThatThrownBy(() -> service.render(r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backstack-policies: syncs a folder of the GitOps repository")
                .hasMessageContaining("Replicas: 0 is outside")
                .hasMessageContaining("must differ from the base branch main")
                .hasMessageContaining("give the repository URL");
        PreflightReport pre = service.preflight(r, GitCredentials.none());
        assertThat(pre.findings())
                .filteredOn(PreflightFinding::blocks)
                .extracting(PreflightFinding::id)
                .containsExactly("request");
    }
}
