package dev.backstack.panel.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: turns parsed Kubernetes YAML (plain maps) into {@link KubeObject}s the way the
 * installer's mappers do: metadata into the record's fields, everything else into the body.
 */
public final class TestObjects {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private TestObjects() {}

    /** One object from a YAML document (a text block in a test). */
    public static KubeObject yaml(String document) {
        return fromMap(parse(document));
    }

    /** Objects from a multi-document YAML text. */
    public static List<KubeObject> yamlAll(String documents) {
        return parseAll(documents).stream().map(TestObjects::fromMap).toList();
    }

    public static Map<String, Object> parse(String document) {
        try {
            return YAML.readValue(document, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a multi-document YAML text, as maps. */
    public static List<Map<String, Object>> parseAll(String documents) {
        try (MappingIterator<Map<String, Object>> it = YAML.readerFor(MAP).readValues(documents)) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Map<String, Object>> parseAll(Path file) {
        try {
            return parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A parsed object: apiVersion, kind, metadata into fields; body = everything except metadata. */
    public static KubeObject fromMap(Map<String, ?> map) {
        Map<?, ?> meta = Fields.map(map, "metadata");
        Map<String, Object> body = new LinkedHashMap<>(map);
        body.remove("metadata");
        List<KubeObject.OwnerRef> owners = new ArrayList<>();
        for (Object o : Fields.list(meta, "ownerReferences")) {
            if (o instanceof Map<?, ?> ref) {
                owners.add(new KubeObject.OwnerRef(
                        Fields.str(ref, "kind"),
                        Fields.str(ref, "name"),
                        Fields.str(ref, "uid"),
                        Fields.bool(ref, "controller")));
            }
        }
        return new KubeObject(
                Fields.str(map, "apiVersion"),
                Fields.str(map, "kind"),
                Fields.str(meta, "namespace"),
                Fields.str(meta, "name"),
                Fields.str(meta, "uid"),
                Fields.num(meta, 0L, "generation"),
                Fields.str(meta, "creationTimestamp"),
                Fields.str(meta, "deletionTimestamp"),
                strings(Fields.map(meta, "labels")),
                strings(Fields.map(meta, "annotations")),
                owners,
                body);
    }

    private static Map<String, String> strings(Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
