package dev.backstack.panel.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why something is not healthy: the deepest failing object, reached through {@code path} (for
 * example {@code Hub hub -> XHub hub-x7k2 -> Release hub-x7k2-backstage}), with its full,
 * untruncated message.
 *
 * @param path    objects from the outermost to the failing one, each as {@code "Kind name"}
 * @param message the failing object's own message, never shortened
 * @param hint    what to do about it, one short sentence, or empty when the panel knows no advice
 */
public record StatusReason(List<String> path, String message, String hint) {

    public StatusReason {
        path = List.copyOf(path);
        message = Objects.requireNonNullElse(message, "");
        hint = Objects.requireNonNullElse(hint, "").strip();
    }

    /** Without a hint. */
    public StatusReason(List<String> path, String message) {
        this(path, message, "");
    }

    public static StatusReason of(String subject, String message) {
        return new StatusReason(List.of(subject), message);
    }

    /** The failing object itself, the last element of the path. */
    public String subject() {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    /** The same reason seen from one level further out. */
    public StatusReason under(String parent) {
        List<String> longer = new ArrayList<>(path.size() + 1);
        longer.add(parent);
        longer.addAll(path);
        return new StatusReason(longer, message, hint);
    }

    /** The same reason with the given hint. */
    public StatusReason withHint(String newHint) {
        return new StatusReason(path, message, newHint);
    }

    public boolean hasHint() {
        return !hint.isEmpty();
    }

    /** {@link #oneLine()}, with {@code " \u2014 hint: ..."} appended when there is a hint. */
    public String oneLineWithHint() {
        return hasHint() ? oneLine() + " \u2014 hint: " + hint : oneLine();
    }

    /** One line for cards and tables: {@code "Release x: message"}. */
    public String oneLine() {
        String subject = subject();
        String firstLine = message.lines().findFirst().orElse("");
        return subject.isEmpty() ? firstLine : subject + ": " + firstLine;
    }

    public String pathText() {
        return String.join(" \u2192 ", path);
    }
}
