package dev.backstack.panel.model.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a plan as a person reads it. Immutable; safe on any thread.
 *
 * @param id          stable id within the plan (journal key), such as {@code crossplane}
 * @param title       short title, such as {@code Install Crossplane 2.3.4}
 * @param description what the step does and why, one or two sentences
 * @param kind        what the step does
 * @param dependsOn   ids of the steps that must succeed first
 * @param budget      how long its readiness may take before it is reported as over budget
 */
public record StepInfo(
        String id, String title, String description, StepKind kind, List<String> dependsOn, Duration budget) {

    public StepInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        Objects.requireNonNull(kind, "kind");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(budget, "budget");
    }
}
