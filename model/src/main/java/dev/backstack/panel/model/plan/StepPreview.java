package dev.backstack.panel.model.plan;

import java.util.List;

/**
 * What one step would do: the objects it applies (or deletes), or the Helm chart and values it
 * installs. Immutable.
 *
 * @param objects the objects, secret values redacted
 * @param chart   for Helm steps, {@code crossplane 2.3.4 from https://...}; otherwise empty
 * @param values  for Helm steps, the values as YAML; otherwise empty
 */
public record StepPreview(StepInfo info, List<ObjectPreview> objects, String chart, String values) {

    public StepPreview {
        objects = List.copyOf(objects);
        chart = chart == null ? "" : chart;
        values = values == null ? "" : values;
    }
}
