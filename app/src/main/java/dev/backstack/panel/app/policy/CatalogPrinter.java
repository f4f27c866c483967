package dev.backstack.panel.app.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog as {@code policies list} prints it. */
final class CatalogPrinter {

    private CatalogPrinter() {}

    static String table(PolicyCatalog catalog) {
        StringBuilder s = new StringBuilder(String.format(
                "%-36s %-27s %-8s %-8s %s%n", "ID", "CATEGORY", "SEVERITY", "MODE", "PARAMETERS (defaults)"));
        for (PolicyEntry e : catalog.entries()) {
            s.append(String.format(
                    "%-36s %-27s %-8s %-8s %s%n",
                    e.id(),
                    e.category().title(),
                    e.severity().label(),
                    e.defaultMode().title(),
                    String.join(
                            "; ",
                            e.parameters().stream()
                                    .map(p -> p.name() + "=" + p.format(p.defaultValue()))
                                    .toList())));
        }
        return s.toString();
    }

    static String json(PolicyCatalog catalog) {
        List<Object> out = catalog.entries().stream().map(CatalogPrinter::entry).toList();
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object entry(PolicyEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("title", e.title());
        m.put("category", e.category().name());
        m.put("severity", e.severity().name());
        m.put("defaultMode", e.defaultMode().name());
        m.put("description", e.description());
        m.put(
                "kinds",
                e.matches().stream().map(k -> k.apiVersion() + "/" + k.kind()).toList());
        m.put(
                "parameters",
                e.parameters().stream().map(CatalogPrinter::parameter).toList());
        return m;
    }

    private static Object parameter(PolicyParameter p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().name());
        m.put("default", p.defaultValue());
        if (p.min() != null) {
            m.put("min", p.min());
        }
        if (p.max() != null) {
            m.put("max", p.max());
        }
        if (p.pattern() != null) {
            m.put("pattern", p.pattern());
        }
        return m;
    }
}
