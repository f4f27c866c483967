package dev.backstack.panel.installer.connect;

import static dev.backstack.panel.installer.connect.Fixtures.V1;
import static dev.backstack.panel.installer.connect.Fixtures.V1BETA1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.installer.connect.ConnectionException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ExecCredentialProviderTest {

    private static final String APP_PATH = "/usr/bin:/bin";

    @TempDir
    Path tmp;

    private ExecCredentialProvider provider(ExecSpec spec, ExecCredentialProvider.Settings settings,
            LoginShellPath loginShell) {
        ExecCredentialProvider.ClusterInfo cluster = new ExecCredentialProvider.ClusterInfo(
                "https://cluster.example.test:6443", null, false, Fixtures.caBase64(), null);
        return new ExecCredentialProvider(spec, Optional.of(cluster), " for context `test` in /kube/config",
                Map.of("PATH", APP_PATH, "HOME", tmp.toString()), loginShell, settings);
    }

    private ExecCredentialProvider provider(Path plugin, Map<String, String> env) {
        return provider(spec(plugin.toString(), V1, env), ExecCredentialProvider.Settings.defaults(),
                LoginShellPath.fixed(null));
    }

    private ExecSpec spec(String command, String apiVersion, Map<String, String> env) {
        return new ExecSpec(apiVersion, command, List.of("--flag", "value with space"), env,
                "Install it with: brew install fake-plugin", true, tmp);
    }

    private Path counter() {
        return tmp.resolve("counter");
    }

    @Test
    @DisplayName("T20: a valid v1 credential gives its token")
    void returnsTokenFromValidV1Credential() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1, "plugin-token-1"));

        assertThat(provider(plugin, Map.of()).getToken()).isEqualTo("plugin-token-1");
    }

    @Test
    void acceptsV1beta1WhenTheSpecAsksForIt() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1BETA1, "beta-token"));
        ExecCredentialProvider provider = provider(spec(plugin.toString(), V1BETA1, Map.of()),
                ExecCredentialProvider.Settings.defaults(), LoginShellPath.fixed(null));

        assertThat(provider.getToken()).isEqualTo("beta-token");
    }

    @Test
    @DisplayName("T20: stderr noise is tolerated when stdout holds valid JSON")
    void toleratesStderrNoise() {
        Path plugin = Fixtures.script(tmp, "plugin", "echo 'WARNING: cached credentials are stale' >&2\n"
                + "echo 'more noise' >&2\n" + Fixtures.printsCredential(V1, "quiet-token"));

        assertThat(provider(plugin, Map.of()).getToken()).isEqualTo("quiet-token");
    }

    @Test
    void passesArgvWithoutShellAndEnvAndNonInteractiveExecInfo() throws Exception {
        Path seen = tmp.resolve("seen");
        Path plugin = Fixtures.script(tmp, "plugin", """
                printf '%s\\n' "$@" > "$SEEN/args"
                printf '%s' "$KUBERNETES_EXEC_INFO" > "$SEEN/info"
                printf '%s|%s' "$PROFILE" "$HOME" > "$SEEN/env"
                """ + Fixtures.printsCredential(V1, "t"));
        Files.createDirectories(seen);

        provider(plugin, Map.of("SEEN", seen.toString(), "PROFILE", "dev")).getToken();

        assertThat(Files.readAllLines(seen.resolve("args"))).containsExactly("--flag", "value with space");
        assertThat(Files.readString(seen.resolve("env"))).isEqualTo("dev|" + tmp);
        JsonNode info = new ObjectMapper().readTree(Files.readString(seen.resolve("info")));
        assertThat(info.path("apiVersion").asText()).isEqualTo(V1);
        assertThat(info.path("kind").asText()).isEqualTo("ExecCredential");
        assertThat(info.path("spec").path("interactive").asBoolean(true)).isFalse();
        assertThat(info.path("spec").path("cluster").path("server").asText())
                .isEqualTo("https://cluster.example.test:6443");
        assertThat(info.path("spec").path("cluster").path("certificate-authority-data").asText())
                .isEqualTo(Fixtures.caBase64());
    }

    @Test
    @DisplayName("T20: exit 1 is reported with stderr, secrets redacted")
    void reportsNonZeroExitWithRedactedStderr() {
        Path plugin = Fixtures.script(tmp, "plugin", """
                echo 'error: refreshing token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJl failed' >&2
                echo 'request had Authorization: Bearer sk-live-abcdef123456' >&2
                echo '{"status":{"token":"stdout-token-never-shown"}}'
                exit 1
                """);

        ConnectionException error = catchThrowableOfType(() -> provider(plugin, Map.of()).getToken(),
                ConnectionException.class);

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_FAILED);
        assertThat(error.getMessage()).contains("credential plugin `" + plugin + "` failed (exit 1)")
                .contains("for context `test`").contains("refreshing token").contains(Redactor.MASK)
                .doesNotContain("eyJhbGciOiJSUzI1NiJ9").doesNotContain("sk-live-abcdef123456")
                .doesNotContain("stdout-token-never-shown");
    }

    @Test
    @DisplayName("T20: a valid token with a non-zero exit is still a failure")
    void treatsValidTokenWithNonZeroExitAsFailure() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1, "half-good") + "\nexit 3");

        assertThatThrownBy(() -> provider(plugin, Map.of()).getToken())
                .isInstanceOf(ConnectionException.class).hasMessageContaining("failed (exit 3)")
                .hasMessageNotContaining("half-good");
    }

    @Test
    @DisplayName("T20: a wrong apiVersion is a clear error")
    void rejectsWrongApiVersion() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1BETA1, "wrong-version-token"));

        ConnectionException error = catchThrowableOfType(() -> provider(plugin, Map.of()).getToken(),
                ConnectionException.class);

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_BAD_OUTPUT);
        assertThat(error.getMessage()).contains("apiVersion `" + V1BETA1 + "`").contains("expects `" + V1 + "`")
                .doesNotContain("wrong-version-token");
    }

    @Test
    void rejectsMissingApiVersion() {
        Path plugin = Fixtures.script(tmp, "plugin", "echo '{\"status\":{\"token\":\"x\"}}'");

        assertThatThrownBy(() -> provider(plugin, Map.of()).getToken())
                .isInstanceOf(ConnectionException.class).hasMessageContaining("apiVersion ``");
    }

    @Test
    @DisplayName("T20: invalid JSON is a clear error that does not quote the output")
    void rejectsInvalidJsonWithoutQuotingIt() {
        Path plugin = Fixtures.script(tmp, "plugin",
                "printf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"status\":{\"token\":\"half-written-tok'");

        ConnectionException error = catchThrowableOfType(() -> provider(plugin, Map.of()).getToken(),
                ConnectionException.class);

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_BAD_OUTPUT);
        assertThat(error.getMessage()).contains("invalid JSON").doesNotContain("half-written-tok");
    }

    @Test
    void reportsEmptyOutput() {
        Path plugin = Fixtures.script(tmp, "plugin", "exit 0");

        assertThatThrownBy(() -> provider(plugin, Map.of()).getToken())
                .isInstanceOf(ConnectionException.class).hasMessageContaining("printed nothing on stdout");
    }

    @Test
    void reportsClientCertificateCredentialsAsUnsupported() {
        Path plugin = Fixtures.script(tmp, "plugin", "echo '{\"apiVersion\":\"" + V1 + "\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"clientCertificateData\":\"-----BEGIN CERTIFICATE-----\",\"clientKeyData\":\"k\"}}'");

        ConnectionException error = catchThrowableOfType(() -> provider(plugin, Map.of()).getToken(),
                ConnectionException.class);

        assertThat(error.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(error.getMessage()).contains("client certificate").contains("only supports plugins that return a token");
    }

    @Test
    @DisplayName("T19: a plugin missing from PATH names the PATH and the install hint")
    void reportsPluginNotFoundOnPathWithInstallHint() {
        ExecCredentialProvider provider = provider(spec("fake-gke-auth-plugin-not-installed", V1, Map.of()),
                ExecCredentialProvider.Settings.defaults(), LoginShellPath.fixed(null));

        ConnectionException error = catchThrowableOfType(provider::getToken, ConnectionException.class);

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_NOT_FOUND);
        assertThat(error.getMessage())
                .contains("credential plugin `fake-gke-auth-plugin-not-installed` not found on PATH=" + APP_PATH)
                .contains("Install it with: brew install fake-plugin");
    }

    @Test
    @DisplayName("T19: the login shell's PATH finds plugins a GUI launch would miss")
    void findsPluginOnLoginShellPath() {
        Path bin = tmp.resolve("login-bin");
        Fixtures.script(bin, "fake-auth-plugin", Fixtures.printsCredential(V1, "found-via-login-path"));
        ExecCredentialProvider provider = provider(spec("fake-auth-plugin", V1, Map.of()),
                ExecCredentialProvider.Settings.defaults(), LoginShellPath.fixed(bin.toString()));

        assertThat(provider.getToken()).isEqualTo("found-via-login-path");
    }

    @Test
    void reportsMissingAbsoluteCommand() {
        ExecCredentialProvider provider = provider(tmp.resolve("nope/plugin"), Map.of());

        assertThatThrownBy(provider::getToken).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("no executable file at " + tmp.resolve("nope/plugin"));
    }

    @Test
    @DisplayName("T21: a hanging plugin times out, is killed with its children, and is not rerun by itself")
    void timesOutHangingPluginAndKillsItsProcessTree() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        Path plugin = Fixtures.script(tmp, "plugin", "sleep 30 &\necho $! > \"$CHILD_PID\"\nwait");
        ExecCredentialProvider provider = provider(spec(plugin.toString(), V1, Map.of("CHILD_PID", childPid.toString())),
                ExecCredentialProvider.Settings.defaults().withTimeout(Duration.ofSeconds(1)), LoginShellPath.fixed(null));

        long start = System.nanoTime();
        ConnectionException error = catchThrowableOfType(provider::getToken, ConnectionException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_TIMEOUT);
        assertThat(error.getMessage()).contains("did not finish within 1 s (waiting for a browser login?)");
        long pid = Long.parseLong(Files.readString(childPid).strip());
        assertThat(waitUntilDead(pid)).as("child process killed").isTrue();
        assertThatThrownBy(provider::getToken).as("remembered until the user retries")
                .isInstanceOf(ConnectionException.class).hasMessageContaining("did not finish");
    }

    /** Dead or a zombie (in a container without an init that reaps orphans, killed orphans stay zombies). */
    private static boolean waitUntilDead(long pid) throws Exception {
        for (int i = 0; i < 100; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            boolean zombie = Files.exists(stat) && Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z");
            if (zombie || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    @DisplayName("T21: cancel kills a running plugin and waiting callers get a cancel error")
    void cancelKillsRunningPlugin() throws Exception {
        Path started = tmp.resolve("started");
        Path plugin = Fixtures.script(tmp, "plugin", "touch \"$STARTED\"\nexec sleep 30");
        ExecCredentialProvider provider = provider(plugin, Map.of("STARTED", started.toString()));
        CompletableFuture<String> token = CompletableFuture.supplyAsync(provider::getToken);
        for (int i = 0; i < 200 && !(Files.exists(started) && provider.isRunning()); i++) {
            Thread.sleep(10);
        }
        assertThat(provider.isRunning()).isTrue();

        provider.cancel();

        assertThatThrownBy(() -> token.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionException.class)
                .hasMessageContaining("was cancelled");
        assertThat(provider.isRunning()).isFalse();
    }

    @Test
    @DisplayName("T22: a token is cached until shortly before it expires; invalidate forces a new run")
    void cachesTokenUntilExpiryAndRerunsAfterInvalidate() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        String expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecCredentialProvider provider = provider(plugin, Map.of("COUNTER", counter().toString(), "EXPIRY", expiry));

        assertThat(provider.getToken()).isEqualTo("token-1");
        assertThat(provider.getToken()).isEqualTo("token-1");
        assertThat(Fixtures.count(counter())).isEqualTo(1);

        provider.invalidate();

        assertThat(provider.getToken()).isEqualTo("token-2");
        assertThat(Fixtures.count(counter())).isEqualTo(2);
    }

    @Test
    void rerunsPluginWhenTheCachedTokenIsWithinTheSkewOfItsExpiry() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MutableClock clock = new MutableClock(now);
        ExecSpec spec = spec(plugin.toString(), V1,
                Map.of("COUNTER", counter().toString(), "EXPIRY", now.plusSeconds(60).toString()));
        ExecCredentialProvider provider = new ExecCredentialProvider(new PluginRunner(spec, Optional.empty(), "",
                Map.of("PATH", APP_PATH), LoginShellPath.fixed(null), Duration.ofSeconds(5)),
                ExecCredentialProvider.Settings.defaults(), clock);

        provider.getToken();
        clock.set(now.plusSeconds(29));
        provider.getToken();
        assertThat(Fixtures.count(counter())).isEqualTo(1);

        clock.set(now.plusSeconds(31));
        provider.getToken();
        assertThat(Fixtures.count(counter())).isEqualTo(2);
    }

    @Test
    void rerunsPluginWhenItsTokenHasAlreadyExpired() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        String expired = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecCredentialProvider provider = provider(plugin, Map.of("COUNTER", counter().toString(), "EXPIRY", expired));

        provider.getToken();
        provider.getToken();

        assertThat(Fixtures.count(counter())).isEqualTo(2);
    }

    @Test
    void usesShortLivedTokenUntilItsActualExpiryRatherThanRerunningOnEveryCall() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        String soon = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecCredentialProvider provider = provider(plugin, Map.of("COUNTER", counter().toString(), "EXPIRY", soon));

        provider.getToken();
        provider.getToken();

        assertThat(Fixtures.count(counter())).isEqualTo(1);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends java.time.Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void cachesTokenWithoutExpiryForTheSession() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        ExecCredentialProvider provider = provider(plugin, Map.of("COUNTER", counter().toString()));

        for (int i = 0; i < 5; i++) {
            assertThat(provider.getToken()).isEqualTo("token-1");
        }
        assertThat(Fixtures.count(counter())).isEqualTo(1);
    }

    @Test
    void remembersFailureSoRetryingCallersDoNotRerunPlugin() {
        Path plugin = Fixtures.script(tmp, "plugin", "n=$(cat \"$COUNTER\" 2>/dev/null || echo 0)\n"
                + "echo $((n + 1)) > \"$COUNTER\"\necho 'boom' >&2\nexit 1");
        ExecCredentialProvider provider = provider(plugin, Map.of("COUNTER", counter().toString()));

        assertThatThrownBy(provider::getToken).isInstanceOf(ConnectionException.class);
        assertThatThrownBy(provider::getToken).isInstanceOf(ConnectionException.class).hasMessageContaining("boom");
        assertThat(Fixtures.count(counter())).isEqualTo(1);

        provider.invalidate();

        assertThatThrownBy(provider::getToken).isInstanceOf(ConnectionException.class);
        assertThat(Fixtures.count(counter())).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOnePluginRun() throws Exception {
        Path plugin = Fixtures.script(tmp, "plugin", "sleep 0.5\n" + Fixtures.countingCredential());
        ExecCredentialProvider provider = provider(plugin, Map.of("COUNTER", counter().toString()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> tokens = pool.invokeAll(java.util.Collections.nCopies(8, provider::getToken));
            for (Future<String> token : tokens) {
                assertThat(token.get(5, TimeUnit.SECONDS)).isEqualTo("token-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Fixtures.count(counter())).isEqualTo(1);
    }

    @Test
    void refreshAfterUnauthorizedRerunsOnlyForTokensOldEnoughToDoubt() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        Map<String, String> env = Map.of("COUNTER", counter().toString());
        ExecCredentialProvider fresh = provider(spec(plugin.toString(), V1, env),
                ExecCredentialProvider.Settings.defaults(), LoginShellPath.fixed(null));

        fresh.getToken();
        assertThat(fresh.refreshAfterUnauthorized()).as("too fresh to doubt").isEqualTo("token-1");

        ExecCredentialProvider.Settings noMinAge = new ExecCredentialProvider.Settings(Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO);
        ExecCredentialProvider eager = provider(spec(plugin.toString(), V1, env), noMinAge, LoginShellPath.fixed(null));
        eager.getToken();
        assertThat(eager.refreshAfterUnauthorized()).isEqualTo("token-3");
    }
}
