package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo API server speaks server-side apply, dry runs and access reviews through the generic client. */
class DemoApiServerTest {

    private static final String MANAGER = "back-stack-desktop";
    private static final KindRegistry KINDS = KindRegistry.standard();

    private DemoCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = new DemoCluster("api-test", "v1.33.4");
        cluster.start();
        client = cluster.client();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private MixedOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            op(String apiVersion, String kind) {
        KindInfo k = KINDS.require(apiVersion, kind);
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup(k.group())
                .withVersion(k.version())
                .withKind(k.kind())
                .withPlural(k.plural())
                .withNamespaced(k.namespaced())
                .build());
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            configMaps() {
        return op("v1", "ConfigMap").inNamespace("backstack-panel");
    }

    private static GenericKubernetesResource configMap(String name, Map<String, Object> data) {
        return Manifests.of("v1", "ConfigMap", "backstack-panel", name)
                .label("app", "panel")
                .set("data", data)
                .build();
    }

    @Test
    @DisplayName(
            "an apply creates an absent object, then merges into it, bumping resourceVersion and recording the manager")
    void applyCreatesThenMerges() {
        GenericKubernetesResource created = configMaps()
                .resource(configMap("journal", Manifests.map("step", "1")))
                .fieldManager(MANAGER)
                .serverSideApply();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
                .containsExactly(tuple(MANAGER, "Apply"));

        // Another writer adds a label; a second apply keeps it and merges its own change.
        GenericKubernetesResource stored = configMaps().withName("journal").get();
        stored.getMetadata().getLabels().put("other", "kept");
        configMaps().resource(stored).update();
        GenericKubernetesResource applied = configMaps()
                .resource(configMap("journal", Manifests.map("step", "2", "phase", "crossplane")))
                .fieldManager(MANAGER)
                .serverSideApply();

        assertThat(applied.getAdditionalProperties().get("data")).isEqualTo(Map.of("step", "2", "phase", "crossplane"));
        assertThat(applied.getMetadata().getLabels())
                .containsEntry("other", "kept")
                .containsEntry("app", "panel");
        assertThat(Long.parseLong(applied.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));
        assertThat(applied.getMetadata().getUid())
                .isEqualTo(created.getMetadata().getUid());
        assertThat(applied.getMetadata().getManagedFields()).hasSize(1);
        assertThat(configMaps()
                        .withName("journal")
                        .get()
                        .getAdditionalProperties()
                        .get("data"))
                .isEqualTo(Map.of("step", "2", "phase", "crossplane"));

        // Applying the same configuration again writes nothing.
        GenericKubernetesResource again = configMaps()
                .resource(configMap("journal", Manifests.map("step", "2", "phase", "crossplane")))
                .fieldManager(MANAGER)
                .serverSideApply();
        assertThat(again.getMetadata().getResourceVersion())
                .isEqualTo(applied.getMetadata().getResourceVersion());
    }

    @Test
    @DisplayName("a changed spec bumps generation; a forced apply is accepted")
    void generationAndForce() {
        var deployments = op("apps/v1", "Deployment").inNamespace("crossplane-system");
        GenericKubernetesResource d = Manifests.of("apps/v1", "Deployment", "crossplane-system", "crossplane")
                .spec(Manifests.map("replicas", 1))
                .build();
        assertThat(deployments
                        .resource(d)
                        .fieldManager(MANAGER)
                        .serverSideApply()
                        .getMetadata()
                        .getGeneration())
                .isEqualTo(1L);
        d.setAdditionalProperty("spec", Manifests.map("replicas", 2));
        GenericKubernetesResource forced =
                deployments.resource(d).fieldManager(MANAGER).forceConflicts().serverSideApply();
        assertThat(forced.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(forced.getAdditionalProperties().get("spec")).isEqualTo(Map.of("replicas", 2));
    }

    @Test
    @DisplayName("a dry-run apply answers what would be stored, stores nothing and sends no watch event")
    void dryRunStoresNothing() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        var watch = configMaps().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource r) {
                events.add(action + " " + r.getMetadata().getName() + " "
                        + r.getAdditionalProperties().get("data"));
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
        try {
            GenericKubernetesResource would = configMaps()
                    .resource(configMap("dry", Manifests.map("a", "1")))
                    .dryRun()
                    .fieldManager(MANAGER)
                    .serverSideApply();
            assertThat(would.getMetadata().getName()).isEqualTo("dry");
            assertThat(would.getAdditionalProperties().get("data")).isEqualTo(Map.of("a", "1"));
            assertThat(configMaps().withName("dry").get()).isNull();

            configMaps()
                    .resource(configMap("real", Manifests.map("a", "1")))
                    .fieldManager(MANAGER)
                    .serverSideApply();
            GenericKubernetesResource wouldChange = configMaps()
                    .resource(configMap("real", Manifests.map("a", "2")))
                    .dryRun()
                    .fieldManager(MANAGER)
                    .forceConflicts()
                    .serverSideApply();
            assertThat(wouldChange.getAdditionalProperties().get("data")).isEqualTo(Map.of("a", "2"));
            assertThat(configMaps()
                            .withName("real")
                            .get()
                            .getAdditionalProperties()
                            .get("data"))
                    .isEqualTo(Map.of("a", "1"));
            // A dry-run create and delete through the ordinary verbs change nothing either.
            configMaps()
                    .resource(configMap("dry-create", Manifests.map()))
                    .dryRun()
                    .create();
            configMaps().withName("real").dryRun().delete();
            assertThat(configMaps().list().getItems())
                    .extracting(o -> o.getMetadata().getName())
                    .containsExactly("real");

            configMaps()
                    .resource(configMap("last", Manifests.map()))
                    .fieldManager(MANAGER)
                    .serverSideApply();
            DemoAwait.until(
                    "the watch saw the last apply",
                    () -> events,
                    e -> e.stream().anyMatch(s -> s.contains("last")));
            assertThat(events).allMatch(e -> e.startsWith("ADDED real {a=1}") || e.contains("last"));
        } finally {
            watch.close();
        }
    }

    @Test
    @DisplayName("custom kinds are refused (404) until their CRD is applied, with contexts from the kind registry")
    void customKindAfterCrd() {
        KindInfo provider = KINDS.require("pkg.crossplane.io/v1", "Provider");
        GenericKubernetesResource p = Manifests.of(provider.apiVersion(), "Provider", null, "provider-helm")
                .spec(Manifests.map("package", "xpkg.upbound.io/crossplane-contrib/provider-helm:v0.19.0"))
                .build();
        assertThatThrownBy(() -> op(provider.apiVersion(), "Provider")
                        .resource(p)
                        .fieldManager(MANAGER)
                        .serverSideApply())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(404));
        op("apiextensions.k8s.io/v1", "CustomResourceDefinition")
                .resource(DemoCrds.crd(provider))
                .fieldManager(MANAGER)
                .serverSideApply();
        op(provider.apiVersion(), "Provider").resource(p).fieldManager(MANAGER).serverSideApply();
        assertThat(op(provider.apiVersion(), "Provider")
                        .withName("provider-helm")
                        .get())
                .isNotNull();
    }

    @Test
    @DisplayName("access reviews are allowed (a simulated cluster admin) and the version is reported")
    void reviewsAllowed() {
        SelfSubjectAccessReview review = client.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withNewResourceAttributes()
                        .withVerb("create")
                        .withGroup("pkg.crossplane.io")
                        .withResource("providers")
                        .endResourceAttributes()
                        .endSpec()
                        .build());
        assertThat(review.getStatus().getAllowed()).isTrue();
        assertThat(review.getStatus().getReason()).contains("simulated");
        assertThat(review.getSpec().getResourceAttributes().getResource()).isEqualTo("providers");
        assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.33.4");
    }

    @Test
    @DisplayName("an injected fault refuses the first real apply only; dry runs pass")
    void injectedFault() {
        cluster.inject(new DemoFault(
                "test",
                "/api/v1/namespaces/[^/]+/configmaps/flaky",
                1,
                500,
                "InternalError",
                "Internal error occurred: simulated"));
        configMaps()
                .resource(configMap("flaky", Manifests.map()))
                .dryRun()
                .fieldManager(MANAGER)
                .serverSideApply();
        assertThatThrownBy(() -> configMaps()
                        .resource(configMap("flaky", Manifests.map()))
                        .fieldManager(MANAGER)
                        .serverSideApply())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(500);
                    assertThat(e.getStatus().getMessage()).isEqualTo("Internal error occurred: simulated");
                });
        assertThat(configMaps()
                        .resource(configMap("flaky", Manifests.map()))
                        .fieldManager(MANAGER)
                        .serverSideApply())
                .isNotNull();
    }
}
