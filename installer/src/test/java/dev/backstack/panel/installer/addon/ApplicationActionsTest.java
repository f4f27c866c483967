package dev.backstack.panel.installer.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.apply.KindOps;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refresh, sync and retry through the Application object, on fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ApplicationActionsTest {

    KubernetesMockServer server;
    KubernetesClient client;
    ApplicationActions actions;

    @BeforeEach
    void setUp() {
        actions = new ApplicationActions(client);
    }

    @Test
    void refreshSetsTheAnnotationWithAMergePatchAndTheFieldManager() throws Exception {
        create("spoke-1-kyverno", Map.of("health", Map.of("status", "Healthy")));
        drain();
        ActionResult r = actions.run(ApplicationAction.REFRESH, "argocd", "spoke-1-kyverno");
        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.DONE);
        assertThat(annotations("spoke-1-kyverno")).containsEntry(ApplicationActions.REFRESH_ANNOTATION, "normal");
        RecordedRequest patch = requests().stream()
                .filter(q -> q.getMethod().equals("PATCH"))
                .findFirst()
                .orElseThrow();
        assertThat(patch.getPath()).contains("fieldManager=backstack-panel");
        assertThat(patch.getHeader("Content-Type")).startsWith("application/merge-patch+json");

        assertThat(actions.run(ApplicationAction.HARD_REFRESH, "argocd", "spoke-1-kyverno")
                        .done())
                .isTrue();
        assertThat(annotations("spoke-1-kyverno")).containsEntry(ApplicationActions.REFRESH_ANNOTATION, "hard");
    }

    @Test
    void syncWritesAnOperationWithTheApplicationsOptionsRetryAndInitiator() {
        GenericKubernetesResource app = app("spoke-1-cert-manager", Map.of("sync", Map.of("status", "OutOfSync")));
        app.setAdditionalProperty(
                "spec",
                Map.of(
                        "syncPolicy",
                        Map.of("syncOptions", List.of("ServerSideApply=true"), "retry", Map.of("limit", 5))));
        KindOps.in(client, ApplicationActions.APPLICATION, "argocd")
                .resource(app)
                .create();

        ActionResult r = actions.run(ApplicationAction.SYNC, "argocd", "spoke-1-cert-manager");

        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.DONE);
        Map<?, ?> op = operation("spoke-1-cert-manager");
        assertThat(op.get("initiatedBy")).isEqualTo(Map.of("username", "backstack-panel"));
        assertThat(op.get("sync")).isEqualTo(Map.of("syncOptions", List.of("ServerSideApply=true")));
        assertThat(op.get("retry")).isEqualTo(Map.of("limit", 5));
        assertThat(String.valueOf(op.get("info"))).contains("BACK Stack panel");
    }

    @Test
    void syncIsRefusedWithoutAWriteWhileASyncRuns() throws Exception {
        create(
                "spoke-1-kyverno",
                Map.of("operationState", Map.of("phase", "Running", "startedAt", "2026-11-26T05:00:00Z")));
        drain();
        ActionResult r = actions.run(ApplicationAction.SYNC, "argocd", "spoke-1-kyverno");
        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.REFUSED);
        assertThat(r.message()).contains("spoke-1-kyverno", "running", "2026-11-26T05:00:00Z", "wait");
        assertThat(requests()).noneMatch(q -> q.getMethod().equals("PATCH"));
        assertThat(operation("spoke-1-kyverno")).isEmpty();
    }

    @Test
    void retryRunsTheFailedSyncAgainWithItsRetrySettings() {
        Map<String, Object> failedSync = Map.of("revision", "3.9.0", "syncOptions", List.of("CreateNamespace=true"));
        create(
                "spoke-2-kyverno",
                Map.of(
                        "operationState",
                        Map.of(
                                "phase",
                                "Failed",
                                "retryCount",
                                2,
                                "startedAt",
                                "2026-11-26T05:00:00Z",
                                "message",
                                "webhook refused",
                                "operation",
                                Map.of("sync", failedSync, "retry", Map.of("limit", 2)))));

        ActionResult r = actions.run(ApplicationAction.RETRY, "argocd", "spoke-2-kyverno");

        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.DONE);
        Map<?, ?> op = operation("spoke-2-kyverno");
        assertThat(op.get("sync")).isEqualTo(failedSync);
        assertThat(op.get("retry")).isEqualTo(Map.of("limit", 2));
        assertThat(op.get("initiatedBy")).isEqualTo(Map.of("username", "backstack-panel"));
        assertThat(String.valueOf(op.get("info"))).contains("2026-11-26T05:00:00Z");
    }

    @Test
    void retryIsRefusedWhenTheLastSyncDidNotFail() {
        create("spoke-1-kyverno", Map.of("operationState", Map.of("phase", "Succeeded")));
        ActionResult r = actions.run(ApplicationAction.RETRY, "argocd", "spoke-1-kyverno");
        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.REFUSED);
        assertThat(r.message()).contains("no failed sync", "Succeeded", "use Sync");
        assertThat(operation("spoke-1-kyverno")).isEmpty();
    }

    @Test
    void aMissingApplicationFailsNamingItAndWhy() {
        ActionResult r = actions.run(ApplicationAction.SYNC, "argocd", "spoke-9-kyverno");
        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.FAILED);
        assertThat(r.message()).contains("argocd/spoke-9-kyverno", "ApplicationSet");
        ActionResult refresh = actions.run(ApplicationAction.REFRESH, "argocd", "spoke-9-kyverno");
        assertThat(refresh.outcome()).isEqualTo(ActionResult.Outcome.FAILED);
        assertThat(refresh.message()).contains("Refresh of Application argocd/spoke-9-kyverno failed");
    }

    private GenericKubernetesResource app(String name, Map<String, Object> status) {
        GenericKubernetesResource app = new GenericKubernetesResource();
        app.setApiVersion("argoproj.io/v1alpha1");
        app.setKind("Application");
        app.setMetadata(
                new ObjectMetaBuilder().withNamespace("argocd").withName(name).build());
        app.setAdditionalProperty("status", new LinkedHashMap<>(status));
        return app;
    }

    private void create(String name, Map<String, Object> status) {
        KindOps.in(client, ApplicationActions.APPLICATION, "argocd")
                .resource(app(name, status))
                .create();
    }

    private GenericKubernetesResource get(String name) {
        return KindOps.resource(client, ApplicationActions.APPLICATION, "argocd", name)
                .get();
    }

    private Map<String, String> annotations(String name) {
        Map<String, String> a = get(name).getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }

    private Map<?, ?> operation(String name) {
        Object op = get(name).getAdditionalProperties().get("operation");
        return op instanceof Map<?, ?> m ? m : Map.of();
    }

    private void drain() throws InterruptedException {
        while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            // the set-up's requests
        }
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest q = server.takeRequest(10, TimeUnit.MILLISECONDS);
                q != null;
                q = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            out.add(q);
        }
        return out;
    }
}
