package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.condition;
import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyRenderer;
import dev.backstack.panel.installer.policy.Selections;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated clusters-as-a-service on the demo hub: every {@code AKSCluster}/{@code EKSCluster}
 * claim that is not one of the fleet description's spokes (say {@code spoke-4}, requested in the
 * spoke wizard) comes up step by step, as Crossplane, the hub's registration policy, Argo CD and
 * Kyverno would bring it: the composite and its managed resources gaining Ready one after the
 * other, the kubeconfig published, the Argo CD cluster secret, a new simulated spoke cluster
 * (announced to the listeners, so the fleet starts watching it), its Applications, and its policy
 * reports. The hub also gets the catalog's claim guardrails as ValidatingAdmissionPolicies (ids
 * with the demo's {@code spoke-} prefix allowed), so the wizard has guardrails to check.
 */
final class DemoSpokeRequests implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSpokeRequests.class);
    private static final String GROUP = "backstack.dev/v1alpha1";
    /** Ticks after the claim is first seen at which each stage is reached. */
    static final int COMPOSED = 0;

    static final int READY = 8;
    static final int PUBLISHED = 9;
    static final int REGISTERED = 11;
    static final int APPS_HEALTHY = 15;
    /** The managed resources of the panel's AKS and EKS compositions, in the order they become Ready. */
    static final List<String> AKS_RESOURCES =
            List.of("resource-group", "virtual-network", "node-subnet", "kubernetes-cluster");

    static final List<String> EKS_RESOURCES =
            List.of("vpc", "subnet-a", "subnet-b", "control-plane-role", "node-role", "eks-cluster", "node-group");
    static final List<String> GUARDRAILS =
            List.of("limit-cluster-node-count", "restrict-cluster-node-size", "validate-cluster-name");

    private final DemoWriter hub;
    private final Set<String> described;
    private final String kubernetesVersion;
    private final Map<String, Integer> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, String> publishedAt = new ConcurrentHashMap<>();
    private final Map<String, Requested> clusters = new ConcurrentHashMap<>();
    private final List<Consumer<DemoFleet.Member>> listeners = new CopyOnWriteArrayList<>();

    private record Requested(DemoFleetSpec.Spoke spoke, DemoCluster cluster, DemoWriter writer) {}

    /**
     * @param described the spokes of the fleet description, which the other controllers play
     */
    DemoSpokeRequests(DemoWriter hub, Set<String> described, String kubernetesVersion) {
        this.hub = hub;
        this.described = Set.copyOf(described);
        this.kubernetesVersion = kubernetesVersion;
    }

    /** The catalog's claim guardrails as ValidatingAdmissionPolicies on the demo hub. */
    void seedGuardrails() {
        PolicyCatalog catalog = PolicyCatalog.load();
        for (String id : GUARDRAILS) {
            PolicySelection s =
                    PolicySelection.ofDefaults(catalog.entry(id).orElseThrow(), Selections.DEFAULT_EXCLUDED);
            if (id.equals("validate-cluster-name")) {
                s = s.withValue("prefixes", List.of("dev-", "test-", "spoke-"));
            }
            PolicyRenderer.RenderedRules rules = PolicyRenderer.rules(s);
            List<Object> validations = new ArrayList<>();
            rules.validations()
                    .forEach(v -> validations.add(map("expression", v.expression(), "message", v.message())));
            hub.createIfAbsent(Manifests.of(
                            "admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", null, "backstack-" + id)
                    .label("app.kubernetes.io/part-of", "backstack-demo")
                    .spec(map(
                            "failurePolicy",
                            "Fail",
                            "matchConstraints",
                            map(
                                    "resourceRules",
                                    list(map(
                                            "apiGroups",
                                            list("backstack.dev"),
                                            "apiVersions",
                                            list("v1alpha1"),
                                            "operations",
                                            list("CREATE", "UPDATE"),
                                            "resources",
                                            list("aksclusters", "eksclusters")))),
                            "validations",
                            validations))
                    .build());
        }
    }

    /** Called for each spoke cluster the simulation starts, once it serves. */
    void onNewSpoke(Consumer<DemoFleet.Member> listener) {
        listeners.add(listener);
    }

    List<DemoFleet.Member> members() {
        List<DemoFleet.Member> out = new ArrayList<>();
        clusters.values()
                .forEach(r -> out.add(new DemoFleet.Member(
                        r.cluster().name(),
                        ClusterRole.SPOKE,
                        r.cluster().url(),
                        r.cluster().client())));
        return out;
    }

    DemoCluster cluster(String name) {
        Requested r = clusters.get(name);
        return r == null ? null : r.cluster();
    }

    /** One pass at {@code t} ticks. Never throws. */
    void tick(int t) {
        try {
            for (String kind : List.of("AKSCluster", "EKSCluster")) {
                for (GenericKubernetesResource claim : hub.list(GROUP, kind)) {
                    String id = id(claim);
                    if (!described.contains(id) && claim.getMetadata().getDeletionTimestamp() == null) {
                        bringUp(claim, id, t - firstSeen.computeIfAbsent(id, k -> t), t);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("demo spoke request pass at t={} incomplete: {}", t, e.getMessage());
        }
    }

    private void bringUp(GenericKubernetesResource claim, String id, int age, int t) {
        String kind = claim.getKind();
        String ns = claim.getMetadata().getNamespace();
        String name = claim.getMetadata().getName();
        String xr = name + "-"
                + Integer.toHexString(Math.abs(id.hashCode()) % 0xfffff + 0x10000)
                        .substring(0, 5);
        List<String> resources = kind.equals("AKSCluster") ? AKS_RESOURCES : EKS_RESOURCES;
        List<Object> refs = new ArrayList<>();
        resources.forEach(r -> refs.add(
                map("apiVersion", managedApiVersion(kind), "kind", managedKind(kind, r), "name", xr + "-" + r)));
        if (hub.createIfAbsent(Manifests.of(GROUP, "X" + kind, null, xr)
                .label("crossplane.io/claim-name", name)
                .label("crossplane.io/claim-namespace", ns)
                .spec(map(
                        "parameters",
                        parameters(claim),
                        "resourceRefs",
                        refs,
                        "claimRef",
                        map("apiVersion", GROUP, "kind", kind, "name", name, "namespace", ns)))
                .build())) {
            LOG.info("simulated Crossplane: claim {}/{} composed X{} {}", ns, name, kind, xr);
            bind(kind, ns, name, xr);
        }
        boolean ready = age >= READY;
        int readyCount = Math.min(resources.size(), Math.max(0, age * resources.size() / READY));
        String unready = String.join(", ", resources.subList(readyCount, resources.size()));
        String published = ready && age >= PUBLISHED
                ? publishedAt.computeIfAbsent(
                        id,
                        k -> java.time.Instant.now()
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString())
                : null;
        Map<String, Object> status = map(
                "conditions",
                list(
                        condition("Synced", "True", "ReconcileSuccess", ""),
                        ready
                                ? condition("Ready", "True", "Available", "")
                                : condition("Ready", "False", "Creating", "Unready resources: " + unready)));
        if (published != null) {
            status.put("connectionDetails", map("lastPublishedTime", published));
        }
        hub.status(GROUP, "X" + kind, null, xr, cur -> status);
        Map<String, Object> claimStatus = map(
                "conditions",
                list(
                        condition("Synced", "True", "ReconcileSuccess", ""),
                        ready
                                ? condition("Ready", "True", "Available", "")
                                : condition(
                                        "Ready",
                                        "False",
                                        "Waiting",
                                        "Claim is waiting for composite resource to become Ready")));
        if (published != null) {
            claimStatus.put("connectionDetails", map("lastPublishedTime", published));
        }
        hub.status(GROUP, kind, ns, name, cur -> claimStatus);
        if (age < REGISTERED) {
            return;
        }
        Requested spoke = clusters.computeIfAbsent(id, k -> start(id, kind, claim));
        hub.createIfAbsent(clusterSecret(id, spoke.cluster().url()));
        for (String app : List.of(id + "-kyverno", id + "-kyverno-policies")) {
            hub.createIfAbsent(Manifests.of("argoproj.io/v1alpha1", "Application", "argocd", app)
                    .spec(map(
                            "project",
                            "default",
                            "destination",
                            map("server", spoke.cluster().url(), "namespace", "kyverno"),
                            "source",
                            map("repoURL", "https://github.com/example/backstack-gitops", "path", app)))
                    .build());
            boolean healthy = age >= APPS_HEALTHY;
            hub.status(
                    "argoproj.io/v1alpha1",
                    "Application",
                    "argocd",
                    app,
                    cur -> map(
                            "health", map("status", healthy ? "Healthy" : "Progressing"),
                            "sync", map("status", healthy ? "Synced" : "OutOfSync"),
                            "operationState",
                                    map(
                                            "phase",
                                            healthy ? "Succeeded" : "Running",
                                            "retryCount",
                                            0,
                                            "message",
                                            healthy
                                                    ? "successfully synced"
                                                    : "waiting for healthy state of apps/Deployment")));
        }
        boolean kyvernoUp = age >= APPS_HEALTHY;
        for (GenericKubernetesResource o :
                DemoSeed.component("kyverno", spoke.spoke().kyvernoPart())) {
            String ons = o.getMetadata().getNamespace();
            String oname = o.getMetadata().getName();
            if (o.getKind().equals("Pod")) {
                spoke.writer()
                        .status("v1", "Pod", ons, oname, cur -> DemoControllers.podStatus(cur, kyvernoUp, false, t));
            } else {
                spoke.writer()
                        .status(
                                "apps/v1",
                                o.getKind(),
                                ons,
                                oname,
                                cur -> DemoControllers.workloadStatus(o.getKind(), cur, kyvernoUp));
            }
        }
        for (String p : DemoSeed.SPOKE_POLICIES) {
            spoke.writer()
                    .status(
                            "kyverno.io/v1",
                            "ClusterPolicy",
                            null,
                            p,
                            cur -> map(
                                    "conditions",
                                    list(condition(
                                            "Ready",
                                            kyvernoUp ? "True" : "False",
                                            kyvernoUp ? "Succeeded" : "Pending",
                                            kyvernoUp ? "Ready" : "waiting for the admission controller"))));
        }
        if (kyvernoUp) {
            DemoReports.tick(spoke.writer(), spoke.spoke(), t, 1);
        }
    }

    private Requested start(String id, String kind, GenericKubernetesResource claim) {
        Object region = parameters(claim).get("region");
        DemoFleetSpec.Spoke s = new DemoFleetSpec.Spoke(
                id, kind, String.valueOf(region), kubernetesVersion, "v1.19.0", "healthy", false);
        DemoCluster c = new DemoCluster(id, kubernetesVersion);
        c.start();
        DemoWriter w = new DemoWriter(c.client());
        DemoFleet.seed(w, DemoSeed.spoke(s));
        Requested r = new Requested(s, c, w);
        LOG.info("simulated cloud: spoke {} is up at {}", id, c.url());
        DemoFleet.Member m = new DemoFleet.Member(id, ClusterRole.SPOKE, c.url(), c.client());
        for (Consumer<DemoFleet.Member> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                LOG.debug("listener refused spoke {}: {}", id, e.getMessage());
            }
        }
        return r;
    }

    private void bind(String kind, String ns, String name, String xr) {
        var op = hub.op(GROUP, kind, ns);
        GenericKubernetesResource claim = op.withName(name).get();
        if (claim == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) claim.getAdditionalProperties()
                .computeIfAbsent("spec", k -> new java.util.LinkedHashMap<String, Object>());
        spec.put("resourceRef", map("apiVersion", GROUP, "kind", "X" + kind, "name", xr));
        op.resource(claim).update();
    }

    private static GenericKubernetesResource clusterSecret(String id, String server) {
        return Manifests.of("v1", "Secret", "argocd", id)
                .label("argocd.argoproj.io/secret-type", "cluster")
                .label("clusterType", "spoke")
                .set("type", "Opaque")
                .set(
                        "data",
                        map(
                                "name",
                                b64(id),
                                "server",
                                b64(server),
                                "config",
                                b64(
                                        "{\"bearerToken\":\"demo-not-a-real-token\",\"tlsClientConfig\":{\"insecure\":false}}")))
                .build();
    }

    private static String id(GenericKubernetesResource claim) {
        Object id = parameters(claim).get("id");
        return id == null ? claim.getMetadata().getName() : String.valueOf(id);
    }

    private static Map<?, ?> parameters(GenericKubernetesResource claim) {
        Object spec = claim.getAdditionalProperties().get("spec");
        Object p = spec instanceof Map<?, ?> m ? m.get("parameters") : null;
        return p instanceof Map<?, ?> pm ? pm : Map.of();
    }

    private static String managedApiVersion(String kind) {
        return kind.equals("AKSCluster") ? "containerservice.azure.upbound.io/v1beta2" : "eks.aws.upbound.io/v1beta1";
    }

    private static String managedKind(String kind, String resource) {
        if (kind.equals("AKSCluster")) {
            return switch (resource) {
                case "resource-group" -> "ResourceGroup";
                case "virtual-network" -> "VirtualNetwork";
                case "node-subnet" -> "Subnet";
                default -> "KubernetesCluster";
            };
        }
        return switch (resource) {
            case "vpc" -> "VPC";
            case "subnet-a", "subnet-b" -> "Subnet";
            case "control-plane-role", "node-role" -> "Role";
            case "eks-cluster" -> "Cluster";
            default -> "NodeGroup";
        };
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        clusters.values().forEach(r -> r.cluster().close());
    }
}
