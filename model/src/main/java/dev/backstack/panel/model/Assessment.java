package dev.backstack.panel.model;

import java.util.Collection;
import java.util.Optional;

/**
 * The verdict of a rule on one object: a health, a short summary for display (for example
 * {@code "Synced, retry 3"}), and, when not healthy, the reason.
 */
public record Assessment(Health health, String summary, Optional<StatusReason> reason) {

    public Assessment {
        summary = summary == null ? "" : summary;
        reason = reason == null ? Optional.empty() : reason;
    }

    public static Assessment healthy(String summary) {
        return new Assessment(Health.HEALTHY, summary, Optional.empty());
    }

    public static Assessment of(Health health, String subject, String message) {
        return new Assessment(health, message, Optional.of(StatusReason.of(subject, message)));
    }

    public static Assessment of(Health health, String summary, String subject, String message) {
        return new Assessment(health, summary, Optional.of(StatusReason.of(subject, message)));
    }

    public static Assessment of(Health health, String summary, StatusReason reason) {
        return new Assessment(health, summary, Optional.ofNullable(reason));
    }

    /**
     * Rolls up children: the worst health wins, and its reason (already the deepest one) is the
     * roll-up's reason. Equal worst healths keep the first child's reason.
     */
    public static Assessment worstOf(Collection<Assessment> children, String healthySummary) {
        Assessment worst = null;
        for (Assessment a : children) {
            if (worst == null || a.health().isWorseThan(worst.health())) {
                worst = a;
            }
        }
        if (worst == null || worst.health() == Health.HEALTHY) {
            return healthy(healthySummary);
        }
        return worst;
    }

    public Assessment under(String parent) {
        return new Assessment(health, summary, reason.map(r -> r.under(parent)));
    }

    public String oneLine() {
        return reason.map(StatusReason::oneLine).orElse(summary);
    }

    /** The reason's hint, or empty when there is no reason or no hint. */
    public String hint() {
        return reason.map(StatusReason::hint).orElse("");
    }

    /** The same assessment, its reason carrying the given hint (nothing changes without a reason). */
    public Assessment withHint(String hint) {
        return new Assessment(health, summary, reason.map(r -> r.withHint(hint)));
    }
}
