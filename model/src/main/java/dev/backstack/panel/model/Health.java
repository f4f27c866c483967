package dev.backstack.panel.model;

import java.util.Collection;

/**
 * Health in Argo CD's vocabulary. The declaration order is the roll-up order: a parent's health
 * is the worst (latest declared) health of its children, so Unknown beats everything because
 * nothing about it can be trusted.
 */
public enum Health {
    HEALTHY("Healthy"),
    SUSPENDED("Suspended"),
    PROGRESSING("Progressing"),
    MISSING("Missing"),
    DEGRADED("Degraded"),
    UNKNOWN("Unknown");

    private static final Health[] ALL = values();

    private final String label;

    Health(String label) {
        this.label = label;
    }

    /** The word Argo CD uses, for example {@code "Progressing"}. */
    public String label() {
        return label;
    }

    public boolean isWorseThan(Health other) {
        return compareTo(other) > 0;
    }

    public Health worst(Health other) {
        return other.isWorseThan(this) ? other : this;
    }

    /** The worst of the given healths; Healthy for an empty collection. */
    public static Health worstOf(Collection<Health> healths) {
        Health worst = HEALTHY;
        for (Health h : healths) {
            worst = worst.worst(h);
        }
        return worst;
    }

    /** Parses Argo CD's spelling, case-insensitively; anything else is Unknown. */
    public static Health parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String trimmed = text.trim();
        for (Health h : ALL) {
            // the label and the constant's name differ only in case
            if (h.label.equalsIgnoreCase(trimmed)) {
                return h;
            }
        }
        return UNKNOWN;
    }
}
