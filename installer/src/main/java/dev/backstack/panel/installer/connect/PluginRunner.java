package dev.backstack.panel.installer.connect;

import dev.backstack.panel.installer.connect.ConnectionException.Reason;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a credential plugin once: finds the command on the enriched PATH, builds its environment,
 * runs it without a shell and turns every failure into a {@link ConnectionException} that says
 * what failed and what to do. Never logs the plugin's stdout or arguments.
 */
final class PluginRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRunner.class);
    private static final int STDERR_IN_MESSAGE = 2000;

    private final ExecSpec spec;
    private final Optional<ExecCredentialProvider.ClusterInfo> cluster;
    private final String where;
    private final Map<String, String> appEnv;
    private final LoginShellPath loginShell;
    private final Duration timeout;

    PluginRunner(
            ExecSpec spec,
            Optional<ExecCredentialProvider.ClusterInfo> cluster,
            String where,
            Map<String, String> appEnv,
            LoginShellPath loginShell,
            Duration timeout) {
        this.spec = spec;
        this.cluster = cluster;
        this.where = where;
        this.appEnv = Map.copyOf(appEnv);
        this.loginShell = loginShell;
        this.timeout = timeout;
    }

    String name() {
        return "credential plugin `" + spec.command() + "`";
    }

    /** The PATH the plugin is looked up on and runs with: the app's PATH, then the login shell's. */
    String effectivePath() {
        Set<String> entries = new LinkedHashSet<>();
        String separator = Pattern.quote(File.pathSeparator);
        for (String part : appEnv.getOrDefault("PATH", "").split(separator)) {
            if (!part.isEmpty()) {
                entries.add(part);
            }
        }
        loginShell.get().ifPresent(p -> {
            for (String part : p.split(separator)) {
                if (!part.isEmpty()) {
                    entries.add(part);
                }
            }
        });
        return String.join(File.pathSeparator, entries);
    }

    /** Starts the plugin through {@code started} (so it can be cancelled) and parses its answer. */
    ExecCredentials.Token run(java.util.function.Consumer<PluginProcess> started) {
        String path = effectivePath();
        Path executable = locate(path);
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(spec.args());
        PluginProcess process = new PluginProcess(argv, environment(path), timeout);
        started.accept(process);
        long begin = System.nanoTime();
        PluginProcess.Result result = execute(process, path);
        LOG.info(
                "{} finished in {} ms with exit code {}",
                name(),
                (System.nanoTime() - begin) / 1_000_000,
                result.exitCode());
        if (result.exitCode() != 0) {
            throw new ConnectionException(
                    Reason.PLUGIN_FAILED,
                    name() + " failed (exit " + result.exitCode() + ")" + where + ": "
                            + stderrForMessage(result.stderr()));
        }
        return ExecCredentials.parse(result.stdout(), spec, name());
    }

    private PluginProcess.Result execute(PluginProcess process, String path) {
        try {
            return process.run();
        } catch (NoSuchFileException e) {
            throw notFound(path);
        } catch (IOException e) {
            throw new ConnectionException(
                    Reason.PLUGIN_FAILED,
                    name() + " could not be started" + where + ": " + Redactor.redact(String.valueOf(e.getMessage())),
                    e);
        } catch (InterruptedException e) {
            process.cancel();
            Thread.currentThread().interrupt();
            throw new ConnectionException(Reason.PLUGIN_CANCELLED, name() + " was interrupted" + where);
        } catch (PluginProcess.Aborted e) {
            throw aborted(e.failure());
        }
    }

    private ConnectionException aborted(PluginProcess.Failure failure) {
        return switch (failure) {
            case CANCELLED ->
                new ConnectionException(
                        Reason.PLUGIN_CANCELLED,
                        name() + " was cancelled" + where + "; choose the context again (Clusters…) to run it again");
            case TIMED_OUT ->
                new ConnectionException(
                        Reason.PLUGIN_TIMEOUT,
                        name() + " did not finish within "
                                + timeout.toSeconds() + " s (waiting for a browser login?)" + where
                                + "; finish the login and choose the context again (Clusters…), or run the command in a terminal to see what it waits for");
            case OUTPUT_NOT_CLOSED ->
                new ConnectionException(
                        Reason.PLUGIN_FAILED, name() + " exited but a process it started kept its output open" + where);
        };
    }

    private Path locate(String path) {
        String command = spec.command();
        if (command.contains("/") || command.contains(File.separator)) {
            Path file = Path.of(command);
            if (isExecutable(file)) {
                return file;
            }
            throw new ConnectionException(
                    Reason.PLUGIN_NOT_FOUND,
                    name() + " not found: there is no executable file" + " at " + command + where + "." + hint()
                            + " Fix exec.command in the kubeconfig.");
        }
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            for (String candidate : candidates(command)) {
                try {
                    Path file = Path.of(dir, candidate);
                    if (isExecutable(file)) {
                        return file;
                    }
                } catch (InvalidPathException e) {
                    // a PATH entry that is not a path: skip it like a shell would
                }
            }
        }
        throw notFound(path);
    }

    private ConnectionException notFound(String path) {
        return new ConnectionException(
                Reason.PLUGIN_NOT_FOUND,
                name() + " not found on PATH" + where + "." + hint()
                        + " Install it, or put its full path in the kubeconfig's exec.command. (PATH=" + path + ")");
    }

    private String hint() {
        String hint = spec.installHint().strip();
        if (hint.isEmpty()) {
            return "";
        }
        return " " + hint + (hint.matches("(?s).*[.!?]$") ? "" : ".");
    }

    private static List<String> candidates(String command) {
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            return List.of(command);
        }
        return List.of(command, command + ".exe", command + ".cmd", command + ".bat");
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    private Map<String, String> environment(String path) {
        Map<String, String> env = new HashMap<>(appEnv);
        env.put("PATH", path);
        env.putAll(spec.env());
        env.put("KUBERNETES_EXEC_INFO", ExecCredentials.execInfo(spec, cluster));
        return env;
    }

    private static String stderrForMessage(String stderr) {
        String text = Redactor.redact(stderr.strip());
        if (text.isEmpty()) {
            return "(no output on stderr)";
        }
        return text.length() > STDERR_IN_MESSAGE ? text.substring(0, STDERR_IN_MESSAGE) + " ..." : text;
    }
}
