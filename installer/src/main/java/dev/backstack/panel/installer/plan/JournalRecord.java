package dev.backstack.panel.installer.plan;

import dev.backstack.panel.model.plan.StepState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journal remembers of a plan: each step's last state with the fingerprint of what it
 * applied, and the preflight warnings the user chose to override. Never holds secret values.
 * Immutable; {@link #with} returns a copy.
 *
 * @param overrides the overridden warnings, as {@code id: detail} lines
 */
public record JournalRecord(String planId, String title, Map<String, Entry> steps, List<String> overrides) {

    /** One step's last recorded state, with the title it had then (titles carry versions). */
    public record Entry(StepState state, String fingerprint, String at, String message, String title) {}

    public JournalRecord {
        title = title == null ? "" : title;
        steps = steps == null ? Map.of() : Map.copyOf(steps);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public static JournalRecord empty(String planId) {
        return new JournalRecord(planId, "", Map.of(), List.of());
    }

    /** The same record for a plan with this title (the version lock it was built from). */
    public JournalRecord titled(String planTitle) {
        return planTitle.equals(title) ? this : new JournalRecord(planId, planTitle, steps, overrides);
    }

    public JournalRecord with(String stepId, Entry entry) {
        Map<String, Entry> next = new LinkedHashMap<>(steps);
        next.put(stepId, entry);
        return new JournalRecord(planId, title, next, overrides);
    }

    public JournalRecord withOverrides(List<String> more) {
        List<String> next = new java.util.ArrayList<>(overrides);
        more.stream().filter(o -> !next.contains(o)).forEach(next::add);
        return new JournalRecord(planId, title, steps, next);
    }

    /** The step's entry when it last finished successfully with this fingerprint. */
    public boolean doneWith(String stepId, String fingerprint) {
        Entry e = steps.get(stepId);
        return e != null && e.state().succeeded() && e.fingerprint().equals(fingerprint);
    }
}
