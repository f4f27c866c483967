package dev.backstack.panel.installer.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Small helpers for reading kubeconfig YAML trees; all null-tolerant. */
final class Yaml {

    private Yaml() {}

    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return "";
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return "";
        }
        return value.asText("").trim();
    }

    static boolean flag(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return false;
        }
        JsonNode value = node.get(field);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText("")));
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> result = new ArrayList<>();
        JsonNode list = node == null ? null : node.get(field);
        if (list != null && list.isArray()) {
            list.forEach(item -> result.add(item.asText("")));
        }
        return result;
    }

    /** Decodes kubeconfig base64 (whitespace allowed, like Go's decoder); null if it is not base64. */
    static byte[] decodeBase64(String data) {
        try {
            return Base64.getDecoder().decode(data.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
