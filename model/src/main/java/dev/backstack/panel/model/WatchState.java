package dev.backstack.panel.model;

/**
 * The state of one informer, so the UI can say "stale" or "no permission" instead of showing old
 * or empty data as current.
 *
 * @param cluster         the cluster id
 * @param resource        what is watched, for example {@code "Deployments in argocd"}
 * @param attempt         consecutive failed attempts while reconnecting, else 0
 * @param nextRetryMillis epoch millis of the next attempt while reconnecting, else 0
 * @param lastEventMillis epoch millis of the last list or event, 0 before the first
 * @param message         the last error, or ""
 */
public record WatchState(
        String cluster,
        String resource,
        State state,
        int attempt,
        long nextRetryMillis,
        long lastEventMillis,
        String message) {

    /** Informer lifecycle as the user sees it. */
    public enum State {
        STARTING,
        WATCHING,
        RECONNECTING,
        FORBIDDEN,
        NOT_INSTALLED,
        STOPPED
    }

    public boolean isProblem() {
        return state == State.RECONNECTING || state == State.FORBIDDEN || state == State.STOPPED;
    }

    /** One line for badges and tooltips. */
    public String describe() {
        return switch (state) {
            case STARTING -> resource + ": starting";
            case WATCHING -> resource + ": watching";
            case RECONNECTING ->
                resource + ": reconnecting (attempt " + attempt + ")" + (message.isEmpty() ? "" : ": " + message);
            case FORBIDDEN -> "no permission to list " + resource;
            case NOT_INSTALLED -> resource + ": not installed";
            case STOPPED -> resource + ": stopped" + (message.isEmpty() ? "" : ": " + message);
        };
    }
}
