package dev.backstack.panel.model.addon;

import java.util.Objects;

/**
 * Where an add-on's manifests come from: a Helm chart, or a folder of the GitOps repository.
 * Pure and immutable.
 */
public sealed interface AddonSource {

    /**
     * A Helm chart, pinned exactly.
     *
     * @param name       the chart's name
     * @param repository an {@code https://} Helm repository or an {@code oci://} registry path
     * @param version    the chart version
     * @param appVersion the version of the software the chart installs ("" when the chart has none)
     * @param source     where the pin comes from (as in the version lock)
     */
    record Chart(String name, String repository, String version, String appVersion, String source)
            implements AddonSource {
        public Chart {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(version, "version");
            appVersion = appVersion == null ? "" : appVersion;
            source = source == null ? "" : source;
        }
    }

    /**
     * A folder of the GitOps repository, synced as plain manifests; the repository and the branch
     * are chosen when rendering.
     *
     * @param path   the folder within the repository
     * @param source why this folder (for the catalog table)
     */
    record Git(String path, String source) implements AddonSource {
        public Git {
            Objects.requireNonNull(path, "path");
            source = source == null ? "" : source;
        }
    }
}
