package dev.backstack.panel.model;

/** Whether the panel can talk to a cluster right now. */
public record Reachability(State state, String message) {

    /** Connection states, from best to worst. */
    public enum State {
        REACHABLE,
        CONNECTING,
        NOT_CONNECTED,
        UNREACHABLE
    }

    public static final Reachability REACHABLE = new Reachability(State.REACHABLE, "");
    public static final Reachability CONNECTING = new Reachability(State.CONNECTING, "connecting");

    public static Reachability unreachable(String message) {
        return new Reachability(State.UNREACHABLE, message);
    }

    public static Reachability notConnected(String message) {
        return new Reachability(State.NOT_CONNECTED, message);
    }

    public boolean isReachable() {
        return state == State.REACHABLE;
    }

    public String label() {
        return switch (state) {
            case REACHABLE -> "reachable";
            case CONNECTING -> "connecting";
            case NOT_CONNECTED -> "not connected";
            case UNREACHABLE -> "unreachable";
        };
    }
}
