package dev.backstack.panel.installer.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One named context, cluster or user as found in a kubeconfig file, before resolution.
 *
 * @param name the entry's name
 * @param body the {@code context:}/{@code cluster:}/{@code user:} section, or null when absent
 * @param file the kubeconfig file that defines it
 */
record NamedEntry(String name, JsonNode body, Path file) {

    /** The directory relative paths in this entry are resolved against. */
    Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    /** A field of the body as text; empty when absent or null. */
    String text(String field) {
        return Yaml.text(body, field);
    }

    /** A field of the body that holds a path, resolved against {@link #baseDir()}; null when absent. */
    Path path(String field) {
        String value = text(field);
        if (value.isEmpty()) {
            return null;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path.normalize() : baseDir().resolve(path).normalize();
    }

    /** What the user sees as this entry's identity, e.g. {@code cluster `prod` (in /home/me/.kube/config)}. */
    String describe(String kind) {
        return kind + " `" + name + "` (in " + file + ")";
    }
}
