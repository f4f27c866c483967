package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.views.fx.Styles;
import java.util.List;

/**
 * The header's connection badge: what the panel knows of its link to the selected cluster, and
 * the badge style that says it at a glance (green only when every watch is live).
 */
public enum ConnectionState {
    CONNECTING("connecting", Styles.BADGE_PENDING),
    REACHABLE("reachable", Styles.BADGE_OK),
    /** The API server answers but a watch lost its connection and fabric8 is re-opening it. */
    RECONNECTING("reconnecting", Styles.BADGE_WARNING),
    UNREACHABLE("unreachable", Styles.BADGE_DANGER),
    /** Known from the hub only (an Argo CD cluster secret, a claim): no context to connect with. */
    NOT_CONNECTED("not connected", Styles.BADGE_NEUTRAL);

    private final String label;
    private final String style;

    ConnectionState(String label, String style) {
        this.label = label;
        this.style = style;
    }

    /** The state of a cluster from its reachability and its watches. */
    public static ConnectionState of(Reachability reachability, List<WatchState> watches) {
        return switch (reachability.state()) {
            case CONNECTING -> CONNECTING;
            case UNREACHABLE -> UNREACHABLE;
            case NOT_CONNECTED -> NOT_CONNECTED;
            case REACHABLE ->
                watches.stream().anyMatch(w -> w.state() == WatchState.State.RECONNECTING) ? RECONNECTING : REACHABLE;
        };
    }

    public String label() {
        return label;
    }

    /** One of {@link Styles#CONNECTION_BADGES}. */
    public String style() {
        return style;
    }
}
