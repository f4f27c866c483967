package dev.backstack.panel.installer.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.backstack.panel.model.plan.ObjectPreview;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders objects as the previews show them and as {@code install --plan} prints them: YAML with
 * every Secret value replaced by a placeholder. The same text feeds the fingerprints, so a
 * journal never holds a digest of a secret either. Stateless.
 */
public final class Previews {

    /** What a redacted secret value reads as. */
    public static final String REDACTED = "<redacted>";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Previews() {}

    public static ObjectPreview preview(GenericKubernetesResource object) {
        return new ObjectPreview(
                object.getApiVersion(),
                object.getKind(),
                object.getMetadata().getNamespace(),
                object.getMetadata().getName(),
                yaml(redacted(object)));
    }

    /** The object as a plain map, secret values redacted. */
    public static Map<String, Object> redacted(GenericKubernetesResource object) {
        Map<String, Object> map = asMap(object);
        if ("Secret".equals(object.getKind()) && "v1".equals(object.getApiVersion())) {
            for (String field : List.of("data", "stringData")) {
                if (map.get(field) instanceof Map<?, ?> values) {
                    Map<String, Object> hidden = new LinkedHashMap<>();
                    values.keySet().forEach(k -> hidden.put(String.valueOf(k), REDACTED));
                    map.put(field, hidden);
                }
            }
        }
        return map;
    }

    /** The object as a plain map, unredacted (for comparisons only; never shown or stored). */
    static Map<String, Object> asMap(GenericKubernetesResource object) {
        return JSON.convertValue(
                object, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }

    public static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render YAML", e);
        }
    }

    /** A SHA-256 digest of texts (previews, which hold no secret values). */
    public static String digest(List<String> parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
