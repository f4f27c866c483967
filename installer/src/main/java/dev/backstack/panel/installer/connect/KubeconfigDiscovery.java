package dev.backstack.panel.installer.connect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and merges kubeconfig files with kubectl's semantics. {@code KUBECONFIG} is a list of
 * paths separated by {@link File#pathSeparator}; empty entries are ignored, duplicates read once
 * and relative entries taken from the working directory; when the variable is unset or empty,
 * {@code <home>/.kube/config} is used. Contexts,
 * clusters and users are merged by name and {@code current-context} is taken from the first
 * file that sets it: the first file wins, and every shadowed duplicate gives a warning naming
 * both files. A file that cannot be read or parsed gives a {@link FileProblem}; a context that
 * cannot be used carries its own problems; everything else stays usable. Relative paths in a
 * cluster or user are resolved against the directory of the file that defines it.
 *
 * <p>Files are only ever opened for reading. The environment and home directory are passed in;
 * nothing is read from {@code System.getenv}. Stateless and thread-safe, but it does file I/O:
 * call it off the FX thread.
 */
public final class KubeconfigDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(KubeconfigDiscovery.class);

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** One parsed file, or the reason it could not be parsed. */
    private record Loaded(Path path, JsonNode root, FileProblem problem) {}

    /**
     * Reads the kubeconfig files named by {@code env} (only {@code KUBECONFIG} is looked at) and
     * merges them.
     *
     * @param env  the process environment (usually {@code System.getenv()}, passed by the caller)
     * @param home the user's home directory
     */
    public KubeconfigSet discover(Map<String, String> env, Path home) {
        List<String> warnings = new ArrayList<>();
        List<Path> paths = kubeconfigPaths(env, home, warnings);
        List<FileProblem> problems = new ArrayList<>();
        KubeconfigMerge merge = new KubeconfigMerge(warnings);
        for (Path path : paths) {
            Loaded loaded = load(path);
            if (loaded.problem() != null) {
                problems.add(loaded.problem());
            } else {
                merge.add(path, loaded.root());
            }
        }
        KubeconfigSet set = merge.result(problems);
        LOG.debug(
                "kubeconfig: {} file(s), {} context(s), {} file problem(s), {} warning(s)",
                paths.size(),
                set.contexts().size(),
                problems.size(),
                warnings.size());
        return set;
    }

    /** The files kubectl would read, in order, for this environment and home directory. */
    public static List<Path> kubeconfigPaths(Map<String, String> env, Path home) {
        return kubeconfigPaths(env, home, new ArrayList<>());
    }

    private static List<Path> kubeconfigPaths(Map<String, String> env, Path home, List<String> warnings) {
        String list = env.get("KUBECONFIG");
        if (list == null || list.isEmpty()) {
            return List.of(
                    home.resolve(".kube").resolve("config").toAbsolutePath().normalize());
        }
        Set<Path> paths = new LinkedHashSet<>();
        for (String entry : list.split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                paths.add(Path.of(entry).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                warnings.add("KUBECONFIG entry `" + entry + "` is not a valid path and was skipped");
            }
        }
        if (paths.isEmpty()) {
            warnings.add("KUBECONFIG is set but names no file");
        }
        return List.copyOf(paths);
    }

    private Loaded load(Path path) {
        if (!Files.exists(path)) {
            return failed(path, "the file does not exist");
        }
        if (Files.isDirectory(path)) {
            return failed(path, "this is a directory, not a kubeconfig file");
        }
        if (!Files.isReadable(path)) {
            return failed(path, "the file cannot be read (permission denied)");
        }
        try (InputStream in = Files.newInputStream(path)) {
            JsonNode root = yaml.readTree(in);
            if (root == null || root.isMissingNode() || root.isNull()) {
                return new Loaded(path, yaml.createObjectNode(), null);
            }
            if (!root.isObject()) {
                return failed(
                        path,
                        "not a kubeconfig: the top level must be a YAML mapping with clusters,"
                                + " contexts and users");
            }
            return new Loaded(path, root, null);
        } catch (JsonProcessingException e) {
            return failed(path, syntaxMessage(e));
        } catch (IOException e) {
            return failed(path, "the file cannot be read: " + Redactor.redact(String.valueOf(e.getMessage())));
        }
    }

    private static Loaded failed(Path path, String message) {
        return new Loaded(path, null, new FileProblem(path, message));
    }

    /** The parser's complaint without the quoted source lines (which may hold secrets). */
    static String syntaxMessage(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String reason = original.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .filter(line -> !line.startsWith("^"))
                .collect(Collectors.joining("; "));
        return "YAML syntax error" + where + (reason.isEmpty() ? "" : ": " + Redactor.redact(reason));
    }

    /** Merges parsed files in order, first definition of each name wins. */
    private static final class KubeconfigMerge {
        private final Map<String, NamedEntry> contexts = new LinkedHashMap<>();
        private final Map<String, NamedEntry> clusters = new LinkedHashMap<>();
        private final Map<String, NamedEntry> users = new LinkedHashMap<>();
        private final List<String> warnings;
        private String current;
        private Path currentFrom;

        KubeconfigMerge(List<String> warnings) {
            this.warnings = warnings;
        }

        void add(Path file, JsonNode root) {
            collect(file, root, "contexts", "context", contexts);
            collect(file, root, "clusters", "cluster", clusters);
            collect(file, root, "users", "user", users);
            String fileCurrent = Yaml.text(root, "current-context");
            if (current == null && !fileCurrent.isEmpty()) {
                current = fileCurrent;
                currentFrom = file;
            }
        }

        private void collect(Path file, JsonNode root, String listName, String kind, Map<String, NamedEntry> into) {
            JsonNode list = root.get(listName);
            if (list == null || list.isNull()) {
                return;
            }
            if (!list.isArray()) {
                warnings.add(file + ": `" + listName + "` is not a list and was ignored");
                return;
            }
            for (JsonNode item : list) {
                String name = Yaml.text(item, "name");
                if (name.isEmpty()) {
                    warnings.add(file + ": a " + kind + " without a name was ignored");
                    continue;
                }
                NamedEntry existing = into.get(name);
                if (existing == null) {
                    into.put(name, new NamedEntry(name, item.get(kind), file));
                } else if (existing.file().equals(file)) {
                    warnings.add(file + " defines " + kind + " `" + name + "` twice; the first definition is used");
                } else {
                    warnings.add(kind + " `" + name + "` in " + file + " is shadowed by the one in " + existing.file()
                            + " (the first file in KUBECONFIG wins)");
                }
            }
        }

        KubeconfigSet result(List<FileProblem> problems) {
            ContextResolver resolver = new ContextResolver(clusters, users);
            List<ContextEntry> entries =
                    contexts.values().stream().map(resolver::resolve).toList();
            Optional<String> selected = Optional.empty();
            if (current != null && contexts.containsKey(current)) {
                selected = Optional.of(current);
            } else if (current != null) {
                warnings.add("current-context `" + current + "` (set in " + currentFrom
                        + ") names no context; pick a context");
            } else if (!entries.isEmpty()) {
                warnings.add("no kubeconfig file sets current-context; pick a context");
            }
            return new KubeconfigSet(entries, selected, problems, warnings);
        }
    }
}
