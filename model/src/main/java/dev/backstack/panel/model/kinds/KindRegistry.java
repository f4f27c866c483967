package dev.backstack.panel.model.kinds;

import dev.backstack.panel.model.KindRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of the Kubernetes kinds the panel reads or writes: the applier, the RBAC
 * preflight, the readiness waits, the live watch catalog and the demo all address kinds through
 * it, so none of them needs the API server's discovery. Immutable; safe on any thread.
 */
public final class KindRegistry {

    private static final KindRegistry STANDARD = new KindRegistry(standardKinds());

    private final Map<KindRef, KindInfo> byRef = new LinkedHashMap<>();

    private KindRegistry(Collection<KindInfo> kinds) {
        kinds.forEach(k -> byRef.put(k.ref(), k));
    }

    /** Every kind the panel knows. */
    public static KindRegistry standard() {
        return STANDARD;
    }

    /** The kind by group and kind name. */
    public Optional<KindInfo> find(KindRef ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** The kind of an object's {@code apiVersion} and {@code kind}, at that object's version. */
    public Optional<KindInfo> find(String apiVersion, String kind) {
        KindRef ref = KindRef.of(apiVersion, kind);
        String version = apiVersion == null ? "" : apiVersion.substring(apiVersion.indexOf('/') + 1);
        return find(ref).map(k -> version.isEmpty() || version.equals(k.version()) ? k : k.withVersion(version));
    }

    /** Like {@link #find(String, String)}, failing with a message that names the kind. */
    public KindInfo require(String apiVersion, String kind) {
        return find(apiVersion, kind)
                .orElseThrow(() ->
                        new IllegalArgumentException("the panel does not know kind " + kind + " in " + apiVersion));
    }

    public KindInfo require(KindRef ref) {
        return find(ref).orElseThrow(() -> new IllegalArgumentException("the panel does not know kind " + ref));
    }

    public List<KindInfo> all() {
        return List.copyOf(byRef.values());
    }

    private static List<KindInfo> standardKinds() {
        List<KindInfo> k = new ArrayList<>();
        // Built-in kinds.
        k.add(core("v1", "Namespace", "namespaces", false));
        k.add(core("v1", "ConfigMap", "configmaps", true));
        k.add(core("v1", "Secret", "secrets", true));
        k.add(core("v1", "ServiceAccount", "serviceaccounts", true));
        k.add(core("v1", "Service", "services", true));
        k.add(core("v1", "Pod", "pods", true));
        k.add(core("v1", "Event", "events", true));
        k.add(core("v1", "PersistentVolumeClaim", "persistentvolumeclaims", true));
        k.add(core("v1", "ResourceQuota", "resourcequotas", true));
        k.add(core("v1", "LimitRange", "limitranges", true));
        k.add(builtIn("apps", "v1", "Deployment", "deployments", true));
        k.add(builtIn("apps", "v1", "StatefulSet", "statefulsets", true));
        k.add(builtIn("apps", "v1", "DaemonSet", "daemonsets", true));
        k.add(builtIn("batch", "v1", "Job", "jobs", true));
        k.add(builtIn("networking.k8s.io", "v1", "Ingress", "ingresses", true));
        k.add(builtIn("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false));
        k.add(builtIn("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true));
        k.add(builtIn("storage.k8s.io", "v1", "StorageClass", "storageclasses", false));
        k.add(builtIn("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false));
        k.add(builtIn("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false));
        k.add(builtIn("rbac.authorization.k8s.io", "v1", "Role", "roles", true));
        k.add(builtIn("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true));
        k.add(builtIn("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false));
        k.add(builtIn(
                "admissionregistration.k8s.io",
                "v1",
                "ValidatingWebhookConfiguration",
                "validatingwebhookconfigurations",
                false));
        k.add(builtIn(
                "admissionregistration.k8s.io",
                "v1",
                "MutatingWebhookConfiguration",
                "mutatingwebhookconfigurations",
                false));
        k.add(builtIn(
                "admissionregistration.k8s.io",
                "v1",
                "ValidatingAdmissionPolicy",
                "validatingadmissionpolicies",
                false));
        k.add(builtIn(
                "admissionregistration.k8s.io",
                "v1",
                "ValidatingAdmissionPolicyBinding",
                "validatingadmissionpolicybindings",
                false));
        // Crossplane core.
        k.add(crd("pkg.crossplane.io", "v1", "Provider", "providers", false));
        k.add(crd("pkg.crossplane.io", "v1", "Function", "functions", false));
        k.add(crd("pkg.crossplane.io", "v1", "Configuration", "configurations", false));
        k.add(crd("pkg.crossplane.io", "v1", "ProviderRevision", "providerrevisions", false));
        k.add(crd("pkg.crossplane.io", "v1beta1", "DeploymentRuntimeConfig", "deploymentruntimeconfigs", false));
        k.add(crd("pkg.crossplane.io", "v1beta1", "ImageConfig", "imageconfigs", false));
        k.add(crd(
                "apiextensions.crossplane.io",
                "v1",
                "CompositeResourceDefinition",
                "compositeresourcedefinitions",
                false));
        k.add(crd("apiextensions.crossplane.io", "v1", "Composition", "compositions", false));
        // Crossplane providers the BACK Stack uses.
        k.add(crd("helm.crossplane.io", "v1beta1", "Release", "releases", false));
        k.add(crd("helm.crossplane.io", "v1beta1", "ProviderConfig", "providerconfigs", false));
        k.add(crd("kubernetes.crossplane.io", "v1alpha2", "Object", "objects", false));
        k.add(crd("kubernetes.crossplane.io", "v1alpha1", "ProviderConfig", "providerconfigs", false));
        k.add(crd("aws.upbound.io", "v1beta1", "ProviderConfig", "providerconfigs", false));
        k.add(crd("azure.upbound.io", "v1beta1", "ProviderConfig", "providerconfigs", false));
        // The BACK Stack APIs.
        k.add(crd("backstack.dev", "v1alpha1", "Hub", "hubs", true));
        k.add(crd("backstack.dev", "v1alpha1", "XHub", "xhubs", false));
        k.add(crd("backstack.dev", "v1alpha1", "AKSCluster", "aksclusters", true));
        k.add(crd("backstack.dev", "v1alpha1", "EKSCluster", "eksclusters", true));
        k.add(crd("backstack.dev", "v1alpha1", "XAKSCluster", "xaksclusters", false));
        k.add(crd("backstack.dev", "v1alpha1", "XEKSCluster", "xeksclusters", false));
        // Argo CD.
        k.add(crd("argoproj.io", "v1alpha1", "Application", "applications", true));
        k.add(crd("argoproj.io", "v1alpha1", "ApplicationSet", "applicationsets", true));
        k.add(crd("argoproj.io", "v1alpha1", "AppProject", "appprojects", true));
        // Kyverno and its reports.
        k.add(crd("kyverno.io", "v1", "ClusterPolicy", "clusterpolicies", false));
        k.add(crd("kyverno.io", "v1", "Policy", "policies", true));
        k.add(crd("policies.kyverno.io", "v1", "ValidatingPolicy", "validatingpolicies", false));
        k.add(crd("policies.kyverno.io", "v1", "GeneratingPolicy", "generatingpolicies", false));
        k.add(crd("wgpolicyk8s.io", "v1alpha2", "PolicyReport", "policyreports", true));
        k.add(crd("wgpolicyk8s.io", "v1alpha2", "ClusterPolicyReport", "clusterpolicyreports", false));
        k.add(crd("openreports.io", "v1alpha1", "Report", "reports", true));
        k.add(crd("openreports.io", "v1alpha1", "ClusterReport", "clusterreports", false));
        // Ingress and TLS.
        k.add(crd("gateway.networking.k8s.io", "v1", "GatewayClass", "gatewayclasses", false));
        k.add(crd("gateway.networking.k8s.io", "v1", "Gateway", "gateways", true));
        k.add(crd("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true));
        k.add(crd("cert-manager.io", "v1", "ClusterIssuer", "clusterissuers", false));
        k.add(crd("cert-manager.io", "v1", "Certificate", "certificates", true));
        return k;
    }

    private static KindInfo core(String version, String kind, String plural, boolean namespaced) {
        return new KindInfo("", version, kind, plural, namespaced, true);
    }

    private static KindInfo builtIn(String group, String version, String kind, String plural, boolean namespaced) {
        return new KindInfo(group, version, kind, plural, namespaced, true);
    }

    private static KindInfo crd(String group, String version, String kind, String plural, boolean namespaced) {
        return new KindInfo(group, version, kind, plural, namespaced, false);
    }
}
