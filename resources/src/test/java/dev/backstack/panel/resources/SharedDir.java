package dev.backstack.panel.resources;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's {@code shared/} folder (upstream CRDs, the reference implementation),
 * which lies beside the project root. Surefire runs in the module folder, so this walks up from
 * the working directory until a folder's {@code ../shared/crds} exists. Fails loudly when
 * there is none: these tests must not skip silently.
 */
final class SharedDir {

    private SharedDir() {}

    static Path get() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("../shared").normalize();
            if (Files.isDirectory(candidate.resolve("crds"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no ../shared/crds beside the project root above " + dir
                + ": the schema tests need the upstream CRDs (see shared/crds/README.md)");
    }

    static Path crds() {
        return get().resolve("crds");
    }

    /** The reference implementation's Crossplane APIs (back-stack/showcase crossplane/apis). */
    static Path referenceApis() {
        Path apis = get().resolve("backstack-showcase/crossplane/apis");
        if (!Files.isDirectory(apis)) {
            throw new IllegalStateException("missing " + apis);
        }
        return apis;
    }

    static Path referenceFile(String relative) {
        Path file = get().resolve("backstack-showcase").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file);
        }
        return file;
    }
}
