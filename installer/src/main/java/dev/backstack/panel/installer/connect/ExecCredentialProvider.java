package dev.backstack.panel.installer.connect;

import dev.backstack.panel.installer.connect.ConnectionException.Reason;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A fabric8 {@link OAuthTokenProvider} that runs a client-go credential plugin the way kubectl
 * does, but owned by the app: argv without a shell, PATH enriched with the login shell's,
 * {@code KUBERNETES_EXEC_INFO} (non-interactive), stdout and stderr kept apart, a timeout and
 * {@link #cancel()}. The token is cached until its {@code expirationTimestamp} minus a skew, or
 * for the session when the plugin gives none, until {@link #invalidate()}. Failures are
 * remembered too, so a retrying informer does not relaunch a browser login: a timeout or a
 * {@link #cancel()} until {@link #invalidate()}, other failures for {@link Settings#failureMemo()}. Neither the
 * token nor the plugin's stdout is ever logged.
 *
 * <p>Thread-safe. {@link #getToken()} is called on fabric8's threads and blocks while the plugin
 * runs; concurrent callers share one run. Failures are thrown as {@link ConnectionException}.
 */
public final class ExecCredentialProvider implements OAuthTokenProvider {

    /**
     * What a plugin may learn about its cluster ({@code provideClusterInfo: true}).
     *
     * @param certificateAuthorityData base64 PEM, or null
     */
    public record ClusterInfo(
            String server,
            String tlsServerName,
            boolean insecureSkipTlsVerify,
            String certificateAuthorityData,
            String proxyUrl) {}

    /**
     * Timing of plugin runs.
     *
     * @param timeout          how long one run may take (120 s: long enough for a browser login)
     * @param expirySkew       how long before {@code expirationTimestamp} a token is renewed
     * @param failureMemo      how long a failure (other than timeout or cancel) is replayed
     * @param minAgeForRefresh a 401 re-runs the plugin only for a token at least this old
     */
    public record Settings(Duration timeout, Duration expirySkew, Duration failureMemo, Duration minAgeForRefresh) {

        public static Settings defaults() {
            return new Settings(
                    Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }

        public Settings withTimeout(Duration newTimeout) {
            return new Settings(newTimeout, expirySkew, failureMemo, minAgeForRefresh);
        }
    }

    private record Cached(ExecCredentials.Token token, Instant obtained, Instant validUntil) {}

    private record Failure(ConnectionException error, Instant until) {}

    private final PluginRunner runner;
    private final Settings settings;
    private final Clock clock;
    private final Object lock = new Object();
    private Cached cached;
    private Failure failure;
    private CompletableFuture<ExecCredentials.Token> inFlight;
    private volatile PluginProcess running;
    private boolean cancelRequested;

    /**
     * @param spec       the kubeconfig's exec section
     * @param cluster    the cluster, passed to the plugin when the spec asks for it
     * @param where      appended to messages, e.g. {@code " for context `prod` in /home/me/.kube/config"}
     * @param appEnv     the app's environment (the plugin inherits it, plus the spec's env)
     * @param loginShell the login shell's PATH, appended to the app's
     * @param settings   timeouts and cache timing
     */
    public ExecCredentialProvider(
            ExecSpec spec,
            Optional<ClusterInfo> cluster,
            String where,
            Map<String, String> appEnv,
            LoginShellPath loginShell,
            Settings settings) {
        this(
                new PluginRunner(spec, cluster, where, appEnv, loginShell, settings.timeout()),
                settings,
                Clock.systemUTC());
    }

    ExecCredentialProvider(PluginRunner runner, Settings settings, Clock clock) {
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    /** The cached token, or the plugin's fresh one; blocks while the plugin runs. */
    @Override
    public String getToken() {
        CompletableFuture<ExecCredentials.Token> pending;
        boolean runHere = false;
        synchronized (lock) {
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cached.validUntil())) {
                return cached.token().value();
            }
            if (failure != null && (failure.until() == null || now.isBefore(failure.until()))) {
                throw replay(failure.error());
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                cancelRequested = false;
                runHere = true;
            }
            pending = inFlight;
        }
        if (runHere) {
            runAndPublish(pending);
        }
        return await(pending).value();
    }

    private void runAndPublish(CompletableFuture<ExecCredentials.Token> pending) {
        try {
            ExecCredentials.Token token = runner.run(this::started);
            synchronized (lock) {
                Instant now = clock.instant();
                cached = new Cached(token, now, validUntil(token, now));
                failure = null;
                inFlight = null;
            }
            pending.complete(token);
        } catch (RuntimeException e) {
            ConnectionException error = e instanceof ConnectionException ce
                    ? ce
                    : new ConnectionException(Reason.PLUGIN_FAILED, runner.name() + " failed: " + e, e);
            synchronized (lock) {
                failure = new Failure(error, memoUntil(error));
                inFlight = null;
            }
            pending.completeExceptionally(error);
        } finally {
            running = null;
            if (!pending.isDone()) {
                synchronized (lock) {
                    inFlight = null;
                }
                pending.completeExceptionally(
                        new ConnectionException(Reason.PLUGIN_FAILED, runner.name() + " failed unexpectedly"));
            }
        }
    }

    private void started(PluginProcess process) {
        running = process;
        synchronized (lock) {
            if (cancelRequested) {
                process.cancel();
            }
        }
    }

    private Instant validUntil(ExecCredentials.Token token, Instant now) {
        if (token.expiry().isEmpty()) {
            return Instant.MAX;
        }
        Instant expiry = token.expiry().get();
        Instant early = expiry.minus(settings.expirySkew());
        return early.isAfter(now) ? early : expiry;
    }

    /** Called under the lock. A timeout or a user's cancel waits for the user; an interrupt does not. */
    private Instant memoUntil(ConnectionException error) {
        boolean needsUser =
                error.reason() == Reason.PLUGIN_TIMEOUT || error.reason() == Reason.PLUGIN_CANCELLED && cancelRequested;
        return needsUser ? null : clock.instant().plus(settings.failureMemo());
    }

    private static ExecCredentials.Token await(CompletableFuture<ExecCredentials.Token> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(Reason.PLUGIN_CANCELLED, "interrupted while waiting for a credential plugin");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ConnectionException ce
                    ? replay(ce)
                    : new ConnectionException(Reason.PLUGIN_FAILED, String.valueOf(cause), cause);
        }
    }

    /** A fresh exception per caller, so each stack trace shows its own caller. */
    private static ConnectionException replay(ConnectionException original) {
        return new ConnectionException(original.reason(), original.getMessage(), original);
    }

    /** The plugin, for messages: {@code credential plugin `aws`}. */
    public String describe() {
        return runner.name();
    }

    /** Forgets the cached token and any remembered failure; the next {@link #getToken()} runs the plugin. */
    public void invalidate() {
        synchronized (lock) {
            cached = null;
            failure = null;
        }
    }

    /**
     * After a 401: forgets the token if it is old enough to have been revoked or expired, and
     * returns a token (the new one, or the same one when it is too fresh to doubt).
     */
    String refreshAfterUnauthorized() {
        synchronized (lock) {
            if (cached != null && !clock.instant().isBefore(cached.obtained().plus(settings.minAgeForRefresh()))) {
                cached = null;
            }
        }
        return getToken();
    }

    /** Kills the running plugin (and its children), if any; waiting callers get PLUGIN_CANCELLED. */
    public void cancel() {
        synchronized (lock) {
            cancelRequested = inFlight != null;
        }
        PluginProcess process = running;
        if (process != null) {
            process.cancel();
        }
    }

    /** True while a token is being obtained: the plugin runs, or is about to start. */
    public boolean isPending() {
        synchronized (lock) {
            return inFlight != null;
        }
    }

    /** True while the plugin runs, e.g. to show "waiting for login in your browser...". */
    public boolean isRunning() {
        return running != null;
    }
}
