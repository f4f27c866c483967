package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Reads the schema of an XRD's (single) version and lists its property paths. */
final class XrdSchemas {

    private XrdSchemas() {}

    static JsonNode openApi(JsonNode xrd) {
        JsonNode versions = xrd.path("spec").path("versions");
        if (versions.size() != 1) {
            throw new IllegalStateException(xrd.path("metadata").path("name").asText() + ": expected one version");
        }
        return versions.get(0).path("schema").path("openAPIV3Schema");
    }

    /**
     * Every property path of a structural schema ({@code spec.parameters.nodes.count},
     * {@code status.subnetIds[]}) with the schema node that defines it.
     */
    static Map<String, JsonNode> paths(JsonNode schema) {
        Map<String, JsonNode> paths = new TreeMap<>();
        collect("", schema, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode schema, Map<String, JsonNode> paths) {
        Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            String path = prefix.isEmpty() ? p.getKey() : prefix + "." + p.getKey();
            paths.put(path, p.getValue());
            collect(path, p.getValue(), paths);
        }
        if (schema.has("items")) {
            String path = prefix + "[]";
            paths.put(path, schema.get("items"));
            collect(path, schema.get("items"), paths);
        }
    }
}
