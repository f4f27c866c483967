package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.condition;
import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated controllers of the demo fleet's install target, an empty cluster the install
 * wizard installs the BACK Stack into. Each tick they move along whatever the wizard created, as
 * the real controllers would: Deployments, StatefulSets and Pods become available
 * {@value #WORKLOAD_READY_AFTER} ticks after they appear (or change); Crossplane packages go
 * Installed after {@value #PACKAGE_INSTALLED_AFTER} tick and Healthy after
 * {@value #PACKAGE_HEALTHY_AFTER}, healthy providers bring their CRDs; XRDs go Established and
 * Offered and bring their composite and claim CRDs; {@link HubComposer} composes Hub claims.
 */
final class InstallTargetControllers {

    static final int WORKLOAD_READY_AFTER = 2;
    static final int PACKAGE_INSTALLED_AFTER = 1;
    static final int PACKAGE_HEALTHY_AFTER = 3;
    /** The webhook whose first call fails in the story. */
    static final String FAILING_WEBHOOK = "providerconfigs.helm.crossplane.io";

    private static final Logger LOG = LoggerFactory.getLogger(InstallTargetControllers.class);
    private static final KindRegistry KINDS = KindRegistry.standard();

    private final DemoWriter w;
    private final HubComposer hubs;
    private final Map<String, Integer> firstSeen = new ConcurrentHashMap<>();

    InstallTargetControllers(DemoWriter writer, DemoFleetSpec spec) {
        this.w = writer;
        this.hubs = new HubComposer(writer, spec);
    }

    /**
     * The story's one transient failure: the first real apply of a provider-helm ProviderConfig is
     * refused because the provider's webhook has no endpoints yet; later applies pass.
     */
    static DemoFault helmProviderConfigWebhookNotReady() {
        return new DemoFault(
                "provider-helm's webhook is not serving yet",
                "/apis/helm\\.crossplane\\.io/[^/]+/providerconfigs/[^/]+",
                1,
                500,
                "InternalError",
                "Internal error occurred: failed calling webhook \"" + FAILING_WEBHOOK + "\": no endpoints available "
                        + "for service \"provider-helm\" (simulated: the provider's webhook is still starting)");
    }

    /** One reconcile pass at tick {@code t}. Never throws. */
    void tick(int t) {
        Set<String> crds;
        try {
            crds = w.list("apiextensions.k8s.io/v1", "CustomResourceDefinition").stream()
                    .map(c -> c.getMetadata().getName())
                    .collect(Collectors.toSet());
        } catch (RuntimeException e) {
            LOG.debug("install target controllers at t={}: cannot list CRDs: {}", t, e.getMessage());
            return;
        }
        step("workloads", t, () -> workloads(t));
        step("packages", t, () -> packages(t, crds));
        step("XRDs", t, () -> xrds(t, crds));
        step("claims", t, () -> hubs.tick(t, crds));
    }

    private static void step(String what, int t, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.debug("install target controllers at t={}: {} pass incomplete: {}", t, what, e.getMessage());
        }
    }

    private int age(GenericKubernetesResource o, String aspect, int t) {
        return t - firstSeen.computeIfAbsent(o.getMetadata().getUid() + aspect, k -> t);
    }

    private void workloads(int t) {
        for (String kind : List.of("Deployment", "StatefulSet")) {
            for (GenericKubernetesResource d : w.list("apps/v1", kind)) {
                // A changed spec starts the rollout again.
                boolean ready = age(d, "/" + d.getMetadata().getGeneration(), t) >= WORKLOAD_READY_AFTER;
                w.status(d, DemoControllers.workloadStatus(kind, d, ready));
            }
        }
        for (GenericKubernetesResource p : w.list("v1", "Pod")) {
            w.status(p, DemoControllers.podStatus(p, age(p, "", t) >= WORKLOAD_READY_AFTER, false, t));
        }
    }

    private void packages(int t, Set<String> crds) {
        for (String kind : List.of("Provider", "Function", "Configuration")) {
            KindInfo k = KINDS.require(new KindRef("pkg.crossplane.io", kind));
            if (!crds.contains(k.crdName())) {
                continue;
            }
            for (GenericKubernetesResource p : w.list(k.apiVersion(), kind)) {
                Object declared = spec(p).get("package");
                String pkg = declared == null ? p.getMetadata().getName() : declared.toString();
                int age = age(p, "", t);
                boolean healthy = age >= PACKAGE_HEALTHY_AFTER;
                String uid = p.getMetadata().getUid();
                w.status(
                        p,
                        map(
                                "currentIdentifier",
                                pkg,
                                "currentRevision",
                                p.getMetadata().getName() + "-" + uid.substring(uid.length() - 7),
                                "conditions",
                                list(
                                        age >= PACKAGE_INSTALLED_AFTER
                                                ? condition("Installed", "True", "ActivePackageRevision", "")
                                                : condition(
                                                        "Installed",
                                                        "False",
                                                        "UnpackingPackage",
                                                        "simulated: pulling and unpacking " + pkg),
                                        healthy
                                                ? condition("Healthy", "True", "HealthyPackageRevision", "")
                                                : condition(
                                                        "Healthy",
                                                        "Unknown",
                                                        "UnknownPackageRevisionHealth",
                                                        "simulated: waiting for the package revision to become healthy"))));
                if (healthy && kind.equals("Provider")) {
                    created(
                            kind,
                            p,
                            DemoCrds.ensure(
                                    w,
                                    DemoCrds.ofProvider(
                                            pkg + " " + p.getMetadata().getName())));
                } else if (healthy
                        && kind.equals("Configuration")
                        && pkg.replace("-", "").contains("backstack")) {
                    int n = 0;
                    for (GenericKubernetesResource xrd : HubComposer.backStackXrds()) {
                        n += w.createIfAbsent(xrd) ? 1 : 0;
                    }
                    created(kind, p, n);
                }
            }
        }
    }

    private static void created(String kind, GenericKubernetesResource p, int n) {
        if (n > 0) {
            LOG.info(
                    "simulated Crossplane: {} {} is healthy and created {} definitions",
                    kind,
                    p.getMetadata().getName(),
                    n);
        }
    }

    private void xrds(int t, Set<String> crds) {
        KindInfo k = KINDS.require(new KindRef("apiextensions.crossplane.io", "CompositeResourceDefinition"));
        if (!crds.contains(k.crdName())) {
            return;
        }
        for (GenericKubernetesResource xrd : w.list(k.apiVersion(), k.kind())) {
            if (age(xrd, "", t) < 1) {
                continue;
            }
            Map<?, ?> spec = spec(xrd);
            String group = String.valueOf(spec.get("group"));
            String version = referenceableVersion(spec);
            Map<?, ?> names = spec.get("names") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> claims = spec.get("claimNames") instanceof Map<?, ?> m ? m : null;
            if (names.get("kind") == null || names.get("plural") == null) {
                w.status(
                        xrd,
                        map(
                                "conditions",
                                list(condition(
                                        "Established",
                                        "False",
                                        "ReconcileError",
                                        "simulated Crossplane: spec.names.kind and spec.names.plural are required"))));
                continue;
            }
            w.createIfAbsent(DemoCrds.crd(
                    group,
                    version,
                    names.get("kind").toString(),
                    names.get("plural").toString(),
                    "Namespaced".equals(spec.get("scope"))));
            List<Object> conditions = list(condition("Established", "True", "WatchingCompositeResource", ""));
            if (claims != null && claims.get("kind") != null && claims.get("plural") != null) {
                w.createIfAbsent(DemoCrds.crd(
                        group,
                        version,
                        claims.get("kind").toString(),
                        claims.get("plural").toString(),
                        true));
                conditions.add(condition("Offered", "True", "WatchingCompositeResourceClaim", ""));
            }
            w.status(xrd, map("conditions", conditions));
        }
    }

    private static String referenceableVersion(Map<?, ?> spec) {
        if (spec.get("versions") instanceof List<?> versions) {
            for (Object v : versions) {
                if (v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("referenceable"))) {
                    return String.valueOf(m.get("name"));
                }
            }
            if (!versions.isEmpty() && versions.get(0) instanceof Map<?, ?> m) {
                return String.valueOf(m.get("name"));
            }
        }
        return "v1alpha1";
    }

    static Map<?, ?> spec(GenericKubernetesResource o) {
        return o.getAdditionalProperties().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    }
}
