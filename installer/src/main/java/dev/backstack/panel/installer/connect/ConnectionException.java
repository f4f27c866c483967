package dev.backstack.panel.installer.connect;

/**
 * A connection to a cluster cannot be set up: the kubeconfig context is unusable, the server URL
 * is not https, or the credential plugin failed. The message is meant for the user: it says what
 * failed, where (kubeconfig file and context, or plugin command) and what to do. It never contains
 * a token, a key or a plugin's stdout. Unchecked, because it also travels through fabric8's
 * {@code OAuthTokenProvider} callback; look for it in the cause chain of a
 * {@code KubernetesClientException}. Thrown on whatever thread asked for the connection or token.
 */
public final class ConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so the UI can offer the right action. */
    public enum Reason {
        /** The kubeconfig context has problems (missing cluster, bad certificate data, ...). */
        INVALID_CONTEXT,
        /** The server URL is not https (scheme-less or http://); never downgraded. */
        INSECURE_URL,
        /** TLS material (CA, client certificate or key) could not be loaded. */
        TLS_SETUP,
        /** The credential plugin is not on PATH; offer the full path or the login-shell PATH. */
        PLUGIN_NOT_FOUND,
        /** The credential plugin exited non-zero or could not start. */
        PLUGIN_FAILED,
        /** The credential plugin did not finish in time (often waiting for a browser login). */
        PLUGIN_TIMEOUT,
        /** The user cancelled the credential plugin. */
        PLUGIN_CANCELLED,
        /** The credential plugin printed something that is not a usable ExecCredential. */
        PLUGIN_BAD_OUTPUT,
        /** The kubeconfig asks for something the panel does not support. */
        UNSUPPORTED
    }

    private final Reason reason;

    public ConnectionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ConnectionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Finds the first {@code ConnectionException} in a cause chain (fabric8 wraps exceptions thrown
     * by token providers), or returns null.
     */
    public static ConnectionException findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectionException found) {
                return found;
            }
        }
        return null;
    }
}
