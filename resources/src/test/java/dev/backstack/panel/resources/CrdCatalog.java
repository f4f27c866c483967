package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The served versions of every CustomResourceDefinition in {@code ../shared/crds}, by
 * {@code apiVersion} and kind. The system property {@code backstack.extraCrds} may name more
 * folders (separated by the path separator), for checking objects whose CRDs shared/ lacks.
 */
public final class CrdCatalog {

    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final Map<String, StrictSchema> strict = new HashMap<>();
    private final Map<String, StrictSchema> lenient = new HashMap<>();

    private CrdCatalog() {}

    public static CrdCatalog load() {
        CrdCatalog catalog = new CrdCatalog();
        catalog.addFolder(SharedDir.crds());
        String extra = System.getProperty("backstack.extraCrds", "");
        for (String folder : extra.split(java.io.File.pathSeparator)) {
            if (!folder.isBlank()) {
                catalog.addFolder(Path.of(folder));
            }
        }
        if (catalog.schemas.isEmpty()) {
            throw new IllegalStateException("no CRDs found under " + SharedDir.crds());
        }
        return catalog;
    }

    public boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(key(apiVersion, kind));
    }

    public boolean knows(JsonNode object) {
        return knows(object.path("apiVersion").asText(), object.path("kind").asText());
    }

    /** Problems of a complete object, as an API server with strict field validation sees them. */
    public List<String> validate(JsonNode object) {
        return schemaFor(object, strict, true).validate(object);
    }

    /** Problems of a template whose required fields are still to be patched in. */
    List<String> validateTemplate(JsonNode object) {
        return schemaFor(object, lenient, false).validate(object);
    }

    Optional<JsonNode> structuralSchema(String apiVersion, String kind) {
        return Optional.ofNullable(schemas.get(key(apiVersion, kind)));
    }

    private StrictSchema schemaFor(JsonNode object, Map<String, StrictSchema> cache, boolean keepRequired) {
        String key = key(object.path("apiVersion").asText(), object.path("kind").asText());
        JsonNode structural = schemas.get(key);
        if (structural == null) {
            throw new IllegalArgumentException("no served CRD version for " + key);
        }
        return cache.computeIfAbsent(key, k -> StrictSchema.of(structural, keepRequired));
    }

    private void addFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .forEach(this::addFile);
        } catch (IOException e) {
            throw new UncheckedIOException(folder.toString(), e);
        }
    }

    private void addFile(Path file) {
        for (JsonNode doc : Yamls.file(file)) {
            if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
                continue;
            }
            JsonNode spec = doc.path("spec");
            String group = spec.path("group").asText();
            String kind = spec.path("names").path("kind").asText();
            for (JsonNode version : spec.path("versions")) {
                if (version.path("served").asBoolean(false)) {
                    schemas.put(
                            key(group + "/" + version.path("name").asText(), kind),
                            version.path("schema").path("openAPIV3Schema"));
                }
            }
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }
}
