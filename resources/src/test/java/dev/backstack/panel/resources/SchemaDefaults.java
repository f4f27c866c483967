package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Applies the {@code default}s of a structural schema to an object, as the API server does on write. */
final class SchemaDefaults {

    private SchemaDefaults() {}

    static void apply(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object && schema.has("properties")) {
            Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!object.has(p.getKey()) && p.getValue().has("default")) {
                    object.set(p.getKey(), p.getValue().get("default").deepCopy());
                }
                if (object.has(p.getKey())) {
                    apply(p.getValue(), object.get(p.getKey()));
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            value.forEach(item -> apply(schema.get("items"), item));
        }
    }
}
