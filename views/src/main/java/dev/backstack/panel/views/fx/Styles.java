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
    public static final String BADGE_PENDING = "badge-pending";
    public static final String BADGE_DANGER = "badge-danger";
    public static final String BADGE_NEUTRAL = "badge-neutral";
    public static final String MUTED = "muted";
    public static final String TITLE = "title";
    public static final String REASON = "reason";
    public static final String WIZARD_HEADER = "wizard-header";
    public static final String WIZARD_TITLE = "wizard-title";
    public static final String WIZARD_STEP = "wizard-step";
    public static final String FIELD_LABEL = "field-label";
    public static final String FIELD_HELP = "field-help";
    public static final String FIELD_PROBLEM = "field-problem";
    public static final String CODE = "code-view";
    public static final String MASKED = "masked";
    public static final String BANNER_DANGER = "banner-danger";
    public static final String BANNER_WARNING = "banner-warning";
    public static final String FINDING_PASS = "finding-pass";
    public static final String FINDING_FAIL = "finding-fail";
    public static final String FINDING_WARN = "finding-warn";
    public static final String SECTION = "section-title";

    private Styles() {
    }

    /** {@code health-degraded} and so on. */
    public static String health(Health h) {
        return "health-" + h.name().toLowerCase(Locale.ROOT);
    }

    /** {@code step-state-failed} and so on, for a plan step's state chip. */
    public static String stepState(Enum<?> state) {
        return "step-state-" + state.name().toLowerCase(Locale.ROOT);
    }

    /** Every style the connection badge can take; a view removes them all before adding the current one. */
    public static final String[] CONNECTION_BADGES = {BADGE_PENDING, BADGE_OK, BADGE_WARNING, BADGE_DANGER, BADGE_NEUTRAL};

    /**
     * Keeps one style of {@code family} on {@code node}: the current value of {@code style}. Call
     * on the FX thread.
     */
    public static void follow(javafx.css.Styleable node, javafx.beans.value.ObservableValue<String> style, String... family) {
        javafx.beans.value.ChangeListener<String> apply = (o, a, s) -> {
            node.getStyleClass().removeAll(family);
            if (s != null) {
                node.getStyleClass().add(s);
            }
        };
        style.addListener(apply);
        apply.changed(style, null, style.getValue());
    }

    public static final String[] ALL_HEALTH = java.util.Arrays.stream(Health.values()).map(Styles::health)
            .toArray(String[]::new);
}
