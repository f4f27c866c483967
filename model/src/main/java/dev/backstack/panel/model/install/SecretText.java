package dev.backstack.panel.model.install;

import java.util.Arrays;

/**
 * A secret value held in memory only (a token, a key, a credentials file's contents). Its
 * {@link #toString()} never shows the value; {@link #clear()} overwrites it. Not a record, so
 * the value is never printed by accident. Thread-safe.
 */
public final class SecretText {

    private static final SecretText EMPTY = new SecretText(new char[0]);
    private final char[] value;
    private volatile boolean cleared;

    private SecretText(char[] value) {
        this.value = value;
    }

    public static SecretText of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new SecretText(value.toCharArray());
    }

    public static SecretText of(char[] value) {
        return value == null || value.length == 0 ? EMPTY : new SecretText(value.clone());
    }

    public static SecretText empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return cleared || value.length == 0;
    }

    /** The value, for the one place that writes it into a Kubernetes Secret. */
    public synchronized String reveal() {
        return cleared ? "" : new String(value);
    }

    public int length() {
        return cleared ? 0 : value.length;
    }

    /** Overwrites the value in memory. */
    public synchronized void clear() {
        if (this != EMPTY) {
            Arrays.fill(value, '\0');
            cleared = true;
        }
    }

    @Override
    public String toString() {
        return isEmpty() ? "<empty>" : "<secret, " + value.length + " characters>";
    }
}
