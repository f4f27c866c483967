package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.condition;
import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated controllers of the demo fleet. Every tick they compute, from the time since the
 * demo started, the status the real controllers would report, and write what changed:
 * components go Progressing then Healthy, a provider fails to pull its package and recovers
 * (every cycle), spoke-2's Kyverno crash-loops so its add-on is Degraded, spoke-3 is
 * provisioned and comes up later, and policy reports move.
 */
final class DemoControllers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoControllers.class);
    static final int CYCLE = 60;
    static final String FAILING_PROVIDER = "upbound-provider-aws-ec2";
    private static final Map<String, Integer> READY_AT = Map.of(
            "ingress", 1, "certManager", 1, "crossplane", 2, "argocd", 3, "kyverno", 4, "vault", 4, "backstage", 6);
    static final int SPOKE3_UP_AT = 14;

    private final DemoFleetSpec spec;
    private final DemoWriter hub;
    private final Map<String, DemoWriter> spokes;
    private final Map<String, DemoCluster> spokeClusters;
    private final DemoArgoOperations argoOperations;

    DemoControllers(
            DemoFleetSpec spec,
            DemoWriter hub,
            Map<String, DemoWriter> spokes,
            Map<String, DemoCluster> spokeClusters) {
        this.spec = spec;
        this.hub = hub;
        this.spokes = spokes;
        this.spokeClusters = spokeClusters;
        this.argoOperations = new DemoArgoOperations(hub);
    }

    /** One reconcile pass at {@code t} seconds after the start. Never throws. */
    void tick(int t) {
        try {
            spec.hub()
                    .components()
                    .forEach((key, part) -> workloads(
                            hub, DemoSeed.component(key, part), t >= READY_AT.getOrDefault(key, 1), false, t));
            crossplane(t);
            argoOperations.tick(t);
            argo(t);
            hubPolicies(t);
            for (DemoFleetSpec.Spoke s : spec.spokes()) {
                spoke(s, t);
            }
        } catch (RuntimeException e) {
            LOG.debug("demo controller pass at t={} incomplete: {}", t, e.getMessage());
        }
    }

    private void workloads(
            DemoWriter w, List<GenericKubernetesResource> objects, boolean ready, boolean crashing, int t) {
        for (GenericKubernetesResource o : objects) {
            String ns = o.getMetadata().getNamespace();
            String name = o.getMetadata().getName();
            if (o.getKind().equals("Pod")) {
                w.status(
                        "v1", "Pod", ns, name, cur -> podStatus(cur, ready, crashing && name.contains("admission"), t));
            } else {
                boolean up = ready && !(crashing && name.contains("admission"));
                w.status("apps/v1", o.getKind(), ns, name, cur -> workloadStatus(o.getKind(), cur, up));
            }
        }
    }

    static Map<String, Object> workloadStatus(String kind, GenericKubernetesResource cur, boolean ready) {
        long gen = cur.getMetadata().getGeneration() == null
                ? 1
                : cur.getMetadata().getGeneration();
        if (kind.equals("StatefulSet")) {
            return map(
                    "observedGeneration",
                    gen,
                    "replicas",
                    1,
                    "readyReplicas",
                    ready ? 1 : 0,
                    "currentRevision",
                    "vault-5b8d",
                    "updateRevision",
                    "vault-5b8d");
        }
        return map(
                "observedGeneration",
                gen,
                "replicas",
                1,
                "updatedReplicas",
                1,
                "readyReplicas",
                ready ? 1 : 0,
                "availableReplicas",
                ready ? 1 : 0,
                "conditions",
                list(
                        condition(
                                "Available",
                                ready ? "True" : "False",
                                ready ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                                ready
                                        ? "Deployment has minimum availability."
                                        : "Deployment does not have minimum availability."),
                        condition(
                                "Progressing",
                                "True",
                                "NewReplicaSetAvailable",
                                "ReplicaSet has successfully progressed.")));
    }

    static Map<String, Object> podStatus(GenericKubernetesResource cur, boolean ready, boolean crashing, int t) {
        String container = containerName(cur);
        Map<String, Object> state = crashing
                ? map(
                        "waiting",
                        map(
                                "reason",
                                "CrashLoopBackOff",
                                "message",
                                "back-off 5m0s restarting failed container=" + container))
                : ready
                        ? map("running", map("startedAt", "2026-11-23T08:00:00Z"))
                        : map("waiting", map("reason", "ContainerCreating"));
        Map<String, Object> cs = map(
                "name",
                container,
                "ready",
                ready && !crashing,
                "restartCount",
                crashing ? 3 + t / 20 : 0,
                "state",
                state);
        if (crashing) {
            cs.put(
                    "lastState",
                    map(
                            "terminated",
                            map(
                                    "reason",
                                    "Error",
                                    "exitCode",
                                    1,
                                    "message",
                                    "failed to start webhook server: open /tmp/k8s-webhook-server/serving-certs/tls.crt: no such file")));
        }
        return map(
                "phase",
                ready || crashing ? "Running" : "Pending",
                "conditions",
                list(condition("Ready", ready && !crashing ? "True" : "False", "", "")),
                "containerStatuses",
                list(cs));
    }

    private static String containerName(GenericKubernetesResource pod) {
        Object containers =
                ((Map<?, ?>) pod.getAdditionalProperties().getOrDefault("spec", Map.of())).get("containers");
        if (containers instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> c) {
            return String.valueOf(c.get("name"));
        }
        return "main";
    }

    private void crossplane(int t) {
        int phase = t % CYCLE;
        for (String p : DemoSeed.PROVIDERS) {
            boolean failing = p.equals(FAILING_PROVIDER) && phase >= 3 && phase < 15;
            hub.status(
                    "pkg.crossplane.io/v1",
                    "Provider",
                    null,
                    p,
                    cur -> map(
                            "conditions",
                            list(
                                    condition("Installed", "True", "ActivePackageRevision", ""),
                                    failing
                                            ? condition(
                                                    "Healthy",
                                                    "False",
                                                    "UnhealthyPackageRevision",
                                                    "cannot pull package xpkg.upbound.io/upbound/provider-aws-ec2:v0.46.1: GET "
                                                            + "https://xpkg.upbound.io/v2/upbound/provider-aws-ec2/manifests/v0.46.1: "
                                                            + "TOOMANYREQUESTS: rate limit exceeded, retrying in 30s")
                                            : t >= 2
                                                    ? condition("Healthy", "True", "HealthyPackageRevision", "")
                                                    : condition(
                                                            "Healthy",
                                                            "Unknown",
                                                            "UnknownPackageRevisionHealth",
                                                            "waiting for the package revision"))));
        }
        hub.status(
                "pkg.crossplane.io/v1beta1",
                "Function",
                null,
                "crossplane-contrib-function-patch-and-transform",
                cur -> packageReady());
        hub.status("pkg.crossplane.io/v1", "Configuration", null, "back-stack", cur -> packageReady());
        for (String xrd : List.of("xhubs", "xaksclusters", "xeksclusters")) {
            hub.status(
                    "apiextensions.crossplane.io/v1",
                    "CompositeResourceDefinition",
                    null,
                    xrd + ".backstack.dev",
                    cur -> map(
                            "conditions",
                            list(
                                    condition("Established", "True", "WatchingCompositeResource", ""),
                                    condition("Offered", "True", "WatchingCompositeResourceClaim", ""))));
        }
        StringBuilder unready = new StringBuilder();
        spec.hub().components().forEach((key, part) -> {
            if (!List.of("argocd", "backstage", "kyverno", "certManager", "vault")
                    .contains(key)) {
                return;
            }
            boolean ready = t >= READY_AT.get(key);
            if (!ready) {
                unready.append(unready.length() == 0 ? "" : ", ").append(part.chart());
            }
            hub.status(
                    "helm.crossplane.io/v1beta1",
                    "Release",
                    null,
                    DemoSeed.XHUB + "-" + part.chart(),
                    cur -> map(
                            "atProvider",
                                    map(
                                            "releaseDescription",
                                            ready ? "Install complete" : "Installing",
                                            "revision",
                                            1,
                                            "state",
                                            ready ? "deployed" : "pending-install"),
                            "conditions",
                                    list(
                                            condition("Synced", "True", "ReconcileSuccess", ""),
                                            ready
                                                    ? condition("Ready", "True", "Available", "")
                                                    : condition(
                                                            "Ready",
                                                            "False",
                                                            "Creating",
                                                            "helm install " + part.chart() + " " + part.chartVersion()
                                                                    + " in namespace " + part.namespace()
                                                                    + " is in progress"))));
        });
        Map<String, Object> xrReady = map(
                "conditions",
                list(
                        condition("Synced", "True", "ReconcileSuccess", ""),
                        unready.length() == 0
                                ? condition("Ready", "True", "Available", "")
                                : condition("Ready", "False", "Creating", "Unready resources: " + unready)));
        hub.status("backstack.dev/v1alpha1", "XHub", null, DemoSeed.XHUB, cur -> xrReady);
        hub.status("backstack.dev/v1alpha1", "Hub", "default", DemoSeed.HUB_CLAIM, cur -> xrReady);
    }

    private static Map<String, Object> packageReady() {
        return map(
                "conditions",
                list(
                        condition("Installed", "True", "ActivePackageRevision", ""),
                        condition("Healthy", "True", "HealthyPackageRevision", "")));
    }

    private void argo(int t) {
        appStatus("apps-from-hub", t >= 4 ? "Healthy" : "Progressing", "Synced", null, 0, null);
        appStatus("clusters-from-hub", t >= 4 ? "Healthy" : "Progressing", "Synced", null, 0, null);
        for (DemoFleetSpec.Spoke s : spec.spokes()) {
            boolean claimReady = !"provisioning".equals(s.story()) || t >= SPOKE3_UP_AT;
            String group = "backstack.dev/v1alpha1";
            Map<String, Object> claim = map(
                    "conditions",
                    list(
                            condition("Synced", "True", "ReconcileSuccess", ""),
                            claimReady
                                    ? condition("Ready", "True", "Available", "")
                                    : condition(
                                            "Ready",
                                            "False",
                                            "Creating",
                                            "creating " + s.claim().replace("Cluster", "") + " cluster " + s.name()
                                                    + " in " + s.region()
                                                    + ": node group 2 x Standard_D2s_v3 pending")));
            hub.status(group, s.claim(), "default", s.name(), cur -> claim);
            hub.status(group, "X" + s.claim(), null, s.name() + "-c8v4d", cur -> claim);
            boolean degraded = "degraded-addon".equals(s.story()) && t >= 5;
            if (!claimReady) {
                appStatus(s.name() + "-kyverno", "Missing", "OutOfSync", "Running", 0, null);
                appStatus(s.name() + "-kyverno-policies", "Missing", "OutOfSync", "Running", 0, null);
            } else if (degraded && !argoOperations.recovered(s.name() + "-kyverno")) {
                argoOperations.failed(
                        s.name() + "-kyverno",
                        "Deployment kyverno/kyverno-admission-controller: container kyverno-admission is in "
                                + "CrashLoopBackOff: failed to start webhook server",
                        t);
                appStatus(s.name() + "-kyverno-policies", "Healthy", "Synced", "Succeeded", 0, null);
            } else {
                String h = t >= (claimReady && "provisioning".equals(s.story()) ? SPOKE3_UP_AT + 4 : 5)
                        ? "Healthy"
                        : "Progressing";
                appStatus(s.name() + "-kyverno", h, "Synced", "Succeeded", 0, null);
                appStatus(s.name() + "-kyverno-policies", h, "Synced", "Succeeded", 0, null);
            }
        }
    }

    private void appStatus(String name, String health, String sync, String phase, int retries, String message) {
        if (argoOperations.owns(name)) {
            return;
        }
        Map<String, Object> status = map(
                "health",
                message == null ? map("status", health) : map("status", health, "message", message),
                "sync",
                map("status", sync));
        if (phase != null) {
            status.put(
                    "operationState",
                    map(
                            "phase",
                            phase,
                            "retryCount",
                            retries,
                            "message",
                            "Running".equals(phase)
                                    ? "waiting for the destination cluster to answer"
                                    : "successfully synced"));
        }
        hub.status("argoproj.io/v1alpha1", "Application", "argocd", name, cur -> status);
    }

    private void hubPolicies(int t) {
        for (String p : DemoSeed.HUB_POLICIES) {
            hub.status(
                    "kyverno.io/v1",
                    "ClusterPolicy",
                    null,
                    p,
                    cur -> map(
                            "conditions",
                            list(condition(
                                    "Ready",
                                    t >= 4 ? "True" : "False",
                                    t >= 4 ? "Succeeded" : "Pending",
                                    t >= 4 ? "Ready" : "policy is being registered"))));
        }
        DemoReports.policyReport(hub, "default", "cpol-claims", DemoSeed.HUB_POLICIES, t, 1);
        panelPolicies(hub, t >= READY_AT.get("kyverno"));
    }

    /** The simulated Kyverno registers the policies the panel applied, once its admission controller runs. */
    private static void panelPolicies(DemoWriter w, boolean kyvernoUp) {
        for (GenericKubernetesResource p : w.list("policies.kyverno.io/v1", "ValidatingPolicy")) {
            if (managedByPanel(p)) {
                w.status(
                        p,
                        map(
                                "conditionStatus",
                                kyvernoUp
                                        ? map("ready", true)
                                        : map(
                                                "ready",
                                                false,
                                                "message",
                                                "waiting for the admission controller to register the webhook")));
            }
        }
        for (GenericKubernetesResource p : w.list("kyverno.io/v1", "ClusterPolicy")) {
            if (managedByPanel(p)) {
                w.status(
                        p,
                        map(
                                "conditions",
                                list(
                                        kyvernoUp
                                                ? condition("Ready", "True", "Succeeded", "Ready")
                                                : condition(
                                                        "Ready",
                                                        "False",
                                                        "Pending",
                                                        "waiting for the admission controller"))));
            }
        }
    }

    private static boolean managedByPanel(GenericKubernetesResource p) {
        Map<String, String> labels = p.getMetadata().getLabels();
        return labels != null && "backstack-panel".equals(labels.get("app.kubernetes.io/managed-by"));
    }

    private void spoke(DemoFleetSpec.Spoke s, int t) {
        DemoCluster cluster = spokeClusters.get(s.name());
        if ("provisioning".equals(s.story()) && !cluster.isUp()) {
            if (t < SPOKE3_UP_AT) {
                return;
            }
            cluster.start();
            DemoFleet.seed(spokes.get(s.name()), DemoSeed.spoke(s));
        }
        DemoWriter w = spokes.get(s.name());
        int readyAt = "provisioning".equals(s.story()) ? SPOKE3_UP_AT + 3 : 3;
        workloads(
                w,
                DemoSeed.component("kyverno", s.kyvernoPart()),
                t >= readyAt,
                "degraded-addon".equals(s.story()) && t >= 5 && !argoOperations.recovered(s.name() + "-kyverno"),
                t);
        for (String p : DemoSeed.SPOKE_POLICIES) {
            w.status(
                    "kyverno.io/v1",
                    "ClusterPolicy",
                    null,
                    p,
                    cur -> map(
                            "conditions",
                            list(condition(
                                    "Ready",
                                    t >= readyAt ? "True" : "False",
                                    t >= readyAt ? "Succeeded" : "Pending",
                                    t >= readyAt ? "Ready" : "waiting for the admission controller"))));
        }
        panelPolicies(
                w,
                t >= readyAt
                        && (!"degraded-addon".equals(s.story()) || argoOperations.recovered(s.name() + "-kyverno")));
        DemoReports.tick(w, s, t, "degraded-addon".equals(s.story()) ? 3 : 1);
    }
}
