package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.backstack.panel.installer.install.HubPlan;
import dev.backstack.panel.installer.install.InstallService;
import dev.backstack.panel.installer.plan.ConfigMapJournal;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.model.plan.PlanDiff;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hub install plan on a real, otherwise empty API server with the test playing the
 * controllers and helm-java installing small stand-in charts from a mirror folder: preflight of
 * a narrow user, a webhook caught by the dry run, the whole plan, a re-run that writes nothing,
 * a failure injected at each step then resumed, and an SSA conflict.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallPlanIT {

    private static InstallFixture fx;
    private static InstallControllers controllers;
    static CapturedLogs logs;

    @BeforeAll
    static void start() throws Exception {
        logs = CapturedLogs.quietly("dev.backstack", Level.DEBUG);
        fx = new InstallFixture();
        controllers = new InstallControllers(fx.admin).start();
    }

    @AfterAll
    static void stop() {
        if (controllers != null) {
            controllers.close();
        }
        if (fx != null) {
            fx.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    private static PlanOutcome install(InstallService service, List<PlanEvent> events) {
        return service.install(fx.profile(), InstallFixture.credentials(), List.of("api: newer"), print(events));
    }

    @Test
    @Order(1)
    @DisplayName("a user without permissions gets every missing permission at once, and nothing is created")
    void narrowUserPreflight() throws Exception {
        PreflightReport report = fx.service(fx.server.limited()).preflight(fx.profile(), InstallFixture.credentials());

        PreflightFinding rbac = finding(report, "rbac");
        assertThat(rbac.passed()).isFalse();
        assertThat(rbac.detail())
                .contains(
                        "missing: create namespaces (cluster)",
                        "missing: patch providers.pkg.crossplane.io (cluster)",
                        "missing: patch hubs.backstack.dev (namespace default)",
                        "missing: create secrets (namespace argocd)",
                        "missing: create configmaps (namespace backstack-panel)");
        assertThat(report.blocked()).isTrue();
        assertThat(fx.admin.namespaces().withName("crossplane-system").get()).isNull();
        assertThat(fx.admin.namespaces().withName(ConfigMapJournal.NAMESPACE).get())
                .isNull();
    }

    @Test
    @Order(2)
    @DisplayName("the dry run catches a webhook with failurePolicy Fail that cannot be reached, before any write")
    void dryRunCatchesUnreachableWebhook() throws Exception {
        var webhook = new ValidatingWebhookConfigurationBuilder()
                .withNewMetadata()
                .withName("deny-providers")
                .endMetadata()
                .addNewWebhook()
                .withName("providers.policy.example.com")
                .withFailurePolicy("Fail")
                .withSideEffects("None")
                .withAdmissionReviewVersions("v1")
                .withNewClientConfig()
                .withNewService()
                .withNamespace("default")
                .withName("no-such-service")
                .endService()
                .endClientConfig()
                .addNewRule()
                .withApiGroups("pkg.crossplane.io")
                .withApiVersions("*")
                .withResources("providers", "functions")
                .withOperations("CREATE", "UPDATE")
                .endRule()
                .endWebhook()
                .build();
        fx.admin
                .admissionRegistration()
                .v1()
                .validatingWebhookConfigurations()
                .resource(webhook)
                .create();
        try {
            fx.writes.clear();
            PreflightReport report = fx.service().preflight(fx.profile(), InstallFixture.credentials());
            PreflightFinding dry = finding(report, "dry-run");
            assertThat(dry.passed()).isFalse();
            assertThat(dry.detail())
                    .contains("Provider crossplane-contrib-provider-helm", "providers.policy.example.com");
            assertThat(report.blocked()).isTrue();
            assertThat(fx.writes).isEmpty();
        } finally {
            fx.admin
                    .admissionRegistration()
                    .v1()
                    .validatingWebhookConfigurations()
                    .withName("deny-providers")
                    .delete();
        }
    }

    @Test
    @Order(3)
    @DisplayName("the whole plan converges; a second run finds everything in place and sends no write at all")
    void wholePlanThenRerunWritesNothing() throws Exception {
        InstallService service = fx.service();
        PreflightReport report = service.preflight(fx.profile(), InstallFixture.credentials());
        assertThat(report.blocked()).as(report.findings().toString()).isFalse();

        List<PlanEvent> events = new CopyOnWriteArrayList<>();
        assertThat(install(service, events)).as(failures(events)).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(finished(events)).allSatisfy((id, state) -> assertThat(state).isEqualTo(StepState.DONE));
        assertThat(fx.admin
                        .apps()
                        .deployments()
                        .inNamespace("crossplane-system")
                        .withName("crossplane-web")
                        .get())
                .isNotNull();
        ConfigMap journal = fx.admin
                .configMaps()
                .inNamespace(ConfigMapJournal.NAMESPACE)
                .withName("plan-" + HubPlan.PLAN_ID)
                .get();
        assertThat(journal.getData().get("journal.json"))
                .contains("\"hub\"", "DONE")
                .doesNotContain(InstallFixture.TOKEN);

        fx.writes.clear();
        List<PlanEvent> again = new CopyOnWriteArrayList<>();
        assertThat(install(service, again)).isEqualTo(PlanOutcome.UNCHANGED);
        assertThat(fx.writes).isEmpty();
        assertThat(finished(again)).allSatisfy((id, state) -> assertThat(state).isEqualTo(StepState.UNCHANGED));

        PlanDiff same = service.compareWithInstalled(fx.profile(), InstallFixture.credentials());
        assertThat(same.steps()).allMatch(c -> c.kind() == PlanDiff.Kind.SAME);
        PlanDiff moved = service.compareWithInstalled(
                fx.profile().withRepository("https://github.com/acme/new-gitops"), InstallFixture.credentials());
        assertThat(moved.steps())
                .filteredOn(c -> c.kind() != PlanDiff.Kind.SAME)
                .extracting(PlanDiff.Change::stepId)
                .containsExactly("hub");
        PreflightFinding upgrade = finding(
                service.preflight(
                        fx.profile().withRepository("https://github.com/acme/new-gitops"),
                        InstallFixture.credentials()),
                "upgrade");
        assertThat(upgrade.warns()).isTrue();
        assertThat(upgrade.detail()).contains("changed: Create the Hub claim");
    }

    @Test
    @Order(4)
    @DisplayName("a failure injected at each step stops the plan there; the next run resumes from that step")
    void failureAtEachStepThenResume() {
        InstallService service = fx.service();
        Plan plan = service.installPlan(fx.profile(), InstallFixture.credentials());
        for (Step failing : plan.steps()) {
            List<PlanEvent> removal = new CopyOnWriteArrayList<>();
            assertThat(service.uninstall(Set.of(), print(removal)))
                    .as(failures(removal))
                    .isEqualTo(PlanOutcome.SUCCEEDED);

            List<Step> steps = plan.steps().stream()
                    .map(s -> s == failing ? new FailOnce(s) : s)
                    .toList();
            Plan injected = new Plan(plan.id(), plan.title(), steps);
            List<PlanEvent> first = new CopyOnWriteArrayList<>();
            assertThat(service.run(injected, List.of(), print(first))).isEqualTo(PlanOutcome.FAILED);
            assertThat(first)
                    .filteredOn(e -> e instanceof PlanEvent.StepFailed)
                    .singleElement()
                    .satisfies(e -> assertThat(e.stepId()).isEqualTo(failing.id()));
            int at = plan.steps().indexOf(failing);
            plan.steps()
                    .subList(0, at)
                    .forEach(s ->
                            assertThat(finished(first).get(s.id())).as(s.id()).matches(StepState::succeeded));

            List<PlanEvent> resumed = new CopyOnWriteArrayList<>();
            assertThat(service.run(injected, List.of(), print(resumed)))
                    .as(failures(resumed))
                    .isEqualTo(PlanOutcome.SUCCEEDED);
            plan.steps()
                    .subList(0, at)
                    .forEach(s ->
                            assertThat(finished(resumed).get(s.id())).as(s.id()).isEqualTo(StepState.UNCHANGED));
            // The uninstall keeps the namespaces, so that step finds its objects in place; every other
            // step's objects were removed and are written again.
            assertThat(finished(resumed).get(failing.id()))
                    .as(failing.id())
                    .isEqualTo(failing.id().equals("namespaces") ? StepState.UNCHANGED : StepState.DONE);
        }
    }

    @Test
    @Order(5)
    @DisplayName("the install command killed mid-plan leaves its journal on the cluster; the next run resumes from it")
    void killedProcessResumesFromJournal() throws Exception {
        InstallService service = fx.service();
        assertThat(service.uninstall(Set.of(), print(new CopyOnWriteArrayList<>())))
                .isEqualTo(PlanOutcome.SUCCEEDED);
        controllers.holdProviders = true;
        Process child = InstallCommandProcess.start(fx, List.of("install", "--accept-warning", "api"));
        try {
            InstallCommandProcess.awaitJournal(fx.admin, "providers", StepState.APPLYING, 120);
            assertThat(child.info().arguments().map(List::of).orElse(List.of()))
                    .noneMatch(a -> a.contains(InstallFixture.TOKEN));
        } finally {
            child.destroyForcibly().waitFor();
        }
        controllers.holdProviders = false;

        List<PlanEvent> events = new CopyOnWriteArrayList<>();
        assertThat(install(service, events)).as(failures(events)).isEqualTo(PlanOutcome.SUCCEEDED);
        PlanEvent.PlanStarted started = (PlanEvent.PlanStarted) events.get(0);
        assertThat(started.resumed())
                .contains("namespaces", "crossplane", "runtime-config", "functions")
                .doesNotContain("providers");
        // The killed run had applied the providers; once they turn Healthy they are found in place.
        assertThat(finished(events))
                .containsEntry("crossplane", StepState.UNCHANGED)
                .containsEntry("credentials", StepState.DONE)
                .containsEntry("hub", StepState.DONE);
        assertThat(finished(events).get("providers")).matches(StepState::succeeded);
    }

    @Test
    @Order(6)
    @DisplayName("a field another manager took over is reported as a conflict naming the field and the manager")
    void conflictNamesFieldAndManager() {
        GenericKubernetesResource hub = fx.admin
                .genericKubernetesResources(InstallControllers.HUB)
                .inNamespace("default")
                .withName("hub")
                .get();
        GenericKubernetesResource patch = new GenericKubernetesResource();
        patch.setApiVersion("backstack.dev/v1alpha1");
        patch.setKind("Hub");
        patch.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName("hub")
                .withNamespace("default")
                .build());
        patch.setAdditionalProperty(
                "spec", Map.of("parameters", Map.of("repository", "https://github.com/acme/other")));
        fx.admin
                .genericKubernetesResources(InstallControllers.HUB)
                .inNamespace("default")
                .resource(patch)
                .fieldManager("platform-team")
                .forceConflicts()
                .serverSideApply();
        assertThat(hub).isNotNull();

        List<PlanEvent> events = new CopyOnWriteArrayList<>();
        assertThat(install(fx.service(), events)).isEqualTo(PlanOutcome.FAILED);
        PlanEvent.StepFailed failed = (PlanEvent.StepFailed) events.stream()
                .filter(e -> e instanceof PlanEvent.StepFailed)
                .findFirst()
                .orElseThrow();
        assertThat(failed.stepId()).isEqualTo("hub");
        assertThat(failed.reason()).contains(".spec.parameters.repository", "platform-team");
        assertThat(failed.hint()).contains("take over");
    }

    @Test
    @Order(7)
    @DisplayName("the GitHub token reaches its Secrets and nothing else: no log, ConfigMap, Helm release or file")
    void tokenNeverLeaks() throws Exception {
        String stored = fx.admin
                .secrets()
                .inNamespace("argocd")
                .withName(HubPlan.REPO_SECRET)
                .get()
                .getData()
                .get("password");
        assertThat(new String(java.util.Base64.getDecoder().decode(stored))).isEqualTo(InstallFixture.TOKEN);

        assertThat(logs.mentioning(InstallFixture.TOKEN)).isEmpty();
        assertThat(logs.lines()).isNotEmpty();
        for (ConfigMap cm : fx.admin.configMaps().inAnyNamespace().list().getItems()) {
            assertThat(String.valueOf(cm.getData()))
                    .as("ConfigMap " + cm.getMetadata().getName())
                    .doesNotContain(InstallFixture.TOKEN);
        }
        LeakScan.assertNoHelmReleaseHolds(fx.admin, InstallFixture.TOKEN);
        LeakScan.assertNoFileHolds(fx.work, InstallFixture.TOKEN);
    }

    static PreflightFinding finding(PreflightReport report, String id) {
        return report.findings().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static Map<String, StepState> finished(List<PlanEvent> events) {
        Map<String, StepState> out = new java.util.LinkedHashMap<>();
        for (PlanEvent e : events) {
            if (e instanceof PlanEvent.StepFinished f) {
                out.put(f.stepId(), f.state());
            } else if (e instanceof PlanEvent.StepFailed f) {
                out.put(f.stepId(), StepState.FAILED);
            }
        }
        return out;
    }

    static String failures(List<PlanEvent> events) {
        return events.stream()
                .filter(e -> e instanceof PlanEvent.StepFailed)
                .map(Object::toString)
                .collect(Collectors.joining("\n"));
    }

    /** Collects the events and prints them, so a failed run in CI shows what happened. */
    static Consumer<PlanEvent> print(List<PlanEvent> list) {
        return e -> {
            list.add(e);
            System.err.println("InstallPlanIT: " + e);
        };
    }
}
