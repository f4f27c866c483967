package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.live.KindSpec;
import dev.backstack.panel.installer.live.WatchCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The objects of the demo fleet as they are first created: everything installed, nothing ready
 * yet. {@link DemoControllers} then moves them along as the real controllers would.
 */
final class DemoSeed {

    static final String HUB_CLAIM = "hub";
    static final String XHUB = "hub-x7k2p";
    static final List<String> PROVIDERS = List.of(
            "crossplane-contrib-provider-helm",
            "crossplane-contrib-provider-kubernetes",
            "upbound-provider-family-aws",
            "upbound-provider-aws-ec2",
            "upbound-provider-aws-eks",
            "upbound-provider-aws-iam",
            "upbound-provider-family-azure",
            "upbound-provider-azure-containerservice",
            "upbound-provider-azure-network");
    static final List<String> SPOKE_POLICIES = List.of(
            "disallow-privileged-containers",
            "disallow-host-namespaces",
            "disallow-host-path",
            "require-run-as-nonroot",
            "require-ro-rootfs",
            "require-requests-limits");
    static final List<String> HUB_POLICIES = List.of("limit-node-count", "restrict-node-size", "validate-cluster-name");

    private DemoSeed() {}

    /** Minimal CRDs for every custom kind the engine watches, already Established. */
    static List<GenericKubernetesResource> crds() {
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (KindSpec k : WatchCatalog.customs()) {
            String version = switch (k.group()) {
                case "pkg.crossplane.io", "apiextensions.crossplane.io", "kyverno.io" -> "v1";
                case "helm.crossplane.io" -> "v1beta1";
                case "wgpolicyk8s.io" -> "v1alpha2";
                default -> "v1alpha1";
            };
            out.add(Manifests.of("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, k.crdName())
                    .spec(map(
                            "group",
                            k.group(),
                            "scope",
                            k.namespaced() ? "Namespaced" : "Cluster",
                            "names",
                            map(
                                    "kind",
                                    k.kind(),
                                    "plural",
                                    k.plural(),
                                    "singular",
                                    k.kind().toLowerCase(),
                                    "listKind",
                                    k.kind() + "List"),
                            "versions",
                            list(map(
                                    "name",
                                    version,
                                    "served",
                                    true,
                                    "storage",
                                    true,
                                    "schema",
                                    map(
                                            "openAPIV3Schema",
                                            map("type", "object", "x-kubernetes-preserve-unknown-fields", true))))))
                    .status(map(
                            "conditions",
                            list(Manifests.condition(
                                    "Established",
                                    "True",
                                    "InitialNamesAccepted",
                                    "the initial names have been accepted"))))
                    .build());
        }
        return out;
    }

    static List<GenericKubernetesResource> hub(DemoFleetSpec spec, Map<String, String> spokeServers) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        DemoFleetSpec.Hub hub = spec.hub();
        hub.components().forEach((key, part) -> out.addAll(component(key, part)));
        out.add(ingress("argocd", "argocd-server", hub.hosts().get("argocd")));
        out.add(ingress("backstage", "backstage", hub.hosts().get("backstage")));
        out.add(ingress("vault", "vault", hub.hosts().get("vault")));
        out.addAll(crossplane(hub));
        out.addAll(argo(spec, spokeServers));
        for (String p : HUB_POLICIES) {
            out.add(policy(p, "Enforce"));
        }
        out.add(Manifests.of("wgpolicyk8s.io/v1alpha2", "PolicyReport", "default", "cpol-claims")
                .build());
        for (DemoFleetSpec.Spoke s : spec.spokes()) {
            String group = "backstack.dev/v1alpha1";
            out.add(Manifests.of(group, s.claim(), "default", s.name())
                    .spec(map(
                            "parameters",
                            map(
                                    "id",
                                    s.name(),
                                    "region",
                                    s.region(),
                                    "version",
                                    "1.31",
                                    "nodes",
                                    map("count", 2, "instanceType", "Standard_D2s_v3")),
                            "writeConnectionSecretToRef",
                            map("name", s.name() + "-kubeconfig"),
                            "resourceRef",
                            map("apiVersion", group, "kind", "X" + s.claim(), "name", s.name() + "-c8v4d")))
                    .build());
            out.add(Manifests.of(group, "X" + s.claim(), null, s.name() + "-c8v4d")
                    .spec(map())
                    .build());
        }
        return out;
    }

    static List<GenericKubernetesResource> spoke(DemoFleetSpec.Spoke spoke) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        out.addAll(component("kyverno", spoke.kyvernoPart()));
        out.addAll(DemoWorkloads.pods(spoke.name()));
        for (String p : SPOKE_POLICIES) {
            out.add(policy(p, p.startsWith("disallow") ? "Enforce" : "Audit"));
        }
        out.addAll(DemoReports.seed(spoke));
        return out;
    }

    static List<GenericKubernetesResource> component(String key, DemoFleetSpec.Part part) {
        List<String> names = switch (key) {
            case "argocd" -> List.of("argocd-server", "argocd-repo-server", "argocd-applicationset-controller");
            case "crossplane" -> List.of("crossplane", "crossplane-rbac-manager");
            case "kyverno" ->
                List.of("kyverno-admission-controller", "kyverno-background-controller", "kyverno-reports-controller");
            case "ingress" -> List.of("ingress-nginx-controller");
            case "certManager" -> List.of("cert-manager", "cert-manager-webhook", "cert-manager-cainjector");
            case "vault" -> List.of("vault");
            default -> List.of(key);
        };
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (String name : names) {
            String kind = "vault".equals(name) ? "StatefulSet" : "Deployment";
            Map<String, Object> selector = map("app.kubernetes.io/name", name);
            out.add(Manifests.of("apps/v1", kind, part.namespace(), name)
                    .label("app.kubernetes.io/name", name)
                    .label("app.kubernetes.io/version", part.appVersion())
                    .label("app.kubernetes.io/managed-by", "Helm")
                    .label("app.kubernetes.io/instance", part.chart())
                    .label("helm.sh/chart", part.chart() + "-" + part.chartVersion())
                    .spec(map(
                            "replicas",
                            1,
                            "selector",
                            map("matchLabels", selector),
                            "template",
                            map(
                                    "metadata",
                                    map("labels", selector),
                                    "spec",
                                    map(
                                            "containers",
                                            list(map(
                                                    "name",
                                                    name,
                                                    "image",
                                                    "registry.example/" + name + ":" + part.appVersion()))))))
                    .build());
            out.add(Manifests.of("v1", "Pod", part.namespace(), podName(kind, name))
                    .label("app.kubernetes.io/name", name)
                    .spec(map(
                            "containers",
                            list(map(
                                    "name",
                                    name.replace("-controller", ""),
                                    "image",
                                    "registry.example/" + name + ":" + part.appVersion()))))
                    .status(map("phase", "Pending"))
                    .build());
        }
        return out;
    }

    /**
     * The name a controller would give the workload's one pod: {@code vault-0} for a StatefulSet, a
     * Deployment's {@code name-<template hash>-<random>}, here derived from the name so each pod
     * has its own and keeps it across runs.
     */
    static String podName(String kind, String workload) {
        if (kind.equals("StatefulSet")) {
            return workload + "-0";
        }
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long h = Integer.toUnsignedLong(workload.hashCode()) * 2_654_435_761L + 97;
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            hash.append(alphabet.charAt((int) (h % alphabet.length())));
            h = h / alphabet.length() + (long) (i + 1) * 40_503;
            if (i == 9) {
                hash.append('-');
            }
        }
        return workload + "-" + hash;
    }

    private static GenericKubernetesResource ingress(String ns, String name, String host) {
        return Manifests.of("networking.k8s.io/v1", "Ingress", ns, name)
                .spec(map(
                        "ingressClassName",
                        "nginx",
                        "rules",
                        list(map("host", host)),
                        "tls",
                        list(map("hosts", list(host), "secretName", name + "-tls"))))
                .build();
    }

    private static List<GenericKubernetesResource> crossplane(DemoFleetSpec.Hub hub) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (String p : PROVIDERS) {
            out.add(Manifests.of("pkg.crossplane.io/v1", "Provider", null, p)
                    .spec(map("package", "xpkg.upbound.io/" + p.replaceFirst("-", "/") + ":v0.46.1"))
                    .build());
        }
        out.add(Manifests.of(
                        "pkg.crossplane.io/v1beta1",
                        "Function",
                        null,
                        "crossplane-contrib-function-patch-and-transform")
                .spec(map("package", "xpkg.upbound.io/crossplane-contrib/function-patch-and-transform:v0.2.1"))
                .build());
        out.add(Manifests.of("pkg.crossplane.io/v1", "Configuration", null, "back-stack")
                .spec(map("package", "ghcr.io/back-stack/showcase-configuration:latest"))
                .build());
        for (String xrd : List.of("xhubs", "xaksclusters", "xeksclusters")) {
            out.add(Manifests.of(
                            "apiextensions.crossplane.io/v1",
                            "CompositeResourceDefinition",
                            null,
                            xrd + ".backstack.dev")
                    .spec(map("group", "backstack.dev"))
                    .build());
        }
        List<Object> refs = new ArrayList<>();
        hub.components().forEach((key, part) -> {
            if (List.of("argocd", "backstage", "kyverno", "certManager", "vault")
                    .contains(key)) {
                String name = XHUB + "-" + part.chart();
                refs.add(map("apiVersion", "helm.crossplane.io/v1beta1", "kind", "Release", "name", name));
                out.add(Manifests.of("helm.crossplane.io/v1beta1", "Release", null, name)
                        .label("crossplane.io/composite", XHUB)
                        .spec(map(
                                "forProvider",
                                map(
                                        "namespace",
                                        part.namespace(),
                                        "chart",
                                        map("name", part.chart(), "version", part.chartVersion())),
                                "providerConfigRef",
                                map("name", "local")))
                        .build());
            }
        });
        out.add(Manifests.of("backstack.dev/v1alpha1", "Hub", "default", HUB_CLAIM)
                .spec(map(
                        "parameters",
                        map(
                                "clusterId",
                                "local",
                                "repository",
                                "https://github.com/example/backstack-gitops",
                                "backstage",
                                map("host", hub.hosts().get("backstage")),
                                "argocd",
                                map("host", hub.hosts().get("argocd")),
                                "vault",
                                map("host", hub.hosts().get("vault"))),
                        "resourceRef",
                        map("apiVersion", "backstack.dev/v1alpha1", "kind", "XHub", "name", XHUB)))
                .build());
        out.add(Manifests.of("backstack.dev/v1alpha1", "XHub", null, XHUB)
                .spec(map("resourceRefs", refs))
                .build());
        return out;
    }

    private static List<GenericKubernetesResource> argo(DemoFleetSpec spec, Map<String, String> spokeServers) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        out.add(clusterSecret("hub", "https://kubernetes.default.svc", false));
        out.add(application("apps-from-hub", "https://kubernetes.default.svc", "default"));
        out.add(application("clusters-from-hub", "https://kubernetes.default.svc", "default"));
        for (String set : List.of("kyverno", "kyverno-policies")) {
            out.add(Manifests.of("argoproj.io/v1alpha1", "ApplicationSet", "argocd", set)
                    .spec(map(
                            "generators",
                            list(map("clusters", map("selector", map("matchLabels", map("clusterType", "spoke")))))))
                    .build());
        }
        for (DemoFleetSpec.Spoke s : spec.spokes()) {
            String server = spokeServers.get(s.name());
            out.add(clusterSecret(s.name(), server, true));
            out.add(application(s.name() + "-kyverno", server, "kyverno"));
            out.add(application(s.name() + "-kyverno-policies", server, "kyverno"));
        }
        return out;
    }

    private static GenericKubernetesResource application(String name, String server, String namespace) {
        return Manifests.of("argoproj.io/v1alpha1", "Application", "argocd", name)
                .spec(map(
                        "project",
                        "default",
                        "destination",
                        map("server", server, "namespace", namespace),
                        "source",
                        map("repoURL", "https://github.com/example/backstack-gitops", "path", name)))
                .build();
    }

    private static GenericKubernetesResource clusterSecret(String name, String server, boolean spoke) {
        Manifests m = Manifests.of("v1", "Secret", "argocd", name)
                .label("argocd.argoproj.io/secret-type", "cluster")
                .set("type", "Opaque")
                .set(
                        "data",
                        map(
                                "name",
                                b64(name),
                                "server",
                                b64(server),
                                "config",
                                b64(
                                        "{\"bearerToken\":\"demo-not-a-real-token\",\"tlsClientConfig\":{\"insecure\":false}}")));
        return spoke ? m.label("clusterType", "spoke").build() : m.build();
    }

    private static GenericKubernetesResource policy(String name, String mode) {
        return Manifests.of("kyverno.io/v1", "ClusterPolicy", null, name)
                .spec(map(
                        "validationFailureAction",
                        mode,
                        "background",
                        true,
                        "rules",
                        list(map(
                                "name", name, "match", map("any", list(map("resources", map("kinds", list("Pod")))))))))
                .build();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
