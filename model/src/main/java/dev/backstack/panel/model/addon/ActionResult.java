package dev.backstack.panel.model.addon;

import java.util.Objects;

/**
 * How one action on one Application ended.
 *
 * @param namespace   the Application's namespace on the hub
 * @param application the Application's name
 * @param outcome     written, refused before any write (the message says why), or failed
 * @param message     what was written, or what failed and what to do next
 */
public record ActionResult(
        String namespace, String application, ApplicationAction action, Outcome outcome, String message) {

    public enum Outcome {
        /** The Application object now carries the request; Argo CD's controller takes it from there. */
        DONE,
        /** Nothing was written: the Application's state does not allow the action (for example a sync is running). */
        REFUSED,
        /** The write failed (not found, forbidden, conflict, unreachable). */
        FAILED
    }

    public ActionResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(action, "action");
    }

    public boolean done() {
        return outcome == Outcome.DONE;
    }
}
