package dev.backstack.panel.installer.connect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A kubeconfig file that could not be used at all (missing, unreadable, YAML syntax error). The
 * message names the problem (with the line number for syntax errors) and never quotes file
 * content. Other files of the same {@code KUBECONFIG} list stay usable. Immutable; use on any thread.
 *
 * @param path    the kubeconfig file
 * @param message what is wrong, for the user
 */
public record FileProblem(Path path, String message) {

    public FileProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
