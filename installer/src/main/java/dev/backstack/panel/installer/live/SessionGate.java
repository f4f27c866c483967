package dev.backstack.panel.installer.live;

/**
 * What must hold before a {@link ClusterSession} may ask its API server anything: nothing, a
 * credential to obtain first (an exec plugin that may take minutes or wait for a browser login),
 * or a reason the cluster cannot be used at all (its kubeconfig context is broken). A session
 * behind a gate shows the cluster as connecting (with what it waits for) or not connected (with
 * the reason), never as a cluster that has nothing installed.
 *
 * @param waitingFor what the cluster is shown as waiting for while {@code check} runs
 * @param check      blocks until the credential is at hand; throws with a message for the user when it is not
 * @param refusal    non-empty when the cluster cannot be used at all: the reason, said to the user
 */
public record SessionGate(String waitingFor, Runnable check, String refusal) {

    /** Nothing to wait for. */
    public static final SessionGate OPEN = new SessionGate("", () -> {}, "");

    public SessionGate {
        waitingFor = waitingFor == null ? "" : waitingFor;
        refusal = refusal == null ? "" : refusal;
    }

    /** The session starts once {@code check} returns (run off the caller's thread). */
    public static SessionGate credential(String waitingFor, Runnable check) {
        return new SessionGate(waitingFor, check, "");
    }

    /** The cluster cannot be used; the session never starts. */
    public static SessionGate refused(String reason) {
        return new SessionGate("", () -> {}, reason);
    }

    public boolean refuses() {
        return !refusal.isEmpty();
    }

    /** Whether there is a credential to obtain before the session starts. */
    boolean waits() {
        return !waitingFor.isEmpty() && refusal.isEmpty();
    }
}
