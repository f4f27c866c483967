package dev.backstack.panel.model;

/** The kinds the panel reads, by API group and kind. */
public final class Kinds {

    public static final KindRef CRD = new KindRef("apiextensions.k8s.io", "CustomResourceDefinition");
    public static final KindRef NAMESPACE = new KindRef("", "Namespace");
    public static final KindRef SECRET = new KindRef("", "Secret");
    public static final KindRef POD = new KindRef("", "Pod");
    public static final KindRef EVENT = new KindRef("", "Event");
    public static final KindRef DEPLOYMENT = new KindRef("apps", "Deployment");
    public static final KindRef STATEFUL_SET = new KindRef("apps", "StatefulSet");
    public static final KindRef DAEMON_SET = new KindRef("apps", "DaemonSet");
    public static final KindRef INGRESS = new KindRef("networking.k8s.io", "Ingress");

    public static final KindRef PROVIDER = new KindRef("pkg.crossplane.io", "Provider");
    public static final KindRef FUNCTION = new KindRef("pkg.crossplane.io", "Function");
    public static final KindRef CONFIGURATION = new KindRef("pkg.crossplane.io", "Configuration");
    public static final KindRef PROVIDER_REVISION = new KindRef("pkg.crossplane.io", "ProviderRevision");
    public static final KindRef XRD = new KindRef("apiextensions.crossplane.io", "CompositeResourceDefinition");
    public static final KindRef RELEASE = new KindRef("helm.crossplane.io", "Release");
    public static final KindRef K8S_OBJECT = new KindRef("kubernetes.crossplane.io", "Object");

    public static final KindRef HUB = new KindRef("backstack.dev", "Hub");
    public static final KindRef XHUB = new KindRef("backstack.dev", "XHub");
    public static final KindRef AKS_CLUSTER = new KindRef("backstack.dev", "AKSCluster");
    public static final KindRef EKS_CLUSTER = new KindRef("backstack.dev", "EKSCluster");
    public static final KindRef XAKS_CLUSTER = new KindRef("backstack.dev", "XAKSCluster");
    public static final KindRef XEKS_CLUSTER = new KindRef("backstack.dev", "XEKSCluster");

    public static final KindRef APPLICATION = new KindRef("argoproj.io", "Application");
    public static final KindRef APPLICATION_SET = new KindRef("argoproj.io", "ApplicationSet");

    public static final KindRef CLUSTER_POLICY = new KindRef("kyverno.io", "ClusterPolicy");
    public static final KindRef POLICY = new KindRef("kyverno.io", "Policy");
    public static final KindRef VALIDATING_POLICY = new KindRef("policies.kyverno.io", "ValidatingPolicy");
    public static final KindRef POLICY_REPORT = new KindRef("wgpolicyk8s.io", "PolicyReport");
    public static final KindRef CLUSTER_POLICY_REPORT = new KindRef("wgpolicyk8s.io", "ClusterPolicyReport");
    public static final KindRef REPORT = new KindRef("openreports.io", "Report");
    public static final KindRef CLUSTER_REPORT = new KindRef("openreports.io", "ClusterReport");

    private Kinds() {}
}
