package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.addon.ApplicationAction;
import java.time.Instant;

/**
 * One action on one Application as it happens: pending until the hub answered, then done,
 * refused or failed, with the message.
 */
public record ActionProgress(
        long request,
        ApplicationAction action,
        String namespace,
        String application,
        State state,
        String message,
        Instant at) {

    public enum State {
        PENDING("pending"),
        DONE("done"),
        REFUSED("refused"),
        FAILED("failed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code Sync spoke-2-kyverno: done — sync requested…}. */
    public String line() {
        return action.title() + " " + application + ": " + state.label()
                + (message == null || message.isEmpty() ? "" : " \u2014 " + message);
    }
}
