package dev.backstack.panel.model.namespace;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes name and label-value rules, worded for the person typing. Pure. */
public final class Names {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private Names() {}

    /** What keeps {@code text} from being a DNS-1123 label (a namespace's name), or empty. */
    public static Optional<String> dnsLabelProblem(String field, String text) {
        String t = text == null ? "" : text;
        if (t.isBlank()) {
            return Optional.of(field + ": required");
        }
        if (t.length() > 63 || !DNS_1123_LABEL.matcher(t).matches()) {
            return Optional.of(field + ": \"" + t + "\" is not a valid name: use at most 63 lowercase letters, digits "
                    + "and '-', starting and ending with a letter or digit (a DNS-1123 label, such as team-a-dev)");
        }
        return Optional.empty();
    }

    /** What keeps {@code text} from being a label value, or empty. */
    public static Optional<String> labelValueProblem(String field, String text) {
        String t = text == null ? "" : text;
        if (t.isBlank()) {
            return Optional.of(field + ": required");
        }
        if (t.length() > 63 || !LABEL_VALUE.matcher(t).matches()) {
            return Optional.of(field + ": \"" + t + "\" cannot be a label value: use at most 63 letters, digits, "
                    + "'-', '_' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }
}
