package dev.backstack.panel.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationListBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationListBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply against the mock server. The mock cannot apply (its CRUD mode answers 415),
 * so these tests check what the applier sends and how it reads the API server's refusals; the
 * refusal bodies were captured from kube-apiserver 1.37. ServerSideApplyIT covers the real thing.
 */
class ServerSideApplierTest {

    static final String WEB = "/apis/apps/v1/namespaces/team-a/deployments/web";

    static Deployment web(int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("team-a")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static RecordedRequest lastPatch(MockApi api) throws InterruptedException {
        RecordedRequest r;
        do {
            r = api.server.takeRequest(5, TimeUnit.SECONDS);
        } while (r != null && !"PATCH".equals(r.getMethod()));
        assertThat(r).as("a PATCH request").isNotNull();
        return r;
    }

    @Test
    @DisplayName("applies with the fixed field manager and the apply content type, without force")
    void appliesWithFixedFieldManagerWithoutForce() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop")
                    .andReturn(200, web(2))
                    .once();

            ApplyResult<Deployment> result = new ServerSideApplier(api.client).apply(web(2));

            assertThat(result).isInstanceOf(ApplyResult.Applied.class);
            assertThat(((ApplyResult.Applied<Deployment>) result).dryRun()).isFalse();
            assertThat(result.applied().orElseThrow().getSpec().getReplicas()).isEqualTo(2);
            RecordedRequest sent = lastPatch(api);
            assertThat(sent.getPath()).doesNotContain("force").doesNotContain("dryRun");
            assertThat(sent.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
        }
    }

    @Test
    @DisplayName("a dry run sends dryRun=All; force is sent only when asked")
    void dryRunAndForceAreExplicit() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop&dryRun=All")
                    .andReturn(200, web(2))
                    .once();
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop&force=true")
                    .andReturn(200, web(3))
                    .once();
            ServerSideApplier applier = new ServerSideApplier(api.client);

            ApplyResult<Deployment> dry = applier.dryRun(web(2));
            ApplyResult<Deployment> forced = applier.apply(web(3), true);

            assertThat(dry).isEqualTo(new ApplyResult.Applied<>(web(2), true));
            assertThat(forced.applied().orElseThrow().getSpec().getReplicas()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName(
            "managedFields of an object read from the cluster are left out of the body; the caller's object is untouched")
    void leavesManagedFieldsOut() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop")
                    .andReturn(200, web(1))
                    .once();
            Deployment read = web(1);
            read.getMetadata()
                    .getManagedFields()
                    .add(new ManagedFieldsEntryBuilder()
                            .withManager("kubectl-edit")
                            .build());

            new ServerSideApplier(api.client).apply(read);

            assertThat(lastPatch(api).getUtf8Body())
                    .doesNotContain("managedFields")
                    .contains("\"replicas\":1");
            assertThat(read.getMetadata().getManagedFields()).hasSize(1);
        }
    }

    @Test
    @DisplayName(
            "a 409 names each conflicting field and its manager and says to confirm a forced apply or change the value")
    void conflictNamesFieldsAndManagers() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop")
                    .andReturn(409, """
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                     "message":"Apply failed with 2 conflicts: conflicts with \\"kubectl-edit\\" using apps/v1:\\n- .spec.replicas\\nconflicts with \\"argocd-controller\\" with subresource \\"scale\\" using apps/v1 at 2026-11-24T00:35:27Z:\\n- .spec.replicas",
                     "reason":"Conflict","details":{"causes":[
                       {"reason":"FieldManagerConflict","message":"conflict with \\"kubectl-edit\\" using apps/v1","field":".spec.replicas"},
                       {"reason":"FieldManagerConflict","message":"conflict with \\"argocd-controller\\" with subresource \\"scale\\" using apps/v1 at 2026-11-24T00:35:27Z","field":".spec.replicas"}]},
                     "code":409}""")
                    .once();

            ApplyResult<Deployment> result = new ServerSideApplier(api.client).apply(web(5));

            ApplyFailure.Conflict conflict =
                    (ApplyFailure.Conflict) result.refusal().orElseThrow();
            assertThat(conflict.conflicts())
                    .containsExactly(
                            new FieldConflict(".spec.replicas", "kubectl-edit"),
                            new FieldConflict(".spec.replicas", "argocd-controller"));
            assertThat(conflict.object()).hasToString("Deployment team-a/web");
            assertThat(conflict.message())
                    .contains("Cannot apply Deployment team-a/web")
                    .contains(".spec.replicas (owned by \"kubectl-edit\")")
                    .contains(".spec.replicas (owned by \"argocd-controller\")")
                    .contains("Nothing was changed")
                    .contains("apply again with force")
                    .contains("change the value");
        }
    }

    @Test
    @DisplayName("a 422 lists each invalid field with the server's message")
    void invalidListsEachField() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop")
                    .andReturn(422, """
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                     "message":"Deployment.apps \\"web\\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: {\\"app\\":\\"other\\"}: `selector` does not match template `labels`]",
                     "reason":"Invalid","details":{"name":"web","group":"apps","kind":"Deployment","causes":[
                       {"reason":"FieldValueInvalid","message":"Invalid value: -1: must be greater than or equal to 0","field":"spec.replicas"},
                       {"reason":"FieldValueInvalid","message":"Invalid value: {\\"app\\":\\"other\\"}: `selector` does not match template `labels`","field":"spec.template.metadata.labels"}]},
                     "code":422}""")
                    .once();

            ApplyFailure failure =
                    new ServerSideApplier(api.client).apply(web(-1)).refusal().orElseThrow();

            assertThat(failure).isInstanceOf(ApplyFailure.Invalid.class);
            assertThat(((ApplyFailure.Invalid) failure).fields())
                    .extracting(InvalidField::field)
                    .containsExactly("spec.replicas", "spec.template.metadata.labels");
            assertThat(failure.message())
                    .startsWith("Deployment team-a/web is invalid:\n"
                            + "  spec.replicas: Invalid value: -1: must be greater than or equal to 0\n");
        }
    }

    @Test
    @DisplayName("a field the schema does not declare (a 500 from the typed patch) is reported as an invalid field")
    void undeclaredFieldIsInvalid() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop&dryRun=All")
                    .andReturn(500, """
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                     "message":"failed to create typed patch object (team-a/web; apps/v1, Kind=Deployment): .spec.replicaz: field not declared in schema",
                     "code":500}""")
                    .once();

            ApplyFailure failure =
                    new ServerSideApplier(api.client).dryRun(web(1)).refusal().orElseThrow();

            assertThat(failure)
                    .isInstanceOfSatisfying(
                            ApplyFailure.Invalid.class,
                            i -> assertThat(i.fields())
                                    .containsExactly(
                                            new InvalidField(".spec.replicaz", "field not declared in schema")));
            assertThat(failure.message())
                    .isEqualTo(
                            "Deployment team-a/web is invalid:\n"
                                    + "  .spec.replicaz: field not declared in schema\nNothing was changed. Correct this field and apply again.");
        }
    }

    @Test
    @DisplayName("a ValidatingAdmissionPolicy denial names the policy, its binding and its message")
    void policyDenialNamesPolicy() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop")
                    .andReturn(422, """
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                     "message":"deployments.apps \\"web\\" is forbidden: ValidatingAdmissionPolicy 'require-team' with binding 'require-team-binding' denied request: Deployments need a team label",
                     "reason":"Invalid","details":{"name":"web","kind":"deployments","causes":[{"message":"ValidatingAdmissionPolicy 'require-team' with binding 'require-team-binding' denied request: Deployments need a team label"}]},
                     "code":422}""")
                    .once();

            ApplyFailure failure =
                    new ServerSideApplier(api.client).apply(web(1)).refusal().orElseThrow();

            assertThat(failure).isInstanceOfSatisfying(ApplyFailure.PolicyDenied.class, p -> {
                assertThat(p.policy()).isEqualTo("require-team");
                assertThat(p.binding()).isEqualTo("require-team-binding");
                assertThat(p.reason()).isEqualTo("Deployments need a team label");
            });
            assertThat(failure.message())
                    .startsWith("ValidatingAdmissionPolicy \"require-team\" (binding \"require-team-binding\") "
                            + "denied Deployment team-a/web: Deployments need a team label");
        }
    }

    @Test
    @DisplayName("a webhook that denies is named with its message")
    void webhookDenialNamesWebhook() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop")
                    .andReturn(400, """
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                     "message":"admission webhook \\"validate.kyverno.svc-fail\\" denied the request: \\n\\nresource Deployment/team-a/web was blocked due to the following policies\\n\\nrequire-labels:\\n  check-team: 'validation error: label team is required'",
                     "code":400}""")
                    .once();

            ApplyFailure failure =
                    new ServerSideApplier(api.client).apply(web(1)).refusal().orElseThrow();

            assertThat(failure).isInstanceOfSatisfying(ApplyFailure.WebhookDenied.class, w -> {
                assertThat(w.webhook()).isEqualTo("validate.kyverno.svc-fail");
                assertThat(w.reason())
                        .startsWith("resource Deployment/team-a/web was blocked")
                        .contains("label team is required");
            });
        }
    }

    @Test
    @DisplayName(
            "an unreachable webhook is named with its configuration, failurePolicy Fail and Kyverno's troubleshooting link")
    void unreachableWebhookNamesConfiguration() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .patch()
                    .withPath(WEB + "?fieldManager=back-stack-desktop&dryRun=All")
                    .andReturn(500, """
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                     "message":"Internal error occurred: failed calling webhook \\"validate.kyverno.svc-fail\\": failed to call webhook: Post \\"https://127.0.0.1:1/validate/fail?timeout=2s\\": dial tcp 127.0.0.1:1: connect: connection refused",
                     "reason":"InternalError","details":{"causes":[{"message":"failed calling webhook \\"validate.kyverno.svc-fail\\": failed to call webhook: Post \\"https://127.0.0.1:1/validate/fail?timeout=2s\\": dial tcp 127.0.0.1:1: connect: connection refused"}]},
                     "code":500}""")
                    .once();
            api.server
                    .expect()
                    .get()
                    .withPath("/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations")
                    .andReturn(
                            200,
                            new ValidatingWebhookConfigurationListBuilder()
                                    .addToItems(new ValidatingWebhookConfigurationBuilder()
                                            .withNewMetadata()
                                            .withName("kyverno-resource-validating-webhook-cfg")
                                            .endMetadata()
                                            .addNewWebhook()
                                            .withName("validate.kyverno.svc-fail")
                                            .withFailurePolicy("Fail")
                                            .endWebhook()
                                            .build())
                                    .build())
                    .once();
            api.server
                    .expect()
                    .get()
                    .withPath("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations")
                    .andReturn(200, new MutatingWebhookConfigurationListBuilder().build())
                    .once();

            ApplyFailure failure =
                    new ServerSideApplier(api.client).dryRun(web(1)).refusal().orElseThrow();

            assertThat(failure).isInstanceOfSatisfying(ApplyFailure.WebhookUnreachable.class, w -> {
                assertThat(w.webhook()).isEqualTo("validate.kyverno.svc-fail");
                assertThat(w.configuration()).isEqualTo("kyverno-resource-validating-webhook-cfg");
            });
            assertThat(failure.message())
                    .contains("failurePolicy is Fail")
                    .contains("connection refused")
                    .contains(ApplyFailure.KYVERNO_TROUBLESHOOTING);
        }
    }

    @Test
    @DisplayName("no answer from the API server is reported as such, with the object named")
    void noAnswerIsReported() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (var client = MockApi.client("https://127.0.0.1:" + port)) {
            ApplyFailure failure =
                    new ServerSideApplier(client).apply(web(1)).refusal().orElseThrow();

            assertThat(failure).isInstanceOfSatisfying(ApplyFailure.Rejected.class, r -> {
                assertThat(r.code()).isZero();
                assertThat(r.reason()).isEqualTo(ApplyFailure.Rejected.NO_ANSWER);
            });
            assertThat(failure.message())
                    .startsWith("Could not apply Deployment team-a/web: no answer from the API server");
        }
    }
}
