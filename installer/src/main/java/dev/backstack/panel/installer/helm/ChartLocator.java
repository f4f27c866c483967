package dev.backstack.panel.installer.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a {@link ChartRef} against an optional local mirror folder the user chose for an
 * air-gapped install. For a chart {@code name} at {@code version} it looks, in this order, for
 * {@code <mirror>/<name>-<version>.tgz} (the file name carries the version, as {@code helm pull}
 * names it) and for an unpacked {@code <mirror>/<name>/} whose {@code Chart.yaml} declares that
 * name and version. The first match becomes a local ChartRef; without a mirror, or without a
 * match, the ChartRef is returned as it is (a mismatching folder is logged and ignored).
 *
 * <p>Immutable; safe on any thread. {@link #resolve} reads the file system, so call it off the FX
 * thread.
 */
public final class ChartLocator {

    private static final Logger LOG = LoggerFactory.getLogger(ChartLocator.class);
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path mirror;

    private ChartLocator(Path mirror) {
        this.mirror = mirror;
    }

    /** A locator without a mirror: every ChartRef resolves to itself. */
    public static ChartLocator direct() {
        return new ChartLocator(null);
    }

    /** A locator that prefers charts found in {@code mirror} (a folder). */
    public static ChartLocator withMirror(Path mirror) {
        return new ChartLocator(
                Objects.requireNonNull(mirror, "mirror").toAbsolutePath().normalize());
    }

    /** The mirror folder, when there is one. */
    public Optional<Path> mirror() {
        return Optional.ofNullable(mirror);
    }

    /** The chart to use for {@code ref}: a mirror copy when one matches, else {@code ref}. */
    public ChartRef resolve(ChartRef ref) {
        if (mirror == null || ref.isLocal()) {
            return ref;
        }
        Path tgz = mirror.resolve(ref.name() + "-" + ref.version() + ".tgz");
        if (Files.isRegularFile(tgz)) {
            LOG.info("Chart {} {} taken from the mirror archive {}", ref.name(), ref.version(), tgz);
            return new ChartRef(ref.name(), tgz.toString(), ref.version());
        }
        Path folder = mirror.resolve(ref.name());
        if (Files.isRegularFile(folder.resolve("Chart.yaml"))) {
            Optional<String> problem = folderProblem(folder, ref);
            if (problem.isEmpty()) {
                LOG.info("Chart {} {} taken from the mirror folder {}", ref.name(), ref.version(), folder);
                return new ChartRef(ref.name(), folder.toString(), ref.version());
            }
            LOG.warn("Mirror folder {} ignored: {}", folder, problem.get());
        }
        LOG.debug("Chart {} not in the mirror {}; using {}", ref.name(), mirror, ref.repository());
        return ref;
    }

    /**
     * Why the unpacked chart in {@code folder} is not {@code ref}: a different name or version
     * in its Chart.yaml, or an unreadable Chart.yaml; empty when it matches.
     */
    static Optional<String> folderProblem(Path folder, ChartRef ref) {
        try {
            JsonNode chart = YAML.readTree(folder.resolve("Chart.yaml").toFile());
            String name = chart == null ? "" : chart.path("name").asText("");
            String version = chart == null ? "" : chart.path("version").asText("");
            if (!ref.name().equals(name)) {
                return Optional.of("its Chart.yaml names chart '" + name + "', not '" + ref.name() + "'");
            }
            if (!ref.version().equals(version)) {
                return Optional.of("its Chart.yaml has version " + version + ", not " + ref.version());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("its Chart.yaml cannot be read: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return mirror == null ? "ChartLocator[direct]" : "ChartLocator[mirror " + mirror + "]";
    }
}
