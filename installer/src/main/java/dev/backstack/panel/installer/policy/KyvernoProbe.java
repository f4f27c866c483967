package dev.backstack.panel.installer.policy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads which Kyverno a cluster runs, from its admission controller's Deployment: the
 * {@code app.kubernetes.io/version} label the chart sets, else the tag of the {@code kyverno}
 * image. Blocking (one or two list calls); call it off the FX thread.
 */
public final class KyvernoProbe {

    static final String ADMISSION = "kyverno-admission-controller";
    private static final List<String> NAMES = List.of(ADMISSION, "kyverno");

    private KyvernoProbe() {}

    /** The version (such as {@code v1.19.0}), or empty when no Kyverno is found or it cannot be read. */
    public static Optional<String> version(KubernetesClient client) {
        try {
            for (String ns : List.of("kyverno", "kyverno-system")) {
                for (String name : NAMES) {
                    Deployment d = client.apps()
                            .deployments()
                            .inNamespace(ns)
                            .withName(name)
                            .get();
                    if (d != null) {
                        return of(d);
                    }
                }
            }
            return client
                    .apps()
                    .deployments()
                    .inAnyNamespace()
                    .withLabel("app.kubernetes.io/part-of", "kyverno")
                    .list()
                    .getItems()
                    .stream()
                    .filter(d -> d.getMetadata().getName().contains("admission"))
                    .findFirst()
                    .flatMap(KyvernoProbe::of);
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    static Optional<String> of(Deployment d) {
        Map<String, String> labels = d.getMetadata().getLabels();
        String label = labels == null ? null : labels.get("app.kubernetes.io/version");
        if (label != null && !label.isBlank()) {
            return Optional.of(label);
        }
        if (d.getSpec() == null || d.getSpec().getTemplate().getSpec() == null) {
            return Optional.empty();
        }
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(Container::getImage)
                .filter(i -> i != null && i.contains("kyverno") && i.lastIndexOf(':') > i.lastIndexOf('/'))
                .map(i -> i.substring(i.lastIndexOf(':') + 1))
                .findFirst();
    }
}
