package dev.backstack.panel.installer.helm;

/** A Helm operation failed; the message says what and where, without values or credentials. */
public final class HelmException extends Exception {

    public HelmException(String message) {
        super(message);
    }

    public HelmException(String message, Throwable cause) {
        super(message, cause);
    }
}
