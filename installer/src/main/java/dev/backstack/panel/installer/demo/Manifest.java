package dev.backstack.panel.installer.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder for the generic objects of the demo fleet. */
final class Manifest {

    private final GenericKubernetesResource r = new GenericKubernetesResource();

    private Manifest(String apiVersion, String kind, String namespace, String name) {
        r.setApiVersion(apiVersion);
        r.setKind(kind);
        ObjectMeta meta = new ObjectMeta();
        meta.setNamespace(namespace);
        meta.setName(name);
        meta.setLabels(new LinkedHashMap<>());
        r.setMetadata(meta);
    }

    static Manifest of(String apiVersion, String kind, String namespace, String name) {
        return new Manifest(apiVersion, kind, namespace, name);
    }

    Manifest label(String key, String value) {
        r.getMetadata().getLabels().put(key, value);
        return this;
    }

    Manifest set(String field, Object value) {
        r.setAdditionalProperty(field, value);
        return this;
    }

    Manifest spec(Map<String, Object> spec) {
        return set("spec", spec);
    }

    Manifest status(Map<String, Object> status) {
        return set("status", status);
    }

    GenericKubernetesResource build() {
        return r;
    }

    /** A mutable map from alternating keys and values, so the client can serialise it. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    static Map<String, Object> condition(String type, String status, String reason, String message) {
        return map("type", type, "status", status, "reason", reason, "message", message,
                "lastTransitionTime", "2026-11-23T08:00:00Z");
    }
}
