package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes structural schema (a CRD's or an XRD's {@code openAPIV3Schema}) turned into a
 * JSON Schema that judges an object the way an API server with strict field validation does:
 * unknown fields are errors unless {@code x-kubernetes-preserve-unknown-fields} allows them,
 * {@code x-kubernetes-int-or-string} accepts both, and an {@code x-kubernetes-embedded-resource}
 * may carry apiVersion, kind and metadata. CEL rules ({@code x-kubernetes-validations}) are not
 * evaluated.
 */
final class StrictSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());

    private final Schema schema;

    private StrictSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * @param structural   the {@code openAPIV3Schema}
     * @param keepRequired false to drop every {@code required}, for templates whose required
     *                     fields are filled in later (Composition bases, before patching)
     */
    static StrictSchema of(JsonNode structural, boolean keepRequired) {
        JsonNode converted = convert(structural.deepCopy(), keepRequired);
        return new StrictSchema(REGISTRY.getSchema(converted));
    }

    /** One line per problem, {@code <path>: <message>}; empty when the object is valid. */
    List<String> validate(JsonNode object) {
        List<Error> errors = schema.validate(object);
        return errors.stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    private static JsonNode convert(JsonNode node, boolean keepRequired) {
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        if (!keepRequired) {
            schema.remove("required");
        }
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-embedded-resource").asBoolean(false) && schema.has("properties")) {
            ObjectNode props = (ObjectNode) schema.get("properties");
            props.putIfAbsent("apiVersion", JSON.objectNode().put("type", "string"));
            props.putIfAbsent("kind", JSON.objectNode().put("type", "string"));
            props.putIfAbsent("metadata", JSON.objectNode().put("type", "object"));
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false) && !schema.has("anyOf")) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.has("properties") && !preserve && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        if (schema.has("properties")) {
            Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(convert(e.getValue(), keepRequired));
            }
        }
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (schema.get(key) instanceof ObjectNode child) {
                schema.set(key, convert(child, keepRequired));
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(key) instanceof ArrayNode list) {
                for (int i = 0; i < list.size(); i++) {
                    list.set(i, convert(list.get(i), keepRequired));
                }
            }
        }
        return schema;
    }
}
