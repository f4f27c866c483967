package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.condition;
import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.install.VersionLock;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated Crossplane composition of the BACK Stack's {@code Hub} claim on the install target:
 * over some ticks a claim gets its {@code XHub} composite, then one provider-helm {@code Release}
 * per hub component ({@value #COMPOSED_CHARTS}), whose charts' Deployments and Pods appear in
 * their namespaces (as on the demo hub, so the live status engine recognises a BACK hub) and
 * whose CRDs are created once the release is deployed. The composite and the claim turn
 * Ready=True when every release is. Without provider-helm's CRDs or a helm ProviderConfig the
 * claim says what it is waiting for.
 */
final class HubComposer {

    private static final VersionLock LOCK = VersionLock.shipped();

    static final String COMPOSED_CHARTS = "cert-manager, argo-cd, backstage, kyverno";
    /** The fleet description's components the Hub composes, in the order they are composed. */
    static final List<String> COMPOSED = List.of("certManager", "argocd", "backstage", "kyverno");

    private static final String GROUP = "backstack.dev/v1alpha1";
    private static final String RELEASE = "helm.crossplane.io/v1beta1";
    private static final Logger LOG = LoggerFactory.getLogger(HubComposer.class);

    private final DemoWriter w;
    private final DemoFleetSpec spec;
    private final Map<String, Integer> firstSeen = new ConcurrentHashMap<>();

    HubComposer(DemoWriter writer, DemoFleetSpec spec) {
        this.w = writer;
        this.spec = spec;
    }

    /** The composite's name for a claim, as Crossplane derives it: the claim's name and a suffix. */
    static String compositeName(GenericKubernetesResource claim) {
        String uid = claim.getMetadata().getUid().replace("-", "");
        return claim.getMetadata().getName() + "-" + uid.substring(uid.length() - 5);
    }

    void tick(int t, Set<String> crds) {
        if (!crds.contains("hubs.backstack.dev")) {
            return;
        }
        for (GenericKubernetesResource claim : w.list(GROUP, "Hub")) {
            compose(claim, t, crds);
        }
    }

    private void compose(GenericKubernetesResource claim, int t, Set<String> crds) {
        String ns = claim.getMetadata().getNamespace();
        String name = claim.getMetadata().getName();
        int age = t - firstSeen.computeIfAbsent(claim.getMetadata().getUid(), k -> t);
        if (!crds.contains("xhubs.backstack.dev")) {
            report(claim, null, false, "ReconcileError", "simulated Crossplane: no XRD serves composite kind XHub yet");
            return;
        }
        String xr = compositeName(claim);
        if (w.createIfAbsent(Manifests.of(GROUP, "XHub", null, xr)
                .label("crossplane.io/claim-name", name)
                .label("crossplane.io/claim-namespace", ns)
                .spec(map(
                        "parameters",
                        parameters(claim),
                        "claimRef",
                        map("apiVersion", GROUP, "kind", "Hub", "name", name, "namespace", ns)))
                .build())) {
            LOG.info("simulated Crossplane: claim {}/{} composed XHub {}", ns, name, xr);
        }
        claim = bindClaim(ns, name, xr);
        if (!crds.contains("releases.helm.crossplane.io")) {
            report(
                    claim,
                    xr,
                    false,
                    "ReconcileError",
                    "simulated Crossplane: cannot compose resources: no kind "
                            + "\"Release\" is registered for version \"" + RELEASE
                            + "\" (provider-helm is not healthy yet)");
            return;
        }
        String providerConfig = w.list(RELEASE, "ProviderConfig").stream()
                .map(p -> p.getMetadata().getName())
                .findFirst()
                .orElse(null);
        List<String> unready = new ArrayList<>();
        for (int i = 0; i < COMPOSED.size(); i++) {
            DemoFleetSpec.Part part = spec.hub().components().get(COMPOSED.get(i));
            if (age < 1 + i || !release(COMPOSED.get(i), part, xr, claim, providerConfig, t)) {
                unready.add("Release/" + xr + "-" + part.chart());
            }
        }
        report(
                claim,
                xr,
                unready.isEmpty(),
                "ReconcileSuccess",
                unready.isEmpty() ? "" : "simulated Crossplane: " + "Unready resources: " + String.join(", ", unready));
    }

    private static Object parameters(GenericKubernetesResource claim) {
        Object p = InstallTargetControllers.spec(claim).get("parameters");
        return p == null ? map() : p;
    }

    /** Keeps the claim's reference to its composite (Crossplane writes spec.resourceRef). */
    private GenericKubernetesResource bindClaim(String ns, String name, String xr) {
        GenericKubernetesResource claim = w.op(GROUP, "Hub", ns).withName(name).get();
        Map<String, Object> ref = map("apiVersion", GROUP, "kind", "XHub", "name", xr);
        Object specObj = claim.getAdditionalProperties().get("spec");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = specObj instanceof Map<?, ?> m ? (Map<String, Object>) m : map();
        if (!ref.equals(spec.get("resourceRef"))) {
            spec.put("resourceRef", ref);
            claim.setAdditionalProperty("spec", spec);
            return w.op(GROUP, "Hub", ns).resource(claim).update();
        }
        return claim;
    }

    /** Composes one Release and moves it along; true when it is deployed and its workloads are available. */
    private boolean release(
            String key,
            DemoFleetSpec.Part part,
            String xr,
            GenericKubernetesResource claim,
            String providerConfig,
            int t) {
        String name = xr + "-" + part.chart();
        // Crossplane labels what it composes with the composite and the claim.
        w.createIfAbsent(Manifests.of(RELEASE, "Release", null, name)
                .label("crossplane.io/composite", xr)
                .label("crossplane.io/claim-name", claim.getMetadata().getName())
                .label("crossplane.io/claim-namespace", claim.getMetadata().getNamespace())
                .spec(map(
                        "forProvider",
                        map(
                                "namespace",
                                part.namespace(),
                                "chart",
                                map("name", part.chart(), "version", lockedVersion(part))),
                        "providerConfigRef",
                        map("name", providerConfig == null ? "default" : providerConfig)))
                .build());
        GenericKubernetesResource rel =
                w.op(RELEASE, "Release", null).withName(name).get();
        if (providerConfig == null) {
            w.status(
                    rel,
                    map(
                            "conditions",
                            list(
                                    condition(
                                            "Synced",
                                            "False",
                                            "ReconcileError",
                                            "simulated provider-helm: "
                                                    + "cannot get ProviderConfig: providerconfigs.helm.crossplane.io \"default\" not found"),
                                    condition("Ready", "False", "Creating", ""))));
            return false;
        }
        int age = t - firstSeen.computeIfAbsent(rel.getMetadata().getUid(), k -> t);
        boolean available = false;
        if (age >= 1) {
            w.createIfAbsent(
                    Manifests.of("v1", "Namespace", null, part.namespace()).build());
            if (part.chart().equals("argo-cd")) {
                w.createIfAbsent(initialAdminSecret(part.namespace()));
            }
            available = true;
            for (GenericKubernetesResource o : DemoSeed.component(key, part)) {
                w.createIfAbsent(o);
                if (!o.getKind().equals("Pod")) {
                    available &= isAvailable(w.op(o.getApiVersion(), o.getKind(), part.namespace())
                            .withName(o.getMetadata().getName())
                            .get());
                }
            }
        }
        if (available) {
            DemoCrds.ensure(w, DemoCrds.ofChart(part.chart()));
        }
        w.status(
                rel,
                map(
                        "atProvider",
                        map(
                                "releaseDescription",
                                available ? "Install complete (simulated)" : "Installing (simulated)",
                                "revision",
                                1,
                                "state",
                                available ? "deployed" : "pending-install"),
                        "conditions",
                        list(
                                condition("Synced", "True", "ReconcileSuccess", ""),
                                available
                                        ? condition("Ready", "True", "Available", "")
                                        : condition(
                                                "Ready",
                                                "False",
                                                "Creating",
                                                "simulated provider-helm: helm install " + part.chart() + " "
                                                        + lockedVersion(part) + " in namespace " + part.namespace()
                                                        + " is in progress"))));
        return available;
    }

    private static boolean isAvailable(GenericKubernetesResource workload) {
        Object status =
                workload == null ? null : workload.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> s)) {
            return false;
        }
        Object n = s.containsKey("availableReplicas") ? s.get("availableReplicas") : s.get("readyReplicas");
        return n instanceof Number num && num.intValue() > 0;
    }

    private void report(GenericKubernetesResource claim, String xr, boolean ready, String syncReason, String message) {
        boolean synced = "ReconcileSuccess".equals(syncReason);
        Map<String, Object> status = map(
                "conditions",
                list(
                        condition("Synced", synced ? "True" : "False", syncReason, synced ? "" : message),
                        ready
                                ? condition("Ready", "True", "Available", "")
                                : condition("Ready", "False", "Creating", synced ? message : "")));
        if (xr != null) {
            w.status(GROUP, "XHub", null, xr, cur -> status);
        }
        w.status(claim, status);
    }

    /** The XRDs the BACK Stack's Configuration package brings. */
    static List<GenericKubernetesResource> backStackXrds() {
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (String[] n : new String[][] {
            {"XHub", "xhubs", "Hub", "hubs"},
            {"XAKSCluster", "xaksclusters", "AKSCluster", "aksclusters"},
            {"XEKSCluster", "xeksclusters", "EKSCluster", "eksclusters"}
        }) {
            out.add(Manifests.of(
                            "apiextensions.crossplane.io/v1",
                            "CompositeResourceDefinition",
                            null,
                            n[1] + ".backstack.dev")
                    .label("backstack.dev/simulated", "true")
                    .spec(map(
                            "group",
                            "backstack.dev",
                            "names",
                            map("kind", n[0], "plural", n[1]),
                            "claimNames",
                            map("kind", n[2], "plural", n[3]),
                            "versions",
                            list(map("name", "v1alpha1", "served", true, "referenceable", true))))
                    .build());
        }
        return out;
    }

    /** What Argo CD writes on its first start: a random admin password (simulated). */
    private static GenericKubernetesResource initialAdminSecret(String namespace) {
        byte[] random = new byte[12];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return Manifests.of("v1", "Secret", namespace, "argocd-initial-admin-secret")
                .set("type", "Opaque")
                .set(
                        "data",
                        map(
                                "password",
                                java.util.Base64.getEncoder()
                                        .encodeToString(password.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
    }

    /** The chart version the panel's Composition pins (the version lock), as a real composition would. */
    private static String lockedVersion(DemoFleetSpec.Part part) {
        return LOCK.findChart(part.chart()).map(VersionLock.Chart::version).orElse(part.chartVersion());
    }
}
