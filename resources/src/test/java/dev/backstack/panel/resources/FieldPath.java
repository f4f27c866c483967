package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Crossplane field path such as {@code spec.forProvider.values.server.ingress.hosts[0]} or
 * {@code spec.forProvider.tags[backstack.dev/cluster]}: dots separate fields, a bracketed number
 * indexes an array, any other bracketed text is one field name.
 */
record FieldPath(List<Object> segments) {

    static FieldPath parse(String path) {
        List<Object> segments = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                flush(field, segments);
            } else if (c == '[') {
                flush(field, segments);
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in " + path);
                }
                String inner = path.substring(i + 1, end);
                segments.add(inner.matches("\\d+") ? (Object) Integer.valueOf(inner) : inner);
                i = end;
            } else {
                field.append(c);
            }
        }
        flush(field, segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("empty field path");
        }
        return new FieldPath(List.copyOf(segments));
    }

    /** The value at this path, or a missing node. */
    JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Object s : segments) {
            node = s instanceof Integer i ? node.path(i) : node.path((String) s);
            if (node.isMissingNode()) {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    /** Sets the value, creating objects and growing arrays on the way. */
    void set(ObjectNode root, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            Object s = segments.get(i);
            boolean last = i == segments.size() - 1;
            Object next = last ? null : segments.get(i + 1);
            if (s instanceof Integer index) {
                ArrayNode array = (ArrayNode) node;
                while (array.size() <= index) {
                    array.add(NullNode.getInstance());
                }
                if (last) {
                    array.set(index, value.deepCopy());
                    return;
                }
                if (array.get(index).isNull()) {
                    array.set(index, next instanceof Integer ? array.arrayNode() : array.objectNode());
                }
                node = array.get(index);
            } else {
                ObjectNode object = (ObjectNode) node;
                String name = (String) s;
                if (last) {
                    object.set(name, value.deepCopy());
                    return;
                }
                if (!object.has(name) || object.get(name).isNull()) {
                    object.set(name, next instanceof Integer ? object.arrayNode() : object.objectNode());
                }
                node = object.get(name);
            }
        }
    }

    private static void flush(StringBuilder field, List<Object> segments) {
        if (field.length() > 0) {
            segments.add(field.toString());
            field.setLength(0);
        }
    }
}
