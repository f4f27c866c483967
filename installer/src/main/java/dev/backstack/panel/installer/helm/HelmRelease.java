package dev.backstack.panel.installer.helm;

import java.util.Map;
import java.util.Objects;

/**
 * One Helm release the panel installs: name, namespace, chart and values. Values never hold
 * secrets (charts reference Kubernetes Secrets instead). Immutable; safe on any thread.
 */
public record HelmRelease(String name, String namespace, ChartRef chart, Map<String, Object> values) {

    public HelmRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(chart, "chart");
        values = values == null ? Map.of() : values;
    }
}
