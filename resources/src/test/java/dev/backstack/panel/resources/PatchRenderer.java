package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the composed resources of a patch-and-transform step for one composite resource, the
 * way function-patch-and-transform does for the patch and transform kinds our compositions use:
 * FromCompositeFieldPath (the default), PatchSet, and the string Format and map transforms.
 * ToCompositeFieldPath patches write to the composite and are skipped. Anything else fails, so a
 * composition cannot quietly use a feature this check does not understand.
 */
final class PatchRenderer {

    private final Map<String, JsonNode> patchSets = new HashMap<>();
    private final List<InstallApis.Template> templates;

    PatchRenderer(InstallApis api) {
        for (JsonNode set : api.ptInput().path("patchSets")) {
            patchSets.put(set.path("name").asText(), set.path("patches"));
        }
        this.templates = api.templates();
    }

    /** Composed resource name to rendered object, in composition order. */
    Map<String, ObjectNode> render(JsonNode composite) {
        Map<String, ObjectNode> rendered = new LinkedHashMap<>();
        for (InstallApis.Template t : templates) {
            ObjectNode object = t.base().deepCopy();
            for (JsonNode patch : expand(t.patches())) {
                apply(t.name(), patch, composite, object);
            }
            rendered.put(t.name(), object);
        }
        return rendered;
    }

    private List<JsonNode> expand(JsonNode patches) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : patches) {
            if ("PatchSet".equals(p.path("type").asText())) {
                JsonNode set = patchSets.get(p.path("patchSetName").asText());
                if (set == null) {
                    throw new IllegalStateException(
                            "unknown patchSet " + p.path("patchSetName").asText());
                }
                set.forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static void apply(String resource, JsonNode patch, JsonNode composite, ObjectNode object) {
        String type = patch.path("type").asText("FromCompositeFieldPath");
        if ("ToCompositeFieldPath".equals(type)) {
            return;
        }
        if (!"FromCompositeFieldPath".equals(type)) {
            throw new IllegalStateException(resource + ": patch type " + type + " is not supported here");
        }
        JsonNode value = FieldPath.parse(patch.path("fromFieldPath").asText()).get(composite);
        if (value.isMissingNode() || value.isNull()) {
            if ("Required".equals(patch.path("policy").path("fromFieldPath").asText())) {
                throw new IllegalStateException(
                        resource + ": required " + patch.path("fromFieldPath").asText() + " missing");
            }
            return;
        }
        for (JsonNode transform : patch.path("transforms")) {
            value = transform(resource, transform, value);
        }
        FieldPath.parse(patch.path("toFieldPath").asText()).set(object, value);
    }

    private static JsonNode transform(String resource, JsonNode transform, JsonNode value) {
        switch (transform.path("type").asText()) {
            case "string" -> {
                JsonNode string = transform.path("string");
                if (!"Format".equals(string.path("type").asText())) {
                    throw new IllegalStateException(resource + ": string transform "
                            + string.path("type").asText());
                }
                return TextNode.valueOf(String.format(string.path("fmt").asText(), value.asText()));
            }
            case "map" -> {
                JsonNode mapped = transform.path("map").path(value.asText());
                if (mapped.isMissingNode()) {
                    throw new IllegalStateException(resource + ": map transform has no entry for " + value.asText());
                }
                return mapped;
            }
            default ->
                throw new IllegalStateException(
                        resource + ": transform " + transform.path("type").asText());
        }
    }
}
