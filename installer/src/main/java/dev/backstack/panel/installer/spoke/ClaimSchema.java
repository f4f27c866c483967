package dev.backstack.panel.installer.spoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backstack.panel.installer.policy.CatalogYaml;
import dev.backstack.panel.model.spoke.ClusterKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code spec.parameters} schema of one of the panel's cluster APIs, read from its
 * CompositeResourceDefinition (never a copy of its enums): the allowed values, defaults and
 * descriptions the wizard offers, and a validation of a claim's parameters as the API server
 * would do it (unknown fields, required fields, types, enums, minimum and maximum). Immutable.
 */
public final class ClaimSchema {

    static final String ROOT = "/dev/backstack/panel/resources/install/apis/cluster/";
    private static final Map<ClusterKind, ClaimSchema> SHIPPED = new EnumMap<>(ClusterKind.class);

    private final ClusterKind kind;
    private final JsonNode parameters;

    private ClaimSchema(ClusterKind kind, JsonNode parameters) {
        this.kind = kind;
        this.parameters = parameters;
    }

    /** The schema the panel ships for this kind ({@code install/apis/cluster/<kind>/definition.yaml}). */
    public static synchronized ClaimSchema of(ClusterKind kind) {
        return SHIPPED.computeIfAbsent(
                kind,
                k -> fromXrd(
                        k,
                        CatalogYaml.read(
                                ClaimSchema.class,
                                ROOT + k.folder() + "/definition.yaml",
                                k.claimKind() + " API definition")));
    }

    /** The schema of an XRD's (first) version. */
    public static ClaimSchema fromXrd(ClusterKind kind, JsonNode xrd) {
        JsonNode claimKind = xrd.path("spec").path("claimNames").path("kind");
        if (!kind.claimKind().equals(claimKind.asText())) {
            throw new IllegalArgumentException(
                    "the definition offers claim kind " + claimKind.asText() + ", not " + kind.claimKind());
        }
        JsonNode p = xrd.path("spec")
                .path("versions")
                .path(0)
                .path("schema")
                .path("openAPIV3Schema")
                .path("properties")
                .path("spec")
                .path("properties")
                .path("parameters");
        if (p.isMissingNode()) {
            throw new IllegalArgumentException("the " + kind.claimKind() + " definition has no spec.parameters schema");
        }
        return new ClaimSchema(kind, p);
    }

    public ClusterKind kind() {
        return kind;
    }

    /** The values the API allows at a parameter path such as {@code version}; empty when any value goes. */
    public List<String> allowed(String path) {
        List<String> out = new ArrayList<>();
        node(path).path("enum").forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    /** The API's default at a path such as {@code nodes.instanceType}. */
    public Optional<String> defaultOf(String path) {
        JsonNode d = node(path).path("default");
        return d.isMissingNode() || d.isNull() ? Optional.empty() : Optional.of(d.asText());
    }

    public String description(String path) {
        return node(path).path("description").asText("");
    }

    /** Whether the API declares the path at all (EKS has {@code iam.roleArn}; AKS has not). */
    public boolean declares(String path) {
        return !node(path).isMissingNode();
    }

    private JsonNode node(String path) {
        JsonNode n = parameters;
        for (String part : path.split("\\.")) {
            n = n.path("properties").path(part);
        }
        return n;
    }

    /** Every way the parameters break the schema, each naming the field and what the API allows. */
    public List<String> problems(Map<String, ?> values) {
        List<String> out = new ArrayList<>();
        check("spec.parameters", parameters, values, out);
        return out;
    }

    private void check(String path, JsonNode schema, Object value, List<String> out) {
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> m)) {
                    out.add(path + ": must be an object");
                    return;
                }
                for (JsonNode r : schema.path("required")) {
                    if (!m.containsKey(r.asText()) || m.get(r.asText()) == null) {
                        out.add(path + "." + r.asText() + ": required by the " + kind.claimKind() + " API");
                    }
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    JsonNode p = schema.path("properties").path(String.valueOf(e.getKey()));
                    if (p.isMissingNode()) {
                        out.add(path + "." + e.getKey() + ": not a field of the " + kind.claimKind() + " API (it has "
                                + String.join(", ", names(schema.path("properties"))) + ")");
                    } else if (e.getValue() != null) {
                        check(path + "." + e.getKey(), p, e.getValue(), out);
                    }
                }
            }
            case "string" -> {
                if (!(value instanceof String)) {
                    out.add(path + ": must be a string, not " + value);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    out.add(path + ": must be a whole number, not " + value);
                } else {
                    long v = ((Number) value).longValue();
                    if (schema.has("minimum") && v < schema.get("minimum").asLong()) {
                        out.add(path + ": at least " + schema.get("minimum").asLong() + ", not " + v);
                    }
                    if (schema.has("maximum") && v > schema.get("maximum").asLong()) {
                        out.add(path + ": at most " + schema.get("maximum").asLong() + ", not " + v);
                    }
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    out.add(path + ": must be true or false, not " + value);
                }
            }
            default -> {
                // other types are not used by the cluster APIs' parameters
            }
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(v -> allowed.add(v.asText()));
            if (!allowed.contains(String.valueOf(value))) {
                out.add(path + ": " + value + " is not allowed by the " + kind.claimKind() + " API: choose one of "
                        + String.join(", ", allowed));
            }
        }
    }

    private static List<String> names(JsonNode properties) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = properties.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
