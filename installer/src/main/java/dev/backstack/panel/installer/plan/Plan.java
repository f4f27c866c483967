package dev.backstack.panel.installer.plan;

import dev.backstack.panel.model.plan.PlanPreview;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan: a DAG of steps, checked when built (unique ids, known dependencies, no cycle) and kept
 * in a stable run order (each step after its dependencies, otherwise in the order given).
 * Immutable; safe on any thread.
 */
public final class Plan {

    private final String id;
    private final String title;
    private final List<Step> ordered;

    public Plan(String id, String title, List<Step> steps) {
        this.id = id;
        this.title = title;
        this.ordered = order(steps);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The steps in run order. */
    public List<Step> steps() {
        return ordered;
    }

    public Optional<Step> step(String stepId) {
        return ordered.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** Everything the plan would do, in run order, secret values redacted. */
    public PlanPreview preview() {
        return new PlanPreview(id, title, ordered.stream().map(Step::preview).toList());
    }

    private static List<Step> order(List<Step> steps) {
        Map<String, Step> byId = new LinkedHashMap<>();
        for (Step s : steps) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("two steps have the id " + s.id());
            }
        }
        for (Step s : steps) {
            for (String dep : s.info().dependsOn()) {
                if (!byId.containsKey(dep)) {
                    throw new IllegalArgumentException("step " + s.id() + " depends on unknown step " + dep);
                }
            }
        }
        List<Step> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (out.size() < steps.size()) {
            Step next = steps.stream()
                    .filter(s -> !placed.contains(s.id()))
                    .filter(s -> placed.containsAll(s.info().dependsOn()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the steps' dependencies form a cycle among "
                            + steps.stream()
                                    .map(Step::id)
                                    .filter(i -> !placed.contains(i))
                                    .toList()));
            out.add(next);
            placed.add(next.id());
        }
        return List.copyOf(out);
    }
}
