package dev.backstack.panel.model.plan;

import java.util.List;

/**
 * What one step would do: the objects it applies (or deletes), or the Helm release it installs.
 * Immutable.
 *
 * @param objects the objects, secret values redacted
 * @param helm    for Helm steps, the release and its chart; otherwise null
 * @param values  for Helm steps, the values as YAML; otherwise empty
 */
public record StepPreview(StepInfo info, List<ObjectPreview> objects, HelmPreview helm, String values) {

    /** A Helm release a step installs, pinned. */
    public record HelmPreview(String release, String namespace, String chart, String version, String repository) {
        @Override
        public String toString() {
            return chart + " " + version + " from " + repository + ", release " + release + " in namespace "
                    + namespace;
        }
    }

    public StepPreview {
        objects = List.copyOf(objects);
        values = values == null ? "" : values;
    }

    /** For Helm steps, {@code crossplane 2.3.4 from https://..., release crossplane in namespace ...}; else empty. */
    public String chart() {
        return helm == null ? "" : helm.toString();
    }
}
