package dev.backstack.panel.installer.demo;

import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        op(obj.getApiVersion(), obj.getKind(), obj.getMetadata().getNamespace())
                .resource(obj)
                .create();
    }

    /** Creates the object unless one of that name exists; true when it created it. */
    boolean createIfAbsent(GenericKubernetesResource obj) {
        var op = op(obj.getApiVersion(), obj.getKind(), obj.getMetadata().getNamespace());
        if (op.withName(obj.getMetadata().getName()).get() != null) {
            return false;
        }
        try {
            op.resource(obj).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** Every object of the kind, in all namespaces for a namespaced kind. */
    List<GenericKubernetesResource> list(String apiVersion, String kind) {
        ResourceDefinitionContext ctx = context(apiVersion, kind);
        var all = client.genericKubernetesResources(ctx);
        return (ctx.isNamespaceScoped() ? all.inAnyNamespace().list() : all.list()).getItems();
    }

    /** Writes the status of an object just read, when it differs from the stored one. */
    void status(GenericKubernetesResource current, Map<String, Object> computed) {
        Map<String, Object> next = Transitions.stamp(
                current.getAdditionalProperties().get("status"),
                computed,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        if (sameJson(next, current.getAdditionalProperties().get("status"))) {
            return;
        }
        current.setAdditionalProperty("status", next);
        var op = op(
                current.getApiVersion(),
                current.getKind(),
                current.getMetadata().getNamespace());
        try {
            op.resource(current).updateStatus();
        } catch (KubernetesClientException e) {
            op.resource(current).update();
        }
    }

    /** Replaces an object's status with the one computed from its current state. */
    void status(
            String apiVersion,
            String kind,
            String namespace,
            String name,
            Function<GenericKubernetesResource, Map<String, Object>> status) {
        var op = op(apiVersion, kind, namespace);
        GenericKubernetesResource current = op.withName(name).get();
        if (current == null) {
            return;
        }
        Map<String, Object> next = Transitions.stamp(
                current.getAdditionalProperties().get("status"),
                status.apply(current),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        if (sameJson(next, current.getAdditionalProperties().get("status"))) {
            return;
        }
        current.setAdditionalProperty("status", next);
        try {
            op.resource(current).updateStatus();
        } catch (KubernetesClientException e) {
            op.resource(current).update();
        }
    }

    /**
     * Whether a computed status equals the stored one, compared as JSON: numbers read back from
     * the server are Integers where the controllers wrote Longs, so {@code Map.equals} saw a
     * change on every pass and every pass rewrote dozens of unchanged statuses (each a watch
     * event for every informer of the panel).
     */
    boolean sameJson(Object computed, Object stored) {
        var json = client.getKubernetesSerialization();
        return json.asJson(computed).equals(json.asJson(stored));
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

    /** The explicit context of a kind the panel knows, at the object's version (see {@link KindRegistry}). */
    static ResourceDefinitionContext context(String apiVersion, String kind) {
        return context(KindRegistry.standard().require(apiVersion, kind));
    }

    static ResourceDefinitionContext context(KindInfo k) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(k.group())
                .withVersion(k.version())
                .withKind(k.kind())
                .withPlural(k.plural())
                .withNamespaced(k.namespaced())
                .build();
    }
}
