package dev.backstack.panel.installer.demo;

import dev.backstack.panel.installer.live.KindSpec;
import dev.backstack.panel.installer.live.WatchCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes demo objects and their statuses through a client with explicit resource contexts (the
 * mock API server has no discovery), the way the simulated controllers need.
 */
final class DemoWriter {

    private final KubernetesClient client;

    DemoWriter(KubernetesClient client) {
        this.client = client;
    }

    KubernetesClient client() {
        return client;
    }

    void create(GenericKubernetesResource obj) {
        op(obj.getApiVersion(), obj.getKind(), obj.getMetadata().getNamespace()).resource(obj).create();
    }

    /** Replaces an object's status with the one computed from its current state. */
    void status(String apiVersion, String kind, String namespace, String name,
            Function<GenericKubernetesResource, Map<String, Object>> status) {
        var op = op(apiVersion, kind, namespace);
        GenericKubernetesResource current = op.withName(name).get();
        if (current == null) {
            return;
        }
        Map<String, Object> next = status.apply(current);
        if (next.equals(current.getAdditionalProperties().get("status"))) {
            return;
        }
        current.setAdditionalProperty("status", next);
        try {
            op.resource(current).updateStatus();
        } catch (KubernetesClientException e) {
            op.resource(current).update();
        }
    }

    void delete(String apiVersion, String kind, String namespace, String name) {
        op(apiVersion, kind, namespace).withName(name).delete();
    }

    NonNamespaceOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> op(
            String apiVersion, String kind, String namespace) {
        ResourceDefinitionContext ctx = context(apiVersion, kind);
        var all = client.genericKubernetesResources(ctx);
        return ctx.isNamespaceScoped() ? all.inNamespace(namespace) : all;
    }

    static ResourceDefinitionContext context(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (kind.equals("CustomResourceDefinition")) {
            return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                    .withPlural("customresourcedefinitions").withNamespaced(false).build();
        }
        KindSpec spec = Stream.concat(WatchCatalog.builtIns().stream(), WatchCatalog.customs().stream())
                .filter(k -> k.kind().equals(kind) && k.group().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown demo kind " + apiVersion + " " + kind));
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(spec.plural()).withNamespaced(spec.namespaced()).build();
    }
}
