package dev.backstack.panel.app.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the controllers an install waits on, on a real API server where nothing reconciles:
 * Deployments become available, Crossplane packages Installed and Healthy, XRDs Established and
 * Offered (with the claim and composite CRDs Crossplane would create), and a Hub claim composes
 * four Releases that become Ready before the claim does. Records when it made each object ready,
 * so a test can measure how soon the plan moved on.
 */
final class InstallControllers implements AutoCloseable {

    static final ResourceDefinitionContext PROVIDER =
            StatusWriter.ctx("pkg.crossplane.io", "v1", "Provider", "providers", false);
    static final ResourceDefinitionContext FUNCTION =
            StatusWriter.ctx("pkg.crossplane.io", "v1", "Function", "functions", false);
    static final ResourceDefinitionContext XRD = StatusWriter.ctx(
            "apiextensions.crossplane.io", "v1", "CompositeResourceDefinition", "compositeresourcedefinitions", false);
    static final ResourceDefinitionContext RELEASE =
            StatusWriter.ctx("helm.crossplane.io", "v1beta1", "Release", "releases", false);
    static final ResourceDefinitionContext HUB = StatusWriter.ctx("backstack.dev", "v1alpha1", "Hub", "hubs", true);
    private static final List<String> CHARTS = List.of("cert-manager", "argo-cd", "backstage", "kyverno");

    private final KubernetesClient admin;
    private final StatusWriter status;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "install-controllers");
        t.setDaemon(true);
        return t;
    });
    /** When each object was made ready, by {@code Kind/name}. */
    final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
    /** How long each object takes to become ready after it first appears (a slower cluster). */
    volatile long delayMillis;

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    /** While true, providers stay Installed but not Healthy (a slow package pull). */
    volatile boolean holdProviders;

    volatile Throwable lastError;

    InstallControllers(KubernetesClient admin) {
        this.admin = admin;
        this.status = new StatusWriter(admin);
    }

    InstallControllers start() {
        ticker.scheduleWithFixedDelay(this::pass, 0, 25, TimeUnit.MILLISECONDS);
        return this;
    }

    private void pass() {
        try {
            deployments();
            packages(FUNCTION, false);
            packages(PROVIDER, holdProviders);
            xrds();
            hubs();
        } catch (KubernetesClientException e) {
            if (lastError == null || !String.valueOf(lastError.getMessage()).equals(e.getMessage())) {
                System.err.println("InstallControllers: " + e.getMessage());
            }
            lastError = e;
        }
    }

    private void deployments() {
        for (Deployment d : admin.apps().deployments().inAnyNamespace().list().getItems()) {
            long gen = d.getMetadata().getGeneration() == null
                    ? 1
                    : d.getMetadata().getGeneration();
            boolean current = d.getStatus() != null
                    && d.getStatus().getObservedGeneration() != null
                    && d.getStatus().getObservedGeneration() == gen
                    && d.getStatus().getAvailableReplicas() != null;
            String key = "Deployment/" + d.getMetadata().getNamespace() + "/"
                    + d.getMetadata().getName() + "@" + gen;
            if (!current && due(key)) {
                readyAt.put("Deployment/" + d.getMetadata().getName(), Instant.now());
                status.deploymentAvailable(
                        d.getMetadata().getNamespace(), d.getMetadata().getName(), true);
            }
        }
    }

    private void packages(ResourceDefinitionContext ctx, boolean hold) {
        for (GenericKubernetesResource p :
                admin.genericKubernetesResources(ctx).list().getItems()) {
            String name = p.getMetadata().getName();
            if (hold) {
                status.status(
                        ctx,
                        null,
                        name,
                        StatusWriter.conditions(
                                "Installed",
                                "True",
                                "ActivePackageRevision",
                                "",
                                "Healthy",
                                "Unknown",
                                "UnknownPackageRevisionHealth",
                                "pulling the provider image"));
            } else if (!conditionTrue(p, "Healthy")
                    && due(ctx.getKind() + "/" + p.getMetadata().getUid())) {
                readyAt.put(ctx.getKind() + "/" + name, Instant.now());
                status.status(
                        ctx,
                        null,
                        name,
                        StatusWriter.conditions(
                                "Installed",
                                "True",
                                "ActivePackageRevision",
                                "",
                                "Healthy",
                                "True",
                                "HealthyPackageRevision",
                                ""));
            }
        }
    }

    private void xrds() {
        for (GenericKubernetesResource x :
                admin.genericKubernetesResources(XRD).list().getItems()) {
            if (conditionTrue(x, "Offered") || !due("XRD/" + x.getMetadata().getUid())) {
                continue;
            }
            for (var crd : Crds.fromXrd(x)) {
                Crds.register(admin, crd);
            }
            readyAt.put("CompositeResourceDefinition/" + x.getMetadata().getName(), Instant.now());
            status.status(
                    XRD,
                    null,
                    x.getMetadata().getName(),
                    StatusWriter.conditions(
                            "Established",
                            "True",
                            "WatchingCompositeResource",
                            "",
                            "Offered",
                            "True",
                            "WatchingCompositeResourceClaim",
                            ""));
        }
    }

    private void hubs() {
        for (GenericKubernetesResource claim :
                admin.genericKubernetesResources(HUB).inAnyNamespace().list().getItems()) {
            if (conditionTrue(claim, "Ready")
                    || !due("Hub/" + claim.getMetadata().getUid())) {
                continue;
            }
            String name = claim.getMetadata().getName();
            for (String chart : CHARTS) {
                String release = name + "-" + chart;
                if (admin.genericKubernetesResources(RELEASE).withName(release).get() == null) {
                    GenericKubernetesResource r = new GenericKubernetesResource();
                    r.setApiVersion("helm.crossplane.io/v1beta1");
                    r.setKind("Release");
                    r.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                            .withName(release)
                            .addToLabels("crossplane.io/claim-name", name)
                            .addToLabels(
                                    "crossplane.io/claim-namespace",
                                    claim.getMetadata().getNamespace())
                            .build());
                    r.setAdditionalProperty(
                            "spec",
                            Map.of(
                                    "forProvider",
                                    Map.of("chart", Map.of("name", chart), "namespace", chart),
                                    "providerConfigRef",
                                    Map.of("name", "local")));
                    admin.genericKubernetesResources(RELEASE).resource(r).create();
                    return; // one release per pass, as a composition fills in over time
                }
            }
            for (String chart : CHARTS) {
                status.status(
                        RELEASE,
                        null,
                        name + "-" + chart,
                        StatusWriter.conditions(
                                "Synced", "True", "ReconcileSuccess", "", "Ready", "True", "Available", ""));
            }
            readyAt.put("Hub/" + name, Instant.now());
            status.status(
                    HUB,
                    claim.getMetadata().getNamespace(),
                    name,
                    StatusWriter.conditions(
                            "Synced", "True", "ReconcileSuccess", "", "Ready", "True", "Available", ""));
        }
    }

    /** True once the object has existed for {@link #delayMillis}. */
    private boolean due(String key) {
        long now = System.currentTimeMillis();
        return now - firstSeen.computeIfAbsent(key, k -> now) >= delayMillis;
    }

    private static boolean conditionTrue(GenericKubernetesResource o, String type) {
        Object s = o.getAdditionalProperties().get("status");
        if (!(s instanceof Map<?, ?> st) || !(st.get("conditions") instanceof List<?> list)) {
            return false;
        }
        return list.stream()
                .anyMatch(
                        c -> c instanceof Map<?, ?> m && type.equals(m.get("type")) && "True".equals(m.get("status")));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
