package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.rules.SpokeDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * What a BACK hub (or spoke) holds, as the kinds to watch: workloads and ingresses, pods in the
 * component namespaces, Argo CD cluster secrets, and the custom kinds of Crossplane, the BACK
 * Stack APIs, provider-helm, provider-kubernetes, Argo CD and Kyverno.
 */
public final class WatchCatalog {

    private WatchCatalog() {
    }

    /** Built-in kinds, started at once. */
    public static List<KindSpec> builtIns() {
        List<KindSpec> out = new ArrayList<>();
        out.add(KindSpec.builtIn("apps", "v1", "Deployment", "deployments", true));
        out.add(KindSpec.builtIn("apps", "v1", "StatefulSet", "statefulsets", true));
        out.add(KindSpec.builtIn("apps", "v1", "DaemonSet", "daemonsets", true));
        out.add(KindSpec.builtIn("networking.k8s.io", "v1", "Ingress", "ingresses", true));
        for (String ns : ComponentKind.allNamespaces()) {
            out.add(KindSpec.builtIn("", "v1", "Pod", "pods", true).inNamespace(ns));
        }
        out.add(KindSpec.builtIn("", "v1", "Secret", "secrets", true).inNamespace("argocd")
                .withLabels(SpokeDetector.SECRET_TYPE_LABEL + "=cluster"));
        return out;
    }

    /** Custom kinds, each started while its CRD is Established. */
    public static List<KindSpec> customs() {
        return List.of(
                KindSpec.custom("pkg.crossplane.io", "Provider", "providers", false),
                KindSpec.custom("pkg.crossplane.io", "Function", "functions", false),
                KindSpec.custom("pkg.crossplane.io", "Configuration", "configurations", false),
                KindSpec.custom("apiextensions.crossplane.io", "CompositeResourceDefinition",
                        "compositeresourcedefinitions", false),
                KindSpec.custom("helm.crossplane.io", "Release", "releases", false),
                KindSpec.custom("kubernetes.crossplane.io", "Object", "objects", false),
                KindSpec.custom("backstack.dev", "Hub", "hubs", true),
                KindSpec.custom("backstack.dev", "XHub", "xhubs", false),
                KindSpec.custom("backstack.dev", "AKSCluster", "aksclusters", true),
                KindSpec.custom("backstack.dev", "EKSCluster", "eksclusters", true),
                KindSpec.custom("backstack.dev", "XAKSCluster", "xaksclusters", false),
                KindSpec.custom("backstack.dev", "XEKSCluster", "xeksclusters", false),
                KindSpec.custom("argoproj.io", "Application", "applications", true),
                KindSpec.custom("argoproj.io", "ApplicationSet", "applicationsets", true),
                KindSpec.custom("kyverno.io", "ClusterPolicy", "clusterpolicies", false),
                KindSpec.custom("kyverno.io", "Policy", "policies", true),
                KindSpec.custom("wgpolicyk8s.io", "PolicyReport", "policyreports", true),
                KindSpec.custom("wgpolicyk8s.io", "ClusterPolicyReport", "clusterpolicyreports", false));
    }
}
