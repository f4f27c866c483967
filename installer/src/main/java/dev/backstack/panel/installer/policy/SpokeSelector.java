package dev.backstack.panel.installer.policy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Which spokes an ApplicationSet's cluster generator would select: the hub's Argo CD cluster
 * Secrets carrying every label of the selector, by the cluster name they declare. Reads only the
 * secrets' labels and {@code name} key. Blocking.
 */
public final class SpokeSelector {

    static final String SECRET_TYPE = "argocd.argoproj.io/secret-type";

    private SpokeSelector() {}

    public static List<String> matching(PolicyClusters clusters, Map<String, String> selector) {
        return clusters.target(clusters.hub())
                .map(t -> {
                    try {
                        return t
                                .client()
                                .secrets()
                                .inNamespace("argocd")
                                .withLabel(SECRET_TYPE, "cluster")
                                .withLabels(selector)
                                .list()
                                .getItems()
                                .stream()
                                .map(SpokeSelector::name)
                                .sorted()
                                .toList();
                    } catch (KubernetesClientException e) {
                        return List.<String>of();
                    }
                })
                .orElse(List.of());
    }

    private static String name(Secret s) {
        String encoded = s.getData() == null ? null : s.getData().get("name");
        return encoded == null
                ? s.getMetadata().getName()
                : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
