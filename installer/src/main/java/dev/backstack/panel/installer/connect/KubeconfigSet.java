package dev.backstack.panel.installer.connect;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The merged view of a {@code KUBECONFIG} list, as kubectl would see it: every context with the
 * file it comes from, the current context, the files that could not be read and warnings
 * (shadowed names, a current-context that names no context, ...). Immutable; safe to share
 * between threads.
 *
 * @param contexts       the contexts in file order, first definition of each name only
 * @param currentContext the current context, present only if it names one of {@code contexts}
 * @param problems       files that could not be used at all
 * @param warnings       things the user should know, naming the files involved
 */
public record KubeconfigSet(
        List<ContextEntry> contexts,
        Optional<String> currentContext,
        List<FileProblem> problems,
        List<String> warnings) {

    public KubeconfigSet {
        contexts = List.copyOf(contexts);
        currentContext = currentContext == null ? Optional.empty() : currentContext;
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** The context with this name, if any. */
    public Optional<ContextEntry> find(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The current context's entry, if the kubeconfig names one that exists. */
    public Optional<ContextEntry> current() {
        return currentContext.flatMap(this::find);
    }

    /** The problems of one file, for a per-file error display. */
    public List<FileProblem> problemsOf(Path file) {
        return problems.stream().filter(p -> p.path().equals(file)).toList();
    }
}
