package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.spoke.Registration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a registration. On the spoke: a ServiceAccount for Argo CD, its
 * ClusterRoleBinding, and a {@code kubernetes.io/service-account-token} Secret that the spoke's
 * token controller fills. On the hub: the Argo CD cluster secret ({@code argocd} namespace,
 * labelled {@code argocd.argoproj.io/secret-type: cluster} and {@code clusterType: spoke}) whose
 * {@code config} carries that token and the spoke's CA, never the user's own credentials. Pure.
 */
public final class RegistrationObjects {

    public static final String ARGOCD_NAMESPACE = "argocd";
    public static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";
    public static final String CLUSTER_TYPE_LABEL = "clusterType";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** What the preview shows instead of the token and CA, which are read from the spoke when the step runs. */
    public static final String TOKEN_PLACEHOLDER = "<the ServiceAccount's token, read from the spoke when applied>";

    private RegistrationObjects() {}

    /** The spoke's objects, in the order they are applied. */
    public static List<GenericKubernetesResource> spokeObjects(Registration r) {
        return List.of(serviceAccount(r), clusterRoleBinding(r), tokenSecret(r));
    }

    static GenericKubernetesResource serviceAccount(Registration r) {
        return Manifests.of("v1", "ServiceAccount", r.namespace(), r.serviceAccount())
                .label(MANAGED_BY, "backstack-panel")
                .build();
    }

    static GenericKubernetesResource clusterRoleBinding(Registration r) {
        return Manifests.of("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, r.serviceAccount())
                .label(MANAGED_BY, "backstack-panel")
                .set(
                        "roleRef",
                        Manifests.map(
                                "apiGroup",
                                "rbac.authorization.k8s.io",
                                "kind",
                                "ClusterRole",
                                "name",
                                r.clusterRole()))
                .set(
                        "subjects",
                        Manifests.list(Manifests.map(
                                "kind", "ServiceAccount", "name", r.serviceAccount(), "namespace", r.namespace())))
                .build();
    }

    static GenericKubernetesResource tokenSecret(Registration r) {
        return Manifests.of("v1", "Secret", r.namespace(), r.tokenSecret())
                .label(MANAGED_BY, "backstack-panel")
                .annotation("kubernetes.io/service-account.name", r.serviceAccount())
                .set("type", "kubernetes.io/service-account-token")
                .build();
    }

    /**
     * The Argo CD cluster secret. {@code token} and {@code caData} (base64 PEM, may be empty) live
     * only in the returned object, which goes straight to the API server; previews redact it.
     */
    public static GenericKubernetesResource clusterSecret(Registration r, String server, String token, String caData) {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("insecure", false);
        if (caData != null && !caData.isEmpty()) {
            tls.put("caData", caData);
        }
        String config = configJson(token, tls);
        return Manifests.of("v1", "Secret", ARGOCD_NAMESPACE, r.clusterSecret())
                .label(SECRET_TYPE_LABEL, "cluster")
                .label(CLUSTER_TYPE_LABEL, "spoke")
                .label(MANAGED_BY, "backstack-panel")
                .set("type", "Opaque")
                .set("data", Manifests.map("name", b64(r.name()), "server", b64(server), "config", b64(config)))
                .build();
    }

    /** The cluster secret as the preview shows it: values redacted by the preview, the token a placeholder. */
    public static GenericKubernetesResource clusterSecretPreview(Registration r, String server) {
        return clusterSecret(r, server, TOKEN_PLACEHOLDER, "");
    }

    static String configJson(String token, Map<String, Object> tls) {
        StringBuilder s =
                new StringBuilder("{\"bearerToken\":\"").append(escape(token)).append("\",\"tlsClientConfig\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : tls.entrySet()) {
            s.append(first ? "" : ",").append('"').append(e.getKey()).append("\":");
            s.append(e.getValue() instanceof String v ? "\"" + escape(v) + "\"" : String.valueOf(e.getValue()));
            first = false;
        }
        return s.append("}}").toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
