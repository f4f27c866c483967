package dev.backstack.panel.installer.helm;

import java.util.Objects;

/**
 * Where a chart comes from, pinned. Immutable; safe on any thread.
 *
 * @param name       the chart's name, such as {@code crossplane}
 * @param repository an {@code https://} chart repository, an {@code oci://} registry path (the
 *                   chart name is appended), or a local folder or {@code .tgz} file
 * @param version    the exact chart version
 */
public record ChartRef(String name, String repository, String version) {

    public ChartRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(version, "version");
    }

    public boolean isOci() {
        return repository.startsWith("oci://");
    }

    public boolean isLocal() {
        return !repository.contains("://");
    }

    /** How a person reads it: {@code crossplane 2.1.0 from https://charts.crossplane.io/stable}. */
    @Override
    public String toString() {
        return name + " " + version + " from " + repository;
    }
}
