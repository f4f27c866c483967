package dev.backstack.panel.installer.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/**
 * Server-side apply on the simulated API server. An apply creates the object when it is absent
 * and otherwise merges the applied configuration into the stored object with JSON merge patch
 * semantics (objects merge, lists and values replace, {@code null} removes), then stores it
 * through the mock's own create and update, so resourceVersion, generation and watch events
 * behave as for any other write. The field manager is recorded in {@code metadata.managedFields}
 * (one {@code Apply} entry per manager, listing the applied fields).
 *
 * <p>Limits of the simulation: there is no field ownership, so an apply never conflicts
 * ({@code force} is accepted and changes nothing) and fields a manager stops applying are kept,
 * not removed; lists replace rather than merge by key; {@code status} in an apply body is
 * ignored, as the API server ignores it for kinds with a status subresource.
 */
final class DemoApply {

    /** The content type of a server-side apply. */
    static final String APPLY_PATCH = "application/apply-patch+yaml";

    private static final int ATTEMPTS = 5;

    private final DemoDispatcher server;

    DemoApply(DemoDispatcher server) {
        this.server = server;
    }

    static boolean isApply(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(APPLY_PATCH);
    }

    static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    static String query(String path, String name) {
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    MockResponse apply(RecordedRequest request) {
        String path = withoutQuery(request.getPath());
        String manager = query(request.getPath(), "fieldManager");
        if (manager == null || manager.isBlank()) {
            return DemoDispatcher.status(
                    422,
                    "Invalid",
                    "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: "
                            + "Required value: is required for apply patch");
        }
        ObjectNode body;
        try {
            JsonNode parsed = DemoDispatcher.JSON.readTree(request.getBody().readUtf8());
            if (!(parsed instanceof ObjectNode o) || !(o.get("metadata") instanceof ObjectNode)) {
                return DemoDispatcher.status(400, "BadRequest", "the apply body is not an object with metadata");
            }
            body = o;
        } catch (JsonProcessingException e) {
            // fabric8 sends JSON, which is YAML too; the simulation reads JSON only.
            return DemoDispatcher.status(
                    415,
                    "UnsupportedMediaType",
                    "the simulated API server reads apply bodies as JSON: " + e.getOriginalMessage());
        }
        ObjectNode meta = (ObjectNode) body.get("metadata");
        if (meta.hasNonNull("managedFields")) {
            return DemoDispatcher.status(400, "BadRequest", "metadata.managedFields must be nil");
        }
        if (!path.endsWith("/status")) {
            body.remove("status");
        }
        if (!namespaced(path)) {
            meta.remove("namespace");
        }
        boolean pinned = meta.hasNonNull("resourceVersion");
        MockResponse response = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            response = once(path, body, manager, pinned);
            // Another writer (a simulated controller) got in between: read again, merge again.
            if (response.code() != 409 || pinned) {
                return response;
            }
        }
        return response;
    }

    private MockResponse once(String path, ObjectNode body, String manager, boolean pinned) {
        Map.Entry<AttributeSet, String> current = server.findResource(server.getKey(path));
        if (current == null) {
            if (path.endsWith("/status")) {
                return DemoDispatcher.status(404, "NotFound", "the object of " + path + " does not exist");
            }
            ObjectNode created = body.deepCopy();
            ((ObjectNode) created.get("metadata")).remove("resourceVersion");
            recordManager(created, body, manager);
            return server.handleCreate(request(HttpMethod.POST, path.substring(0, path.lastIndexOf('/')), created));
        }
        ObjectNode merged;
        try {
            merged = (ObjectNode) DemoDispatcher.JSON.readTree(current.getValue());
        } catch (JsonProcessingException e) {
            return DemoDispatcher.status(500, "InternalError", "stored object unreadable: " + e.getOriginalMessage());
        }
        String storedVersion = merged.path("metadata").path("resourceVersion").asText();
        ObjectNode before = merged.deepCopy();
        merge(merged, body);
        if (unchanged(before, merged, manager)) {
            // An apply that changes nothing writes nothing: no new resourceVersion, no watch event.
            return DemoDispatcher.json(200, current.getValue());
        }
        if (!pinned) {
            ((ObjectNode) merged.get("metadata")).put("resourceVersion", storedVersion);
        }
        recordManager(merged, body, manager);
        return server.handleUpdate(request(HttpMethod.PUT, path, merged));
    }

    private static boolean unchanged(ObjectNode before, ObjectNode after, String manager) {
        JsonNode entries = before.path("metadata").path("managedFields");
        boolean known = false;
        for (JsonNode e : entries) {
            known |= manager.equals(e.path("manager").asText())
                    && "Apply".equals(e.path("operation").asText());
        }
        ObjectNode a = before.deepCopy();
        ObjectNode b = after.deepCopy();
        ((ObjectNode) a.get("metadata")).remove("managedFields");
        ((ObjectNode) b.get("metadata")).remove("managedFields");
        return known && a.equals(b);
    }

    /** JSON merge patch (RFC 7386) of {@code patch} into {@code target}. */
    static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value instanceof ObjectNode p && target.get(e.getKey()) instanceof ObjectNode t) {
                merge(t, p);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    /** Replaces the manager's Apply entry in {@code metadata.managedFields} with the fields it applied. */
    private static void recordManager(ObjectNode target, ObjectNode applied, String manager) {
        ObjectNode meta = (ObjectNode) target.get("metadata");
        ArrayNode entries = meta.get("managedFields") instanceof ArrayNode a ? a : meta.putArray("managedFields");
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode e = entries.get(i);
            if (manager.equals(e.path("manager").asText())
                    && "Apply".equals(e.path("operation").asText())) {
                entries.remove(i);
            }
        }
        ObjectNode entry = entries.addObject();
        entry.put("manager", manager)
                .put("operation", "Apply")
                .put("apiVersion", applied.path("apiVersion").asText())
                .put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("fieldsType", "FieldsV1");
        ObjectNode fields = entry.putObject("fieldsV1");
        ObjectNode ownedMeta = DemoDispatcher.JSON.createObjectNode();
        for (String part : new String[] {"labels", "annotations"}) {
            if (applied.get("metadata").get(part) instanceof ObjectNode o) {
                ownedMeta.set("f:" + part, fieldsOf(o));
            }
        }
        if (!ownedMeta.isEmpty()) {
            fields.set("f:metadata", ownedMeta);
        }
        applied.fields().forEachRemaining(e -> {
            if (!java.util.Set.of("apiVersion", "kind", "metadata").contains(e.getKey())) {
                fields.set(
                        "f:" + e.getKey(),
                        e.getValue() instanceof ObjectNode o ? fieldsOf(o) : DemoDispatcher.JSON.createObjectNode());
            }
        });
    }

    private static ObjectNode fieldsOf(ObjectNode applied) {
        ObjectNode out = DemoDispatcher.JSON.createObjectNode();
        applied.fields()
                .forEachRemaining(e -> out.set(
                        "f:" + e.getKey(),
                        e.getValue() instanceof ObjectNode o ? fieldsOf(o) : DemoDispatcher.JSON.createObjectNode()));
        return out;
    }

    /** True for a path inside a namespace ({@code .../namespaces/<ns>/<plural>/<name>}). */
    private static boolean namespaced(String path) {
        String[] parts = path.split("/");
        int start = path.startsWith("/api/") ? 3 : 4;
        return parts.length > start + 2 && "namespaces".equals(parts[start]);
    }

    private static RecordedRequest request(HttpMethod method, String path, ObjectNode body) {
        Headers headers =
                Headers.builder().add("Content-Type", "application/json").build();
        return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer().writeUtf8(body.toString()));
    }
}
