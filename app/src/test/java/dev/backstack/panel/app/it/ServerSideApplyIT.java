package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.apply.ApplyFailure;
import dev.backstack.panel.installer.apply.ApplyResult;
import dev.backstack.panel.installer.apply.FieldConflict;
import dev.backstack.panel.installer.apply.InvalidField;
import dev.backstack.panel.installer.apply.ServerSideApplier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply, its conflicts, its dry run and admission refusals on a real API server
 * (FAULTS T31, T37, T38). Everything lives in a namespace of its own, or has a unique name, and
 * is removed afterwards.
 */
class ServerSideApplyIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String NS = "ssa-it-" + SUFFIX;

    private static KubernetesClient admin;
    private static ServerSideApplier applier;

    @BeforeAll
    static void namespace() throws Exception {
        admin = RealApiServer.shared().admin();
        applier = new ServerSideApplier(admin);
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .endMetadata()
                        .build())
                .create();
    }

    @AfterAll
    static void cleanUp() {
        if (admin == null) {
            return;
        }
        admin.apps().deployments().inNamespace(NS).delete();
        admin.configMaps().inNamespace(NS).delete();
        admin.namespaces().withName(NS).delete();
        // No namespace controller runs on this server: release the namespace ourselves.
        Namespace ns = admin.namespaces().withName(NS).get();
        if (ns != null && ns.getSpec() != null) {
            ns.getSpec().setFinalizers(List.of());
            admin.namespaces().resource(ns).subresource("finalize").update();
        }
    }

    static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(name)
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static GenericKubernetesResource yaml(String text) {
        return admin.getKubernetesSerialization().unmarshal(text, GenericKubernetesResource.class);
    }

    static Deployment stored(String name) {
        return admin.apps().deployments().inNamespace(NS).withName(name).get();
    }

    static Optional<ManagedFieldsEntry> managedBy(HasMetadata o, String manager) {
        return o.getMetadata().getManagedFields().stream()
                .filter(m -> manager.equals(m.getManager()))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    static boolean ownsReplicas(Optional<ManagedFieldsEntry> entry) {
        return entry.map(e -> ((Map<String, Object>)
                                e.getFieldsV1().getAdditionalProperties().getOrDefault("f:spec", Map.of()))
                        .containsKey("f:replicas"))
                .orElse(false);
    }

    /** Repeats a dry run until admission has picked up a new policy or webhook (it watches them). */
    static <T extends HasMetadata> ApplyResult<T> until(
            Supplier<ApplyResult<T>> attempt, Predicate<ApplyResult<T>> done) {
        try {
            return Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(attempt::get, done);
        } catch (ConditionTimeoutException e) {
            return attempt.get(); // the caller's assertion says what the last dry run answered
        }
    }

    @Test
    @DisplayName(
            "applies under the field manager back-stack-desktop, and applying the same object again changes nothing")
    void appliesUnderFixedFieldManagerIdempotently() {
        ApplyResult<Deployment> first = applier.apply(deployment("web", 1));
        Deployment created = first.applied().orElseThrow(() -> new AssertionError(first));
        assertThat(managedBy(created, ServerSideApplier.FIELD_MANAGER))
                .hasValueSatisfying(m -> assertThat(m.getOperation()).isEqualTo("Apply"));

        Deployment again = applier.apply(deployment("web", 1)).applied().orElseThrow();
        assertThat(again.getMetadata().getResourceVersion())
                .isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(stored("web").getMetadata().getResourceVersion())
                .isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(applier.dryRun(stored("web")).ok())
                .as("an object read back, managedFields and all, can be applied")
                .isTrue();

        GenericKubernetesResource policy = yaml("""
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: ssa-it-require-team-%s}
                spec:
                  background: false
                  rules:
                  - name: check-team
                    match: {any: [{resources: {kinds: [ConfigMap], namespaces: [%s]}}]}
                    validate: {failureAction: Audit, message: label team is required, pattern: {metadata: {labels: {team: "?*"}}}}
                """.formatted(SUFFIX, NS));
        try {
            GenericKubernetesResource applied = applier.apply(policy).applied().orElseThrow();
            assertThat(managedBy(applied, ServerSideApplier.FIELD_MANAGER)).isPresent();
            assertThat(applier.apply(policy)
                            .applied()
                            .orElseThrow()
                            .getMetadata()
                            .getResourceVersion())
                    .isEqualTo(applied.getMetadata().getResourceVersion());
        } finally {
            admin.resource(policy).delete();
        }
    }

    @Test
    @DisplayName(
            "a field changed by kubectl-edit is a conflict naming .spec.replicas and kubectl-edit; nothing changes until forced")
    void conflictWithAnotherManagerIsReportedAndForcedOnlyWhenAsked() {
        applier.apply(deployment("scaled", 1)).applied().orElseThrow();
        PatchContext edit = new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE)
                .withFieldManager("kubectl-edit")
                .build();
        admin.apps().deployments().inNamespace(NS).withName("scaled").patch(edit, "{\"spec\":{\"replicas\":3}}");
        String before = stored("scaled").getMetadata().getResourceVersion();

        ApplyResult<Deployment> refused = applier.apply(deployment("scaled", 2));
        ApplyResult<Deployment> refusedDry = applier.dryRun(deployment("scaled", 2));

        assertThat(refused.refusal()).hasValueSatisfying(f -> {
            assertThat(f).isInstanceOf(ApplyFailure.Conflict.class);
            assertThat(((ApplyFailure.Conflict) f).conflicts())
                    .containsExactly(new FieldConflict(".spec.replicas", "kubectl-edit"));
            assertThat(f.message())
                    .contains(".spec.replicas (owned by \"kubectl-edit\")")
                    .contains("with force");
        });
        assertThat(refusedDry.refusal()).containsInstanceOf(ApplyFailure.Conflict.class);
        assertThat(stored("scaled").getSpec().getReplicas()).isEqualTo(3);
        assertThat(stored("scaled").getMetadata().getResourceVersion()).isEqualTo(before);

        Deployment forced =
                applier.apply(deployment("scaled", 2), true).applied().orElseThrow();

        assertThat(forced.getSpec().getReplicas()).isEqualTo(2);
        assertThat(ownsReplicas(managedBy(forced, ServerSideApplier.FIELD_MANAGER)))
                .isTrue();
        assertThat(ownsReplicas(managedBy(forced, "kubectl-edit"))).isFalse();
    }

    @Test
    @DisplayName("a dry run catches objects that violate their schema (CRD or built-in) and creates nothing")
    void dryRunCatchesInvalidObjects() {
        GenericKubernetesResource app = yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: no-destination, namespace: %s}
                spec:
                  project: default
                  source: {repoURL: "https://github.com/back-stack/showcase", targetRevision: HEAD, path: apps}
                """.formatted(NS));
        GenericKubernetesResource policy = yaml("""
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: ssa-it-bad-action-%s}
                spec:
                  validationFailureAction: Sometimes
                  rules:
                  - name: check-team
                    match: {any: [{resources: {kinds: [ConfigMap]}}]}
                    validate: {message: label team is required, pattern: {metadata: {labels: {team: "?*"}}}}
                """.formatted(SUFFIX));
        Deployment broken = new DeploymentBuilder(deployment("broken", -1))
                .editSpec()
                .editTemplate()
                .editMetadata()
                .addToLabels("app", "other")
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build();

        assertThat(invalidFields(applier.dryRun(app)))
                .extracting(InvalidField::field)
                .containsExactly("spec.destination");
        assertThat(invalidFields(applier.dryRun(policy))).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("spec.validationFailureAction");
            assertThat(f.message()).contains("Unsupported value: \"Sometimes\"");
        });
        assertThat(invalidFields(applier.dryRun(broken)))
                .extracting(InvalidField::field)
                .containsExactlyInAnyOrder("spec.replicas", "spec.template.metadata.labels");
        app.getAdditionalProperties()
                .put(
                        "spec",
                        Map.of(
                                "project",
                                "default",
                                "bogus",
                                true,
                                "destination",
                                Map.of("server", "https://kubernetes.default.svc")));
        assertThat(invalidFields(applier.dryRun(app)))
                .containsExactly(new InvalidField(".spec.bogus", "field not declared in schema"));

        assertThat(admin.resource(app).get()).isNull();
        assertThat(admin.resource(policy).get()).isNull();
        assertThat(stored("broken")).isNull();
    }

    private static List<InvalidField> invalidFields(ApplyResult<?> result) {
        ApplyFailure f = result.refusal().orElseThrow(() -> new AssertionError("expected a refusal, got " + result));
        assertThat(f).as(f.message()).isInstanceOf(ApplyFailure.Invalid.class);
        return ((ApplyFailure.Invalid) f).fields();
    }

    @Test
    @DisplayName("a dry run of a valid object succeeds and creates nothing")
    void dryRunOfValidObjectCreatesNothing() {
        ApplyResult<Deployment> dry = applier.dryRun(deployment("dry", 1));

        assertThat(dry)
                .isInstanceOfSatisfying(
                        ApplyResult.Applied.class, a -> assertThat(a.dryRun()).isTrue());
        assertThat(dry.applied().orElseThrow().getMetadata().getName()).isEqualTo("dry");
        assertThat(stored("dry")).isNull();
    }

    @Test
    @DisplayName("a dry run of a kind the cluster does not serve, or into a missing namespace, says which is missing")
    void dryRunSaysWhatIsMissing() {
        GenericKubernetesResource widget = yaml("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: %s}
                spec: {size: 1}
                """.formatted(NS));
        ConfigMap elsewhere = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c")
                .withNamespace(NS + "-missing")
                .endMetadata()
                .build();

        ApplyFailure noKind = applier.dryRun(widget).refusal().orElseThrow();
        ApplyFailure noNamespace = applier.dryRun(elsewhere).refusal().orElseThrow();

        assertThat(noKind.code()).isEqualTo(404);
        assertThat(noKind.message())
                .contains("Widget " + NS + "/w")
                .contains("does not serve kind Widget in example.com/v1")
                .contains("(CRD) does not exist yet")
                .doesNotContain("size");
        assertThat(noNamespace.code()).isEqualTo(404);
        assertThat(noNamespace.message()).contains("namespaces \"" + NS + "-missing\" not found");
    }

    @Test
    @DisplayName("a ValidatingAdmissionPolicy denial names the policy, its binding and its message (T38)")
    void policyDenialNamesThePolicy() throws Exception {
        String policy = "ssa-it-no-forbidden-label-" + SUFFIX;
        GenericKubernetesResource vap = yaml("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata: {name: %s}
                spec:
                  failurePolicy: Fail
                  matchConstraints:
                    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps]}]
                  validations:
                  - expression: "!has(object.metadata.labels) || !('ssa-it/forbidden' in object.metadata.labels)"
                    message: ConfigMaps must not carry the ssa-it/forbidden label
                """.formatted(policy));
        GenericKubernetesResource binding = yaml("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicyBinding
                metadata: {name: %s-binding}
                spec:
                  policyName: %s
                  validationActions: [Deny]
                  matchResources: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: %s}}}
                """.formatted(policy, policy, NS));
        ConfigMap labelled = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("labelled")
                .withNamespace(NS)
                .addToLabels("ssa-it/forbidden", "yes")
                .endMetadata()
                .addToData("k", "v")
                .build();
        try {
            admin.resource(vap).serverSideApply();
            admin.resource(binding).serverSideApply();

            ApplyResult<ConfigMap> denied = until(() -> applier.dryRun(labelled), r -> !r.ok());

            assertThat(denied.refusal()).hasValueSatisfying(f -> {
                assertThat(f)
                        .isEqualTo(new ApplyFailure.PolicyDenied(
                                f.object(),
                                policy,
                                policy + "-binding",
                                "ConfigMaps must not carry the ssa-it/forbidden label",
                                422,
                                f.serverMessage()));
                assertThat(f.message())
                        .startsWith("ValidatingAdmissionPolicy \"" + policy + "\" (binding \"" + policy
                                + "-binding\") denied ConfigMap " + NS + "/labelled: ConfigMaps must not carry");
            });
            assertThat(admin.configMaps().inNamespace(NS).withName("labelled").get())
                    .isNull();
        } finally {
            admin.resource(binding).delete();
            admin.resource(vap).delete();
        }
    }

    @Test
    @DisplayName(
            "a dry run is refused when a failurePolicy Fail webhook is unreachable, naming the webhook and its configuration (T37)")
    void unreachableWebhookIsNamed() throws Exception {
        String config = "kyverno-ssa-it-" + SUFFIX;
        GenericKubernetesResource webhook = yaml("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: %s}
                webhooks:
                - name: validate.kyverno.svc-fail
                  admissionReviewVersions: [v1]
                  sideEffects: None
                  failurePolicy: Fail
                  timeoutSeconds: 2
                  clientConfig: {url: "https://127.0.0.1:1/validate/fail"}
                  namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: %s}}
                  objectSelector: {matchLabels: {ssa-it/webhook: "yes"}}
                  rules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps]}]
                """.formatted(config, NS));
        ConfigMap watched = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("watched")
                .withNamespace(NS)
                .addToLabels("ssa-it/webhook", "yes")
                .endMetadata()
                .addToData("k", "v")
                .build();
        try {
            admin.resource(webhook).serverSideApply();

            ApplyResult<ConfigMap> refused = until(() -> applier.dryRun(watched), r -> !r.ok());

            assertThat(refused.refusal()).hasValueSatisfying(f -> {
                assertThat(f).isInstanceOfSatisfying(ApplyFailure.WebhookUnreachable.class, w -> {
                    assertThat(w.webhook()).isEqualTo("validate.kyverno.svc-fail");
                    assertThat(w.configuration()).isEqualTo(config);
                    assertThat(w.reason()).contains("127.0.0.1:1");
                });
                assertThat(f.message())
                        .contains("failurePolicy is Fail")
                        .contains(ApplyFailure.KYVERNO_TROUBLESHOOTING);
            });
            assertThat(admin.configMaps().inNamespace(NS).withName("watched").get())
                    .isNull();
        } finally {
            admin.resource(webhook).delete();
        }
    }
}
