package dev.backstack.panel.installer.spoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Objects as plain JSON maps, as the CEL evaluator reads them. */
final class Claims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Claims() {}

    static Map<String, Object> asMap(GenericKubernetesResource o) {
        return JSON.convertValue(
                o, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }
}
