package dev.backstack.panel.model.plan;

import java.util.List;

/** Everything a plan would do, step by step, in the order it runs. Immutable. */
public record PlanPreview(String planId, String title, List<StepPreview> steps) {

    public PlanPreview {
        steps = List.copyOf(steps);
    }

    public int objectCount() {
        return steps.stream().mapToInt(s -> s.objects().size()).sum();
    }
}
