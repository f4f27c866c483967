package dev.backstack.panel.installer.policy;

import dev.backstack.panel.model.policy.ResourceMatch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists every object of a kind across namespaces, a page at a time (so 10,000 pods are never one
 * response), as plain maps for the CEL evaluator. A continue token that expired mid-way (HTTP 410)
 * restarts the list once from the beginning. Blocking; call it off the FX thread.
 */
final class ObjectLister {

    static final long PAGE = 500;

    private final KubernetesClient client;

    ObjectLister(KubernetesClient client) {
        this.client = client;
    }

    /** Every object of the kind; an empty list when the kind is not served. */
    List<Map<String, Object>> list(ResourceMatch kind) throws InterruptedException {
        ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder()
                .withGroup(kind.group())
                .withVersion(kind.version())
                .withKind(kind.kind())
                .withPlural(kind.plural())
                .withNamespaced(kind.namespaced())
                .build();
        try {
            return pages(ctx);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_GONE) {
                return pages(ctx);
            }
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    private List<Map<String, Object>> pages(ResourceDefinitionContext ctx) throws InterruptedException {
        List<Map<String, Object>> out = new ArrayList<>();
        String next = null;
        do {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            ListOptions options =
                    new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build();
            var resources = client.genericKubernetesResources(ctx);
            GenericKubernetesResourceList page =
                    ctx.isNamespaceScoped() ? resources.inAnyNamespace().list(options) : resources.list(options);
            for (GenericKubernetesResource o : page.getItems()) {
                out.add(asMap(o));
            }
            next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(GenericKubernetesResource o) {
        return client.getKubernetesSerialization().convertValue(o, Map.class);
    }
}
