package dev.backstack.panel.installer.policy.cel;

import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a ValidatingAdmissionPolicy's expressions see when an object is created, prepared once so
 * it can be given to several policies: {@code object} and {@code namespaceObject} as CEL values
 * (see {@link CelValues}), and a {@code request} with {@code operation} CREATE, {@code name},
 * {@code namespace}, {@code kind} ({@code group}, {@code version}, {@code kind}), and
 * {@code resource} when the matched kind is known. {@code oldObject} is null. Immutable; any
 * thread.
 *
 * @param namespaceObject the object's namespace, or null for a cluster-scoped object
 */
public record CelInput(Map<String, Object> object, Map<String, Object> namespaceObject, Map<String, Object> request) {

    /** An object about to be created (objects as Jackson/fabric8-style JSON maps). */
    public static CelInput of(Map<String, ?> object, Map<String, ?> namespaceObject) {
        return of(object, namespaceObject, null);
    }

    /** As {@link #of(Map, Map)}, with {@code request.resource} from the kind the policy matched. */
    public static CelInput of(Map<String, ?> object, Map<String, ?> namespaceObject, ResourceMatch match) {
        return withValues(CelValues.map(object), CelValues.map(namespaceObject), match);
    }

    /** From values already converted by {@link CelValues}. */
    static CelInput withValues(Map<String, Object> object, Map<String, Object> namespaceObject, ResourceMatch match) {
        return new CelInput(object, namespaceObject, request(object, match));
    }

    private static Map<String, Object> request(Map<String, Object> object, ResourceMatch match) {
        String apiVersion = String.valueOf(object.getOrDefault("apiVersion", ""));
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Object> kind =
                Map.of("group", group, "version", version, "kind", String.valueOf(object.getOrDefault("kind", "")));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("operation", "CREATE");
        request.put("kind", kind);
        if (match != null) {
            request.put("resource", Map.of("group", group, "version", version, "resource", match.plural()));
        }
        request.put("name", metadata.get("name") instanceof String s ? s : "");
        request.put("namespace", metadata.get("namespace") instanceof String s ? s : "");
        request.put("dryRun", false);
        return java.util.Collections.unmodifiableMap(request);
    }
}
