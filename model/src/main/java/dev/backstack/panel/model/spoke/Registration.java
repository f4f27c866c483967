package dev.backstack.panel.model.spoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Registering an existing cluster as a spoke: the kubeconfig context that reaches it, the name
 * Argo CD will know it by, and the ServiceAccount the panel creates on it for Argo CD.
 *
 * @param context        the kubeconfig context of the existing cluster (used only to create the
 *                       ServiceAccount; its credentials never leave the panel)
 * @param name           the spoke's name in Argo CD (the cluster secret's {@code name})
 * @param namespace      where the ServiceAccount and its token Secret live on the spoke
 * @param serviceAccount the ServiceAccount's name
 * @param clusterRole    the ClusterRole it is bound to (Argo CD needs {@code cluster-admin} to
 *                       deploy add-ons)
 */
public record Registration(String context, String name, String namespace, String serviceAccount, String clusterRole) {

    public static final String DEFAULT_NAMESPACE = "kube-system";
    public static final String DEFAULT_SERVICE_ACCOUNT = "backstack-argocd-manager";
    public static final String DEFAULT_CLUSTER_ROLE = "cluster-admin";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public Registration {
        Objects.requireNonNull(context, "context");
        name = name == null ? "" : name.trim();
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.trim();
        serviceAccount =
                serviceAccount == null || serviceAccount.isBlank() ? DEFAULT_SERVICE_ACCOUNT : serviceAccount.trim();
        clusterRole = clusterRole == null || clusterRole.isBlank() ? DEFAULT_CLUSTER_ROLE : clusterRole.trim();
    }

    public static Registration of(String context, String name) {
        return new Registration(context, name, null, null, null);
    }

    /** The token Secret's name on the spoke. */
    public String tokenSecret() {
        return serviceAccount + "-token";
    }

    /** The Argo CD cluster secret's name on the hub. */
    public String clusterSecret() {
        return "cluster-" + name;
    }

    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (context.isBlank()) {
            out.add("Choose the kubeconfig context of the cluster to register.");
        }
        if (name.isEmpty() || name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
            out.add("The spoke's name must be a DNS label (lower-case letters, digits and '-', at most 63): "
                    + (name.isEmpty() ? "it is empty" : name));
        }
        return out;
    }
}
