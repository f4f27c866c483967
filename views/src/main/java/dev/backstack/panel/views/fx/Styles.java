package dev.backstack.panel.views.fx;

import dev.backstack.panel.model.Health;
import java.util.Locale;

/** Style-class names shared by views and the stylesheet. */
public final class Styles {

    public static final String CARD = "component-card";
    public static final String CHIP = "health-chip";
    public static final String BADGE = "badge";
    public static final String BADGE_SIMULATION = "badge-simulation";
    public static final String BADGE_WARNING = "badge-warning";
    public static final String BADGE_OK = "badge-ok";
    public static final String MUTED = "muted";
    public static final String TITLE = "title";
    public static final String REASON = "reason";

    private Styles() {
    }

    /** {@code health-degraded} and so on. */
    public static String health(Health h) {
        return "health-" + h.name().toLowerCase(Locale.ROOT);
    }

    public static final String[] ALL_HEALTH = java.util.Arrays.stream(Health.values()).map(Styles::health)
            .toArray(String[]::new);
}
