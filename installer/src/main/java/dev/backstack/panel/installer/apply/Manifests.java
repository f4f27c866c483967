package dev.backstack.panel.installer.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the generic objects a plan applies, and reads YAML manifests shipped in
 * {@code resources}. Each builder makes one object; not thread-safe until {@link #build()}.
 */
public final class Manifests {

    private final GenericKubernetesResource r = new GenericKubernetesResource();

    private Manifests(String apiVersion, String kind, String namespace, String name) {
        r.setApiVersion(apiVersion);
        r.setKind(kind);
        ObjectMeta meta = new ObjectMeta();
        meta.setNamespace(namespace);
        meta.setName(name);
        r.setMetadata(meta);
    }

    public static Manifests of(String apiVersion, String kind, String namespace, String name) {
        return new Manifests(apiVersion, kind, namespace, name);
    }

    public Manifests label(String key, String value) {
        if (r.getMetadata().getLabels() == null) {
            r.getMetadata().setLabels(new LinkedHashMap<>());
        }
        r.getMetadata().getLabels().put(key, value);
        return this;
    }

    public Manifests annotation(String key, String value) {
        if (r.getMetadata().getAnnotations() == null) {
            r.getMetadata().setAnnotations(new LinkedHashMap<>());
        }
        r.getMetadata().getAnnotations().put(key, value);
        return this;
    }

    public Manifests set(String field, Object value) {
        r.setAdditionalProperty(field, value);
        return this;
    }

    public Manifests spec(Map<String, Object> spec) {
        return set("spec", spec);
    }

    public Manifests status(Map<String, Object> status) {
        return set("status", status);
    }

    public GenericKubernetesResource build() {
        return r;
    }

    /** A mutable, ordered map from alternating keys and values. */
    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    /** A status condition as controllers write it. */
    public static Map<String, Object> condition(String type, String status, String reason, String message) {
        return map(
                "type",
                type,
                "status",
                status,
                "reason",
                reason,
                "message",
                message,
                "lastTransitionTime",
                "2026-11-23T08:00:00Z");
    }

    /** Reads every object of a multi-document YAML resource on the classpath. */
    public static List<GenericKubernetesResource> classpath(String resource) {
        try (InputStream in = Manifests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("manifest " + resource + " is missing from the panel");
            }
            Object parsed = Serialization.unmarshal(in);
            List<?> items = parsed instanceof List<?> l ? l : List.of(parsed);
            List<GenericKubernetesResource> out = new ArrayList<>();
            for (Object o : items) {
                out.add(generic((HasMetadata) o));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The object as a generic resource (a round trip through JSON when it is typed). */
    public static GenericKubernetesResource generic(HasMetadata o) {
        return o instanceof GenericKubernetesResource g
                ? g
                : Serialization.unmarshal(Serialization.asJson(o), GenericKubernetesResource.class);
    }
}
