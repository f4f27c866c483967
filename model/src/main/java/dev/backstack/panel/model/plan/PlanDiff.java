package dev.backstack.panel.model.plan;

import java.util.List;

/**
 * A plan against what its journal says is installed: which steps are new, which would change
 * (with the title they had, which carries the versions), which are as installed. The upgrade
 * view. Immutable.
 *
 * @param installed the title of the installed plan (with its lock version); empty when nothing is recorded
 */
public record PlanDiff(String installed, String next, List<Change> steps) {

    /** One step of the plan, compared. */
    public record Change(String stepId, String title, String installedTitle, Kind kind) {}

    /** How a step compares with what is installed. */
    public enum Kind {
        NEW,
        CHANGED,
        SAME
    }

    public PlanDiff {
        steps = List.copyOf(steps);
    }

    public boolean nothingInstalled() {
        return installed.isEmpty() && steps.stream().allMatch(c -> c.kind() == Kind.NEW);
    }

    /** The lines {@code install --dry-run} prints. */
    public List<String> lines() {
        return steps.stream()
                .filter(c -> c.kind() != Kind.SAME)
                .map(c -> switch (c.kind()) {
                    case NEW -> "  new:     " + c.title();
                    case CHANGED ->
                        "  changed: " + c.title()
                                + (c.installedTitle().equals(c.title())
                                        ? " (new objects or values)"
                                        : " (installed: " + c.installedTitle() + ")");
                    case SAME -> "";
                })
                .toList();
    }
}
