package dev.backstack.panel.installer.apply;

import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.AnyNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Addresses objects through the {@link KindRegistry} instead of the API server's discovery, so
 * the same code works on a real API server, on one whose discovery is still catching up with a
 * CRD created a moment ago, and on the demo's simulated servers. Stateless.
 */
public final class KindOps {

    private KindOps() {}

    public static ResourceDefinitionContext context(KindInfo kind) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(kind.group())
                .withVersion(kind.version())
                .withKind(kind.kind())
                .withPlural(kind.plural())
                .withNamespaced(kind.namespaced())
                .build();
    }

    /** The objects of a kind in one namespace (ignored for cluster-scoped kinds); all namespaces when null. */
    public static AnyNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            op(KubernetesClient client, KindInfo kind, String namespace) {
        var all = client.genericKubernetesResources(context(kind));
        if (!kind.namespaced()) {
            return all;
        }
        return namespace == null ? all.inAnyNamespace() : all.inNamespace(namespace);
    }

    /** The objects of a kind in one namespace (required for namespaced kinds, ignored otherwise). */
    public static NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            in(KubernetesClient client, KindInfo kind, String namespace) {
        var all = client.genericKubernetesResources(context(kind));
        if (!kind.namespaced()) {
            return all;
        }
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException(kind.kind() + " is namespaced: a namespace is needed");
        }
        return all.inNamespace(namespace);
    }

    /** The one object, by kind, namespace and name. */
    public static Resource<GenericKubernetesResource> resource(
            KubernetesClient client, KindInfo kind, String namespace, String name) {
        return in(client, kind, namespace).withName(name);
    }

    /** The resource of an object about to be written, its kind resolved through the registry. */
    public static Resource<GenericKubernetesResource> resource(
            KubernetesClient client, KindRegistry kinds, GenericKubernetesResource object) {
        KindInfo kind = kinds.require(object.getApiVersion(), object.getKind());
        String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        return in(client, kind, ns).resource(object);
    }
}
