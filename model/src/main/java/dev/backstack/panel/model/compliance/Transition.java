package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.ResourceRef;
import dev.backstack.panel.model.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy result about a resource that started or stopped failing.
 *
 * @param from    the verdict before; empty when the result had not been seen (a new failure)
 * @param to      the verdict after; empty when the result is gone (its report or resource was deleted)
 * @param rule    the rule behind the worse of the two verdicts
 * @param message the message of the newer verdict, else of the older
 */
public record Transition(
        long atMillis,
        String cluster,
        String policy,
        ResourceRef resource,
        String rule,
        Optional<Verdict> from,
        Optional<Verdict> to,
        String message) {

    public Transition {
        rule = Objects.requireNonNullElse(rule, "");
        message = Objects.requireNonNullElse(message, "");
        from = Objects.requireNonNullElse(from, Optional.empty());
        to = Objects.requireNonNullElse(to, Optional.empty());
    }

    /** True for a result that now fails (or errors), false for one that recovered or went away. */
    public boolean failing() {
        return to.map(Verdict::failing).orElse(false);
    }

    /** {@code pass → fail}; {@code none} for an absent side. */
    public String change() {
        return from.map(Verdict::label).orElse("none") + " \u2192 "
                + to.map(Verdict::label).orElse("none");
    }
}
