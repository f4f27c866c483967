package dev.backstack.panel.installer.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential plugins the user allowed the panel to run (T28: a kubeconfig from an untrusted
 * source may carry {@code command: sh, args: [-c, "curl … | sh"]}). Same idea as client-go's
 * credential-plugin allowlist: a plugin from a file the user did not already trust runs only
 * after an explicit approval of exactly that command line.
 *
 * <p>An approval is keyed by the kubeconfig file that defines the user and a SHA-256 of the exec
 * spec ({@link ExecSpecHash#of}: command, arguments, environment names and values, API version,
 * cluster info): any change of the spec needs a new approval. The approvals are kept in
 * {@code plugin-approvals.json} in the directory given to the constructor (the app passes
 * {@code AppDirs.config}), written atomically and readable by the owner only. The file holds the
 * kubeconfig path, the hash and the command's file name: never arguments or environment values,
 * which may hold secrets.
 *
 * <p>Thread-safe; reads and writes the file, so call it off the FX thread.
 */
public final class PluginApprovals {

    private static final Logger LOG = LoggerFactory.getLogger(PluginApprovals.class);

    /** The name of the allowlist file in the config directory. */
    public static final String FILE_NAME = "plugin-approvals.json";

    private static final int VERSION = 1;

    private record Key(String kubeconfig, String sha256) {}

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Key, String> approvals = new LinkedHashMap<>();

    /**
     * Loads the approvals kept in {@code configDir}; a missing file means none. A file that cannot
     * be read approves nothing (and is replaced on the next {@link #approve}).
     */
    public PluginApprovals(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
        load();
    }

    /** The allowlist file. */
    public Path file() {
        return file;
    }

    /** True when the user approved exactly this exec spec for this kubeconfig file. */
    public synchronized boolean approved(Path kubeconfig, ExecSpec spec) {
        return approvals.containsKey(key(kubeconfig, spec));
    }

    /** Records the user's approval of this exec spec for this kubeconfig file and saves the allowlist. */
    public synchronized void approve(Path kubeconfig, ExecSpec spec) {
        approvals.put(key(kubeconfig, spec), commandName(spec));
        save();
        LOG.info("credential plugin `{}` approved for {}", commandName(spec), kubeconfig);
    }

    /**
     * The contexts of {@code set} whose credential plugin must not run before the user approves it:
     * those with an exec plugin defined in a file that is not in {@code trustedFiles} and that was
     * not approved. The trusted files are the caller's: the app trusts the user's own kubeconfig
     * (their {@code KUBECONFIG} list, {@code ~/.kube/config}, or {@code --kubeconfig}), whose
     * plugins kubectl already runs, and not a file opened in the window.
     */
    public synchronized List<ContextEntry> needingApproval(KubeconfigSet set, Set<Path> trustedFiles) {
        Set<Path> trusted =
                trustedFiles.stream().map(PluginApprovals::normalize).collect(Collectors.toSet());
        return set.contexts().stream().filter(entry -> !mayRun(entry, trusted)).toList();
    }

    /**
     * The gate to check right before a client is built for {@code entry}: true when the context has
     * no credential plugin, or its plugin comes from one of {@code trustedFiles}, or the user
     * approved exactly that plugin for that file.
     */
    public synchronized boolean mayRun(ContextEntry entry, Set<Path> trustedFiles) {
        if (entry.exec().isEmpty()) {
            return true;
        }
        Path pluginFile = normalize(pluginFile(entry));
        boolean trusted = trustedFiles.stream().map(PluginApprovals::normalize).anyMatch(pluginFile::equals);
        return trusted || approved(pluginFile, entry.exec().get());
    }

    /**
     * The file the context's exec plugin comes from: the one that defines its user (which may be
     * another file of the {@code KUBECONFIG} list than the context's). Pass it to
     * {@link #approve} and {@link #approved}.
     */
    public static Path pluginFile(ContextEntry entry) {
        Path userSource = entry.details().userSource();
        return userSource != null ? userSource : entry.source();
    }

    /**
     * The plugin as the approval dialog shows it: the command, each argument (secret-looking parts
     * masked by {@link Redactor}) and the environment variable names, values masked.
     */
    public static String describe(ExecSpec spec) {
        StringBuilder text = new StringBuilder();
        text.append("command: ").append(spec.command()).append('\n');
        text.append("args: ");
        text.append(spec.args().isEmpty() ? "(none)" : displayArgs(spec.args()));
        text.append('\n');
        text.append("env: ");
        text.append(
                spec.env().isEmpty()
                        ? "(none)"
                        : spec.env().keySet().stream()
                                .sorted()
                                .map(name -> name + "=" + Redactor.MASK)
                                .collect(Collectors.joining(", ")));
        return text.toString();
    }

    /**
     * The arguments as one line: quoted where they hold blanks or quotes, then masked by
     * {@link Redactor} as a whole (so {@code --token abc} is masked even though {@code abc} alone
     * looks harmless).
     */
    public static String displayArgs(List<String> args) {
        return Redactor.redact(args.stream().map(PluginApprovals::quote).collect(Collectors.joining(" ")));
    }

    private static String quote(String arg) {
        if (arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) || arg.contains("\"")) {
            return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return arg;
    }

    /** The command's file name (what the allowlist keeps, for the user reading it). */
    public static String commandName(ExecSpec spec) {
        String command = spec.command();
        int slash = Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\'));
        return slash >= 0 ? command.substring(slash + 1) : command;
    }

    private static Key key(Path kubeconfig, ExecSpec spec) {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(spec, "spec");
        return new Key(normalize(kubeconfig).toString(), ExecSpecHash.of(spec));
    }

    private static Path normalize(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            JsonNode list = root == null ? null : root.get("approvals");
            if (list == null || !list.isArray()) {
                LOG.warn("{} has no approvals list; no credential plugin is approved", file);
                return;
            }
            for (JsonNode item : list) {
                String kubeconfig = item.path("kubeconfig").asText("");
                String sha = item.path("sha256").asText("");
                if (!kubeconfig.isEmpty() && sha.matches("[0-9a-f]{64}")) {
                    approvals.put(new Key(kubeconfig, sha), item.path("command").asText(""));
                }
            }
        } catch (IOException e) {
            LOG.warn(
                    "{} cannot be read ({}); no credential plugin is approved",
                    file,
                    Redactor.redact(String.valueOf(e.getMessage())));
        }
    }

    private void save() {
        ObjectNode root = json.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("approvals");
        approvals.forEach((key, command) -> list.addObject()
                .put("kubeconfig", key.kubeconfig())
                .put("command", command)
                .put("sha256", key.sha256()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the plugin approvals to " + file, e);
        }
    }
}
