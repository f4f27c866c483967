package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.addon.ApplicationActions;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sync, retry and refresh through the Argo CD Application object on a real API server with the
 * upstream Application CRD ({@code ../shared/crds/argocd}): the fields Argo CD's controller reads
 * survive the CRD's structural schema (unknown fields would be pruned), the writer is the panel's
 * field manager, a refresh keeps a pending operation, and an operation already requested is not
 * replaced. Argo CD's controller is played by the test (it takes the operation and writes the
 * operation state).
 */
class ApplicationActionsIT {

    private static final String NS =
            "addon-actions-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final ResourceDefinitionContext APPS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io")
            .withVersion("v1alpha1")
            .withKind("Application")
            .withPlural("applications")
            .withNamespaced(true)
            .build();

    private static KubernetesClient admin;
    private static ApplicationActions actions;

    @BeforeAll
    static void setUp() throws Exception {
        admin = RealApiServer.shared().admin();
        LiveFixtures.namespace(admin, NS);
        actions = new ApplicationActions(admin);
    }

    @AfterAll
    static void cleanUp() {
        if (admin != null) {
            admin.genericKubernetesResources(APPS).inNamespace(NS).delete();
        }
    }

    @Test
    void syncThenAFailedSyncRetriedWritesWhatArgoCdReads() {
        String name = "spoke-2-kyverno";
        GenericKubernetesResource app = LiveFixtures.application(NS, name);
        Map<String, Object> spec =
                new LinkedHashMap<>(castMap(app.getAdditionalProperties().get("spec")));
        spec.put(
                "syncPolicy",
                Map.of(
                        "syncOptions",
                        List.of("ServerSideApply=true"),
                        "retry",
                        Map.of("limit", 2, "backoff", Map.of("duration", "5s", "factor", 2, "maxDuration", "3m"))));
        app.setAdditionalProperty("spec", spec);
        admin.genericKubernetesResources(APPS).inNamespace(NS).resource(app).create();

        ActionResult sync = actions.run(ApplicationAction.SYNC, NS, name);

        assertThat(sync.outcome()).as(sync.message()).isEqualTo(ActionResult.Outcome.DONE);
        GenericKubernetesResource stored = get(name);
        Map<?, ?> op = castMap(stored.getAdditionalProperties().get("operation"));
        assertThat(op.get("initiatedBy")).isEqualTo(Map.of("username", "backstack-panel"));
        assertThat(castMap(op.get("sync")).get("syncOptions")).isEqualTo(List.of("ServerSideApply=true"));
        assertThat(castMap(op.get("retry")).get("limit")).isEqualTo(2);
        assertThat(String.valueOf(op.get("info"))).contains("Reason", "BACK Stack panel");
        assertThat(managers(stored)).anySatisfy(m -> {
            assertThat(m.getManager()).isEqualTo("backstack-panel");
            assertThat(m.getOperation()).isEqualTo("Update");
            assertThat(String.valueOf(m.getFieldsV1().getAdditionalProperties()))
                    .contains("f:operation");
        });

        // A second sync while the first is still pending is refused, and the pending one stays.
        ActionResult again = actions.run(ApplicationAction.SYNC, NS, name);
        assertThat(again.outcome()).isEqualTo(ActionResult.Outcome.REFUSED);
        assertThat(again.message()).contains("already requested");

        // A refresh leaves the pending operation alone (a merge patch, not an apply owning .operation).
        assertThat(actions.run(ApplicationAction.HARD_REFRESH, NS, name).done()).isTrue();
        stored = get(name);
        assertThat(stored.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/refresh", "hard");
        assertThat(stored.getAdditionalProperties().get("operation")).isNotNull();

        // Argo CD's controller takes the operation, runs it, and it fails after its retries.
        Map<String, Object> failedSync = Map.of("revision", "3.9.0", "syncOptions", List.of("ServerSideApply=true"));
        stored.getAdditionalProperties().remove("operation");
        stored.getMetadata().getAnnotations().remove("argocd.argoproj.io/refresh");
        stored.setAdditionalProperty(
                "status",
                Map.of(
                        "health",
                        Map.of("status", "Degraded"),
                        "sync",
                        Map.of("status", "OutOfSync"),
                        "operationState",
                        Map.of(
                                "phase",
                                "Failed",
                                "retryCount",
                                2,
                                "message",
                                "webhook refused",
                                "startedAt",
                                "2026-11-26T05:00:00Z",
                                "finishedAt",
                                "2026-11-26T05:01:00Z",
                                "operation",
                                Map.of(
                                        "sync",
                                        failedSync,
                                        "retry",
                                        Map.of("limit", 2),
                                        "initiatedBy",
                                        Map.of("automated", true)))));
        admin.genericKubernetesResources(APPS).inNamespace(NS).resource(stored).update();

        ActionResult retry = actions.run(ApplicationAction.RETRY, NS, name);

        assertThat(retry.outcome()).as(retry.message()).isEqualTo(ActionResult.Outcome.DONE);
        Map<?, ?> retried = castMap(get(name).getAdditionalProperties().get("operation"));
        assertThat(retried.get("sync")).isEqualTo(failedSync);
        assertThat(retried.get("retry")).isEqualTo(Map.of("limit", 2));
        assertThat(retried.get("initiatedBy")).isEqualTo(Map.of("username", "backstack-panel"));
        assertThat(String.valueOf(retried.get("info"))).contains("2026-11-26T05:00:00Z");
    }

    @Test
    void aSyncDecidedOnAStaleObjectFailsWithAConflictInsteadOfReplacingAnOperation() {
        String name = "spoke-1-cert-manager";
        admin.genericKubernetesResources(APPS)
                .inNamespace(NS)
                .resource(LiveFixtures.application(NS, name))
                .create();
        // Someone else's operation lands between the panel's read and its write.
        ActionResult r;
        try (KubernetesClient stale = new StaleReads(admin, () -> {
                    GenericKubernetesResource now = get(name);
                    now.setAdditionalProperty(
                            "operation",
                            Map.of(
                                    "sync",
                                    Map.of("revision", "other"),
                                    "initiatedBy",
                                    Map.of("username", "someone-else")));
                    admin.genericKubernetesResources(APPS)
                            .inNamespace(NS)
                            .resource(now)
                            .update();
                })
                .client()) {
            r = new ApplicationActions(stale).run(ApplicationAction.SYNC, NS, name);
        }

        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.FAILED);
        assertThat(r.message()).contains("changed while the panel wrote");
        assertThat(castMap(get(name).getAdditionalProperties().get("operation")).get("initiatedBy"))
                .isEqualTo(Map.of("username", "someone-else"));
    }

    @Test
    void aRetryWithoutAFailedSyncIsRefusedWithoutAWrite() {
        String name = "spoke-1-metrics-server";
        admin.genericKubernetesResources(APPS)
                .inNamespace(NS)
                .resource(LiveFixtures.application(NS, name))
                .create();
        String before = get(name).getMetadata().getResourceVersion();
        ActionResult r = actions.run(ApplicationAction.RETRY, NS, name);
        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.REFUSED);
        assertThat(get(name).getMetadata().getResourceVersion()).isEqualTo(before);
    }

    private static GenericKubernetesResource get(String name) {
        return admin.genericKubernetesResources(APPS)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static List<ManagedFieldsEntry> managers(GenericKubernetesResource o) {
        return o.getMetadata().getManagedFields();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
