package dev.backstack.panel.views.fx;

import dev.backstack.panel.model.Health;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;

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

    private Styles() {}

    /** One pseudo-class per health: {@code :healthy}, {@code :progressing}, {@code :degraded} and so on. */
    private static final java.util.Map<Health, PseudoClass> HEALTH_STATES = healthStates();

    private static java.util.Map<Health, PseudoClass> healthStates() {
        java.util.Map<Health, PseudoClass> states = new java.util.EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            states.put(h, PseudoClass.getPseudoClass(h.name().toLowerCase(Locale.ROOT)));
        }
        return states;
    }

    /**
     * Shows {@code h} on {@code node} (a card, a chip, a cell, a fleet-map circle) the one way the
     * stylesheet knows: its pseudo-class ({@code :degraded}) on, every other health's off;
     * {@code null} turns them all off (an empty cell). Cheaper than style classes: no list to
     * search and change, and CSS is only re-applied when the health changed.
     */
    public static void health(Node node, Health h) {
        for (java.util.Map.Entry<Health, PseudoClass> e : HEALTH_STATES.entrySet()) {
            node.pseudoClassStateChanged(e.getValue(), e.getKey() == h);
        }
    }

    /** The pseudo-class {@link #health(Node, Health)} sets for {@code h} (tests). */
    public static PseudoClass healthState(Health h) {
        return HEALTH_STATES.get(h);
    }

    /** {@code step-state-failed} and so on, for a plan step's state chip. */
    public static String stepState(Enum<?> state) {
        return "step-state-" + state.name().toLowerCase(Locale.ROOT);
    }

    /** Every style the connection badge can take; a view removes them all before adding the current one. */
    public static final String[] CONNECTION_BADGES = {
        BADGE_PENDING, BADGE_OK, BADGE_WARNING, BADGE_DANGER, BADGE_NEUTRAL
    };

    /**
     * Keeps one style of {@code family} on {@code node}: the current value of {@code style}. Call
     * on the FX thread.
     */
    public static void follow(
            javafx.css.Styleable node, javafx.beans.value.ObservableValue<String> style, String... family) {
        javafx.beans.value.ChangeListener<String> apply = (o, a, s) -> {
            node.getStyleClass().removeAll(family);
            if (s != null) {
                node.getStyleClass().add(s);
            }
        };
        style.addListener(apply);
        apply.changed(style, null, style.getValue());
    }
}
