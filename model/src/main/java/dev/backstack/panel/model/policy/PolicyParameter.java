package dev.backstack.panel.model.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A typed parameter of a catalog policy, with its validation.
 *
 * @param name         the key used in the policy's CEL templates ({@code {{name}}})
 * @param defaultValue a {@code String}, {@code List<String>} or {@code Long}, matching {@code type}
 * @param min          lower bound of an INTEGER, or the minimum list size of a STRING_LIST; null for none
 * @param max          upper bound of an INTEGER; null for none
 * @param pattern      a regular expression every string (or list element) must match in full; null for none
 */
public record PolicyParameter(
        String name,
        String title,
        String description,
        ParamType type,
        Object defaultValue,
        Long min,
        Long max,
        String pattern) {

    public PolicyParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("parameter " + name + ": bad pattern " + pattern, e);
            }
        }
    }

    /** Reads what the user typed: a list is comma-separated, blanks around items are dropped. */
    public ParamCheck parse(String text) {
        String t = text == null ? "" : text.strip();
        return switch (type) {
            case STRING -> check(t);
            case STRING_LIST -> check(splitList(t));
            case INTEGER -> {
                try {
                    yield check(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    yield ParamCheck.invalid(title + ": enter a whole number");
                }
            }
        };
    }

    /** Checks an already typed value (a profile file's or the catalog's default). */
    public ParamCheck check(Object value) {
        return switch (type) {
            case STRING -> value instanceof String s ? checkString(s) : wrongType(value);
            case STRING_LIST -> value instanceof List<?> l ? checkList(l) : wrongType(value);
            case INTEGER -> value instanceof Number n ? checkNumber(n.longValue()) : wrongType(value);
        };
    }

    /** The value shown in a text field: lists comma-separated. */
    public String format(Object value) {
        if (value instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : String.valueOf(value);
    }

    private ParamCheck checkString(String s) {
        if (s.isEmpty()) {
            return ParamCheck.invalid(title + ": required");
        }
        if (pattern != null && !s.matches(pattern)) {
            return ParamCheck.invalid(title + ": \"" + s + "\" does not match " + pattern);
        }
        return ParamCheck.ok(s);
    }

    private ParamCheck checkList(List<?> list) {
        List<String> items = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                return wrongType(o);
            }
            if (pattern != null && !s.matches(pattern)) {
                return ParamCheck.invalid(title + ": \"" + s + "\" does not match " + pattern);
            }
            items.add(s);
        }
        long least = min == null ? 1 : min;
        if (items.size() < least) {
            return ParamCheck.invalid(title + ": give at least " + least + (least == 1 ? " value" : " values"));
        }
        return ParamCheck.ok(List.copyOf(items));
    }

    private ParamCheck checkNumber(long n) {
        if (min != null && n < min || max != null && n > max) {
            return ParamCheck.invalid(
                    title + ": " + n + " is outside " + (min == null ? "…" : min) + "–" + (max == null ? "…" : max));
        }
        return ParamCheck.ok(n);
    }

    private ParamCheck wrongType(Object value) {
        return ParamCheck.invalid(title + ": expected "
                + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", got " + value);
    }

    private static List<String> splitList(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
