package dev.backstack.panel.model;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reference implementation's manifests in {@code ../shared/backstack-showcase} (relative to
 * the project root). Found by walking up from the working directory; a missing directory fails
 * the test rather than skipping it, because these are the real-world inputs the rules must read.
 */
public final class Showcase {

    private static final Path RELATIVE = Path.of("shared", "backstack-showcase");

    private Showcase() {}

    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail(
                "The reference manifests are missing: no directory %s found in %s or any parent. "
                        + "They belong next to the project root (../shared/backstack-showcase).",
                RELATIVE, start);
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail("Reference manifest %s is missing", file);
        }
        return file;
    }

    /** Every document of one file, as maps. */
    public static List<Map<String, Object>> documents(String relative) {
        return TestObjects.parseAll(file(relative));
    }

    /** Every document of one file, as objects. */
    public static List<KubeObject> objects(String relative) {
        return documents(relative).stream().map(TestObjects::fromMap).toList();
    }

    /** The YAML files under a directory of the showcase, sorted. */
    public static List<Path> yamlFiles(String relativeDir) {
        try (Stream<Path> files = Files.walk(root().resolve(relativeDir))) {
            return files.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
