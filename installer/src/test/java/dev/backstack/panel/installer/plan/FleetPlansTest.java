package dev.backstack.panel.installer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepPreview;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan over several clusters: each cluster's plan runs through its own {@link PlanService} (two
 * fabric8 mock API servers in CRUD mode, journals on each and in a test folder) with fake steps.
 */
class FleetPlansTest {

    private final KubernetesMockServer hubServer = server();
    private final KubernetesMockServer spokeServer = server();
    private final KubernetesClient hubClient = client(hubServer);
    private final KubernetesClient spokeClient = client(spokeServer);
    private final List<PlanEvent> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path journals;

    @AfterEach
    void close() {
        hubClient.close();
        spokeClient.close();
        hubServer.destroy();
        spokeServer.destroy();
    }

    private static KubernetesMockServer server() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer s = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        s.init(InetAddress.getLoopbackAddress(), 0);
        return s;
    }

    private static KubernetesClient client(KubernetesMockServer server) {
        Config config = Config.empty();
        config.setMasterUrl("https://127.0.0.1:" + server.getPort());
        config.setTrustCerts(true);
        config.setDisableHostnameVerification(true);
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout(2000);
        config.setRequestTimeout(5000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private ClusterPlan plan(String cluster, KubernetesClient client, FakeStep... steps) {
        PlanTarget target = new PlanTarget(cluster, client.getMasterUrl().toString(), client, null, null, false);
        return new ClusterPlan(
                cluster,
                new PlanService(target, journals, Clock.systemUTC()),
                new Plan("fleet-test", "Fleet test on " + cluster, List.of(steps)));
    }

    private PlanOutcome run(List<ClusterPlan> plans, List<String> overrides) {
        return FleetPlans.run("fleet-test", plans, overrides, events::add, Clock.systemUTC());
    }

    /** {@code step=STATE} of every step that finished, in order. */
    private List<String> finished() {
        return events.stream()
                .filter(e -> e instanceof PlanEvent.StepFinished)
                .map(e -> (PlanEvent.StepFinished) e)
                .map(f -> f.stepId() + "=" + f.state())
                .toList();
    }

    private PlanEvent.PlanFinished end() {
        return (PlanEvent.PlanFinished) events.get(events.size() - 1);
    }

    @Test
    @DisplayName("the merged preview qualifies each step by its cluster: ids, titles and dependencies")
    void previewQualifiesSteps() {
        List<ClusterPlan> plans = List.of(
                plan("hub", hubClient, new FakeStep("a"), new FakeStep("b", "a")),
                plan("spoke-1", spokeClient, new FakeStep("a")));

        PlanPreview preview = FleetPlans.preview("fleet-test", "Two clusters", plans);

        assertThat(preview.planId()).isEqualTo("fleet-test");
        assertThat(preview.title()).isEqualTo("Two clusters");
        assertThat(preview.steps()).extracting(s -> s.info().id()).containsExactly("hub/a", "hub/b", "spoke-1/a");
        assertThat(preview.steps())
                .extracting(s -> s.info().title())
                .containsExactly("hub · Step a", "hub · Step b", "spoke-1 · Step a");
        assertThat(preview.steps().get(1).info().dependsOn()).containsExactly("hub/a");
        assertThat(preview.steps()).extracting(StepPreview::objects).allMatch(List::isEmpty);
    }

    @Test
    @DisplayName("runs each cluster's plan in turn with qualified events; a second run applies nothing and says so")
    void runsClusterAfterClusterThenChangesNothing() {
        FakeStep hubA = new FakeStep("a");
        FakeStep spokeA = new FakeStep("a");
        List<ClusterPlan> plans = List.of(plan("hub", hubClient, hubA), plan("spoke-1", spokeClient, spokeA));

        assertThat(run(plans, List.of())).isEqualTo(PlanOutcome.SUCCEEDED);

        assertThat(events.get(0)).isInstanceOfSatisfying(PlanEvent.PlanStarted.class, s -> {
            assertThat(s.planId()).isEqualTo("fleet-test");
            assertThat(s.steps()).extracting(i -> i.id()).containsExactly("hub/a", "spoke-1/a");
        });
        assertThat(finished()).containsExactly("hub/a=DONE", "spoke-1/a=DONE");
        assertThat(events)
                .filteredOn(e -> e instanceof PlanEvent.StepStatus s && s.stepId() != null)
                .extracting(PlanEvent::stepId)
                .containsOnly("hub/a", "spoke-1/a");
        assertThat(events).extracting(PlanEvent::stepId).doesNotContain("hub/null", "spoke-1/null");
        assertThat(events).filteredOn(e -> e instanceof PlanEvent.PlanFinished).hasSize(1);
        assertThat(end().summary()).isEqualTo("2 clusters as planned");

        events.clear();
        assertThat(run(plans, List.of())).isEqualTo(PlanOutcome.UNCHANGED);
        assertThat(hubA.applies).hasValue(1);
        assertThat(spokeA.applies).hasValue(1);
        assertThat(finished())
                .as("recorded as done earlier, then found in place")
                .containsExactly("hub/a=DONE", "hub/a=UNCHANGED", "spoke-1/a=DONE", "spoke-1/a=UNCHANGED");
        assertThat(end().summary()).isEqualTo("2 clusters already as planned: nothing written");
    }

    @Test
    @DisplayName(
            "a failure on one cluster stops the run there, untouched clusters after it; a re-run resumes from the failed step")
    void failureStopsThenResumes() {
        FakeStep hubA = new FakeStep("a");
        FakeStep hubB = new FakeStep("b", "a").failingTimes(1);
        FakeStep spokeA = new FakeStep("a");
        List<ClusterPlan> plans = List.of(plan("hub", hubClient, hubA, hubB), plan("spoke-1", spokeClient, spokeA));

        assertThat(run(plans, List.of())).isEqualTo(PlanOutcome.FAILED);

        assertThat(events)
                .filteredOn(e -> e instanceof PlanEvent.StepFailed)
                .singleElement()
                .isInstanceOfSatisfying(PlanEvent.StepFailed.class, f -> {
                    assertThat(f.stepId()).isEqualTo("hub/b");
                    assertThat(f.reason()).isEqualTo("hub: step b refused");
                    assertThat(f.hint()).isEqualTo("retry it");
                });
        assertThat(end().outcome()).isEqualTo(PlanOutcome.FAILED);
        assertThat(end().summary()).isEqualTo("hub: failed; the clusters after it were not touched");
        assertThat(spokeA.applies).as("the spoke after the failed hub").hasValue(0);

        events.clear();
        assertThat(run(plans, List.of())).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(hubA.applies).hasValue(1);
        assertThat(hubB.applies).hasValue(2);
        assertThat(spokeA.applies).hasValue(1);
        assertThat(finished())
                .containsSubsequence("hub/b=DONE", "spoke-1/a=DONE")
                .doesNotContain("hub/a=FAILED");
    }

    @Test
    @DisplayName("a cluster that was already as planned counts as a success when another one changed")
    void mixedUnchangedAndChangedIsSucceeded() {
        FakeStep hubA = new FakeStep("a");
        hubA.present = true;
        List<ClusterPlan> plans =
                List.of(plan("hub", hubClient, hubA), plan("spoke-1", spokeClient, new FakeStep("a")));

        assertThat(run(plans, List.of())).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(finished()).containsExactly("hub/a=UNCHANGED", "spoke-1/a=DONE");
    }

    @Test
    @DisplayName(
            "overrides reach each cluster's journal without their cluster prefix; another cluster's are not recorded")
    void overridesGoToTheirCluster() {
        List<ClusterPlan> plans =
                List.of(plan("hub", hubClient, new FakeStep("a")), plan("spoke-1", spokeClient, new FakeStep("a")));

        run(
                plans,
                List.of(
                        "hub/dry-run: accepted with a warning",
                        "spoke-1/rbac: narrow user",
                        "spoke-2/api: not reached"));

        assertThat(plans.get(0)
                        .service()
                        .journal("fleet-test")
                        .load()
                        .orElseThrow()
                        .overrides())
                .containsExactly("dry-run: accepted with a warning");
        assertThat(plans.get(1)
                        .service()
                        .journal("fleet-test")
                        .load()
                        .orElseThrow()
                        .overrides())
                .containsExactly("rbac: narrow user");
    }

    @Test
    @DisplayName("the preflight of each cluster comes back with ids and titles qualified by the cluster")
    void preflightQualifiesFindings() throws Exception {
        List<ClusterPlan> plans =
                List.of(plan("hub", hubClient, new FakeStep("a")), plan("spoke-1", spokeClient, new FakeStep("a")));

        PreflightReport report = FleetPlans.preflight(plans, VersionRange.of("1.27", "1.36"), cp -> List.of());

        assertThat(report.findings()).isNotEmpty();
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.id()).matches("(hub|spoke-1)/.+"));
        assertThat(report.findings())
                .allSatisfy(f -> assertThat(f.title()).startsWith(f.id().substring(0, f.id().indexOf('/')) + ": "));
        assertThat(report.findings())
                .extracting(f -> f.id().substring(0, f.id().indexOf('/')))
                .containsSubsequence("hub", "spoke-1");
    }

    @Test
    @DisplayName(
            "a notice of a cluster's plan without a step (its journal could not be written) stays a plan notice naming the cluster")
    void planNoticesStayPlanNotices() {
        spokeServer
                .expect()
                .get()
                .withPath("/api/v1/namespaces/" + ConfigMapJournal.NAMESPACE)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("forbidden")
                                .build())
                .always();
        List<ClusterPlan> plans =
                List.of(plan("hub", hubClient, new FakeStep("a")), plan("spoke-1", spokeClient, new FakeStep("a")));

        assertThat(run(plans, List.of())).isEqualTo(PlanOutcome.SUCCEEDED);

        List<PlanEvent.StepStatus> notices = events.stream()
                .filter(e -> e instanceof PlanEvent.StepStatus s && s.stepId() == null)
                .map(e -> (PlanEvent.StepStatus) e)
                .toList();
        assertThat(notices)
                .extracting(PlanEvent.StepStatus::message)
                .allMatch(m -> m.startsWith("hub: ") || m.startsWith("spoke-1: "))
                .anyMatch(m -> m.startsWith(
                        "spoke-1: journal not saved (cannot write journal backstack-panel/plan-fleet-test: "
                                + "HTTP 403)"));
        assertThat(events).extracting(PlanEvent::stepId).doesNotContain("hub/null", "spoke-1/null");
    }

    @Test
    @DisplayName("the id helpers: qualify prefixes the cluster, local strips only its own prefix")
    void qualifyAndLocal() {
        ClusterPlan hub = plan("hub", hubClient, new FakeStep("a"));

        assertThat(hub.qualify("rbac")).isEqualTo("hub/rbac");
        assertThat(hub.local("hub/rbac")).isEqualTo("rbac");
        assertThat(hub.local("hub-2/rbac")).isNull();
        assertThat(hub.local("rbac")).isNull();
    }
}
