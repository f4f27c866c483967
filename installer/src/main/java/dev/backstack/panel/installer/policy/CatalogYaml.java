package dev.backstack.panel.installer.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.model.policy.ParamType;
import dev.backstack.panel.model.policy.PolicyParameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the panel's YAML catalogs (policies, add-ons) share: reading one from the classpath and
 * a typed parameter's description. Pure apart from the classpath read.
 */
public final class CatalogYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CatalogYaml() {}

    /** The catalog's YAML tree; {@code what} names it in errors ("policy catalog"). */
    public static JsonNode read(Class<?> anchor, String resource, String what) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " " + resource + " is missing from the classpath");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + resource, e);
        }
    }

    /** A parameter: name, title, description, type, default, and optional min, max and pattern. */
    public static PolicyParameter parameter(JsonNode p) {
        ParamType type = ParamType.valueOf(p.path("type").asText());
        JsonNode d = p.path("default");
        Object def = switch (type) {
            case INTEGER -> d.asLong();
            case STRING -> d.asText();
            case STRING_LIST -> {
                List<String> items = new ArrayList<>();
                d.forEach(i -> items.add(i.asText()));
                yield List.copyOf(items);
            }
        };
        return new PolicyParameter(
                p.path("name").asText(),
                p.path("title").asText(),
                p.path("description").asText(""),
                type,
                def,
                p.has("min") ? p.get("min").asLong() : null,
                p.has("max") ? p.get("max").asLong() : null,
                p.hasNonNull("pattern") ? p.get("pattern").asText() : null);
    }
}
