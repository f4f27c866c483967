package dev.backstack.panel.app;

/**
 * The kubeconfig gives no hub to connect to: no usable file, no context of the name asked for, or
 * no current context. The message says which files were read and what to do; the window shows it
 * with a way out, the headless commands print it and exit 3.
 */
public final class NoHubException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NoHubException(String message) {
        super(message);
    }
}
