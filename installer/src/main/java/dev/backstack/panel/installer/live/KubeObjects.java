package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.rules.SpokeDetector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps fabric8 objects to the model's {@link KubeObject}. Secrets are reduced to the keys a rule
 * needs (an Argo CD cluster secret's {@code name} and {@code server}), so credentials never leave
 * the informer cache. Bodies are shared with the cache, which never mutates them.
 */
public final class KubeObjects {

    private KubeObjects() {}

    public static KubeObject from(GenericKubernetesResource r) {
        ObjectMeta m = r.getMetadata();
        Map<String, Object> body = "Secret".equals(r.getKind()) && "v1".equals(r.getApiVersion())
                ? secretBody(r)
                : r.getAdditionalProperties();
        List<KubeObject.OwnerRef> owners = m.getOwnerReferences() == null
                ? List.of()
                : m.getOwnerReferences().stream().map(KubeObjects::owner).toList();
        return new KubeObject(
                r.getApiVersion(),
                r.getKind(),
                m.getNamespace(),
                m.getName(),
                m.getUid(),
                m.getGeneration() == null ? 0 : m.getGeneration(),
                m.getCreationTimestamp(),
                m.getDeletionTimestamp(),
                m.getLabels(),
                m.getAnnotations(),
                owners,
                body);
    }

    private static KubeObject.OwnerRef owner(OwnerReference o) {
        return new KubeObject.OwnerRef(o.getKind(), o.getName(), o.getUid(), Boolean.TRUE.equals(o.getController()));
    }

    /** Only {@code cluster.name} and {@code cluster.server} of an Argo CD cluster secret. */
    static Map<String, Object> secretBody(GenericKubernetesResource secret) {
        Map<String, String> labels = secret.getMetadata().getLabels();
        if (labels == null || !"cluster".equals(labels.get(SpokeDetector.SECRET_TYPE_LABEL))) {
            return Map.of();
        }
        Object data = secret.getAdditionalProperties().get("data");
        Map<String, Object> cluster = new HashMap<>();
        if (data instanceof Map<?, ?> d) {
            decode(d.get("name")).ifPresent(v -> cluster.put("name", v));
            decode(d.get("server")).ifPresent(v -> cluster.put("server", v));
        }
        return Map.of("cluster", Map.copyOf(cluster));
    }

    private static java.util.Optional<String> decode(Object value) {
        if (!(value instanceof String s)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new String(Base64.getDecoder().decode(s.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
