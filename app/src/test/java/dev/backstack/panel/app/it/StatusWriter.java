package dev.backstack.panel.app.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the controllers on a real API server: writes {@code /status} (or the whole object for
 * kinds without a status subresource, such as Argo CD Applications and PolicyReports).
 */
final class StatusWriter {

    private final KubernetesClient client;

    StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    static ResourceDefinitionContext ctx(String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }

    Resource<GenericKubernetesResource> resource(ResourceDefinitionContext ctx, String namespace, String name) {
        var op = client.genericKubernetesResources(ctx);
        return ctx.isNamespaceScoped() ? op.inNamespace(namespace).withName(name) : op.withName(name);
    }

    /** Sets the object's status; through /status when the kind has that subresource. */
    void status(ResourceDefinitionContext ctx, String namespace, String name, Map<String, Object> status) {
        Resource<GenericKubernetesResource> r = resource(ctx, namespace, name);
        try {
            r.editStatus(o -> {
                o.setAdditionalProperty("status", status);
                return o;
            });
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            r.edit(o -> {
                o.setAdditionalProperty("status", status);
                return o;
            });
        }
    }

    void deploymentAvailable(String namespace, String name, boolean available) {
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            long gen = d.getMetadata().getGeneration() == null
                    ? 1
                    : d.getMetadata().getGeneration();
            d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                    .withObservedGeneration(gen)
                    .withReplicas(1)
                    .withUpdatedReplicas(1)
                    .withReadyReplicas(available ? 1 : 0)
                    .withAvailableReplicas(available ? 1 : 0)
                    .build());
            return d;
        });
    }

    static Map<String, Object> conditions(Object... typeStatusReasonMessage) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < typeStatusReasonMessage.length; i += 4) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("type", typeStatusReasonMessage[i]);
            c.put("status", typeStatusReasonMessage[i + 1]);
            c.put("reason", typeStatusReasonMessage[i + 2]);
            c.put("message", typeStatusReasonMessage[i + 3]);
            c.put("lastTransitionTime", "2026-11-23T08:00:00Z");
            list.add(c);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("conditions", list);
        return status;
    }
}
