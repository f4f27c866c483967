package dev.backstack.panel.installer.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PATH of the user's login shell. An app started from a desktop launcher gets a short PATH
 * ({@code /usr/bin:/bin}), so credential plugins installed by Homebrew, gcloud or asdf are not
 * found; the login shell knows where they are. Asks {@code $SHELL -l -c 'printf ...'} once, with a
 * timeout, and caches the answer (also a failed one: a missing or broken shell gives empty).
 * Thread-safe; the first {@link #get()} blocks for up to the timeout, so call it off the FX thread.
 */
public final class LoginShellPath {

    private static final Logger LOG = LoggerFactory.getLogger(LoginShellPath.class);
    private static final String START = "<<login-path>>";
    private static final String END = "<</login-path>>";
    private static final Pattern MARKED =
            Pattern.compile(Pattern.quote(START) + "(.*?)" + Pattern.quote(END), Pattern.DOTALL);

    private final String shell;
    private final Map<String, String> env;
    private final Duration timeout;
    private volatile Optional<String> cached;

    /**
     * @param env     the app's environment; {@code SHELL} names the shell (none: no login PATH)
     * @param timeout how long the shell may take (5 s in the app)
     */
    public LoginShellPath(Map<String, String> env, Duration timeout) {
        this.shell = env.getOrDefault("SHELL", "");
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    /** Uses {@code $SHELL} from {@code env} with a 5 s timeout. */
    public LoginShellPath(Map<String, String> env) {
        this(env, Duration.ofSeconds(5));
    }

    /** A fixed answer, for tests and for platforms without login shells. */
    public static LoginShellPath fixed(String path) {
        LoginShellPath result = new LoginShellPath(Map.of(), Duration.ZERO);
        result.cached = Optional.ofNullable(path).filter(p -> !p.isBlank());
        return result;
    }

    /** The login shell's PATH, or empty if there is no shell or it failed or took too long. */
    public Optional<String> get() {
        Optional<String> result = cached;
        if (result == null) {
            synchronized (this) {
                if (cached == null) {
                    cached = ask();
                }
                result = cached;
            }
        }
        return result;
    }

    private Optional<String> ask() {
        if (shell.isBlank() || System.getProperty("os.name", "").startsWith("Windows")) {
            return Optional.empty();
        }
        ProcessBuilder builder =
                new ProcessBuilder(shell, "-l", "-c", "printf '%s%s%s' '" + START + "' \"$PATH\" '" + END + "'");
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(PluginProcess.NULL_FILE));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = null;
        try {
            process = builder.start();
            CompletableFuture<byte[]> out = PluginProcess.readAsync(process.getInputStream(), 64 * 1024);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info(
                        "login shell {} did not print its PATH within {} ms; using the app's PATH only",
                        shell,
                        timeout.toMillis());
                return Optional.empty();
            }
            String output = new String(out.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            Matcher matcher = MARKED.matcher(output);
            return matcher.find() && !matcher.group(1).isBlank() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.info("could not ask login shell {} for its PATH: {}", shell, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null) {
                PluginProcess.killTree(process);
            }
        }
    }
}
