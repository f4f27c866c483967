package dev.backstack.panel.views.task;

/**
 * A progress report of a {@link BackgroundTask}.
 *
 * @param fraction between 0 and 1, or -1 when indeterminate
 * @param message  what the task is doing, never null
 */
public record TaskProgress(double fraction, String message) {

    public static final double INDETERMINATE = -1;

    public TaskProgress {
        message = message == null ? "" : message;
    }

    public boolean indeterminate() {
        return fraction < 0;
    }
}
