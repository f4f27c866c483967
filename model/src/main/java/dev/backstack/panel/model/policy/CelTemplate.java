package dev.backstack.panel.model.policy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a catalog CEL template: each {@code {{name}}} becomes the parameter's value as a CEL
 * literal (a quoted string, a list of quoted strings, or an integer), so the rendered expression
 * stands alone: the same text runs in Kyverno, in a Kubernetes ValidatingAdmissionPolicy and in
 * the panel's own evaluator. Pure.
 */
public final class CelTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    private CelTemplate() {}

    /** @throws IllegalArgumentException when the template names a parameter that has no value */
    public static String render(String template, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for {{" + name + "}} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(literal(values.get(name))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Fills a message template: values appear as plain text (lists comma-separated). */
    public static String renderMessage(String template, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            String text = v instanceof List<?> l
                    ? String.join(", ", l.stream().map(String::valueOf).toList())
                    : String.valueOf(v);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value as a CEL literal. */
    public static String literal(Object value) {
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (value instanceof List<?> list) {
            return "["
                    + String.join(", ", list.stream().map(CelTemplate::literal).toList()) + "]";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        throw new IllegalArgumentException("no CEL literal for " + value);
    }
}
