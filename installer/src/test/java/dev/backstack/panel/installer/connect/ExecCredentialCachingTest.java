package dev.backstack.panel.installer.connect;

import static dev.backstack.panel.installer.connect.Fixtures.V1;
import static dev.backstack.panel.installer.connect.Fixtures.failure;
import static dev.backstack.panel.installer.connect.PluginProviders.APP_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.connect.ConnectionException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** When a credential plugin runs: caching, expiry, remembered failures, sharing, timeout and cancel (T21, T22). */
@DisabledOnOs(OS.WINDOWS)
class ExecCredentialCachingTest {

    @TempDir
    Path tmp;

    private ExecCredentialProvider provider(
            ExecSpec spec, ExecCredentialProvider.Settings settings, LoginShellPath loginShell) {
        return PluginProviders.provider(tmp, spec, settings, loginShell);
    }

    private ExecCredentialProvider provider(Path plugin, Map<String, String> env) {
        return PluginProviders.provider(tmp, plugin, env);
    }

    private ExecSpec spec(String command, String apiVersion, Map<String, String> env) {
        return PluginProviders.spec(tmp, command, apiVersion, env);
    }

    private Path counter() {
        return tmp.resolve("counter");
    }

    @Test
    @DisplayName("T21: a hanging plugin times out, is killed with its children, and is not rerun by itself")
    void timesOutHangingPluginAndKillsItsProcessTree() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        Path plugin = Fixtures.script(tmp, "plugin", "sleep 30 &\necho $! > \"$CHILD_PID\"\nwait");
        ExecSpec spec = spec(plugin.toString(), V1, Map.of("CHILD_PID", childPid.toString()));
        ExecCredentialProvider.Settings oneSecond =
                ExecCredentialProvider.Settings.defaults().withTimeout(Duration.ofSeconds(1));
        ExecCredentialProvider provider = provider(spec, oneSecond, LoginShellPath.fixed(null));

        long start = System.nanoTime();
        ConnectionException error = failure(provider::getToken);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_TIMEOUT);
        assertThat(error.getMessage()).contains("did not finish within 1 s (waiting for a browser login?)");
        long pid = Long.parseLong(Files.readString(childPid).strip());
        assertThat(waitUntilDead(pid)).as("child process killed").isTrue();
        assertThatThrownBy(provider::getToken)
                .as("remembered until the user retries")
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("did not finish");
    }

    /** Dead or a zombie (in a container without an init that reaps orphans, killed orphans stay zombies). */
    private static boolean waitUntilDead(long pid) {
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(2))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        Path stat = Path.of("/proc/" + pid + "/stat");
                        boolean zombie = Files.exists(stat)
                                && Files.readString(stat)
                                        .replaceFirst("^.*\\) ", "")
                                        .startsWith("Z");
                        return zombie
                                || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Test
    @DisplayName("T21: cancel kills a running plugin and waiting callers get a cancel error")
    void cancelKillsRunningPlugin() throws Exception {
        Path started = tmp.resolve("started");
        Path plugin = Fixtures.script(
                tmp,
                "plugin",
                "n=$(cat \"$COUNTER\" 2>/dev/null || echo 0)\n"
                        + "echo $((n + 1)) > \"$COUNTER\"\ntouch \"$STARTED\"\nexec sleep 30");
        ExecCredentialProvider provider = provider(
                plugin,
                Map.of("STARTED", started.toString(), "COUNTER", counter().toString()));
        CompletableFuture<String> token = CompletableFuture.supplyAsync(provider::getToken);
        Awaitility.await("the plugin running")
                .atMost(Duration.ofSeconds(2))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> Files.exists(started) && provider.isRunning());

        provider.cancel();

        assertThatThrownBy(() -> token.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConnectionException.class)
                .hasMessageContaining("was cancelled");
        assertThat(provider.isRunning()).isFalse();
        assertThatThrownBy(provider::getToken)
                .as("no new browser login until the user retries")
                .hasMessageContaining("was cancelled");
        assertThat(Fixtures.count(counter())).isEqualTo(1);
    }

    @Test
    @DisplayName("T22: a token is cached until shortly before it expires; invalidate forces a new run")
    void cachesTokenUntilExpiryAndRerunsAfterInvalidate() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        String expiry = Instant.now()
                .plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        ExecCredentialProvider provider =
                provider(plugin, Map.of("COUNTER", counter().toString(), "EXPIRY", expiry));

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
        ExecSpec spec = spec(
                plugin.toString(),
                V1,
                Map.of(
                        "COUNTER",
                        counter().toString(),
                        "EXPIRY",
                        now.plusSeconds(60).toString()));
        ExecCredentialProvider provider = new ExecCredentialProvider(
                new PluginRunner(
                        spec,
                        Optional.empty(),
                        "",
                        Map.of("PATH", APP_PATH),
                        LoginShellPath.fixed(null),
                        Duration.ofSeconds(5)),
                ExecCredentialProvider.Settings.defaults(),
                clock);

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
        String expired =
                Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecCredentialProvider provider =
                provider(plugin, Map.of("COUNTER", counter().toString(), "EXPIRY", expired));

        provider.getToken();
        provider.getToken();

        assertThat(Fixtures.count(counter())).isEqualTo(2);
    }

    @Test
    void usesShortLivedTokenUntilItsActualExpiryRatherThanRerunningOnEveryCall() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        String soon =
                Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecCredentialProvider provider =
                provider(plugin, Map.of("COUNTER", counter().toString(), "EXPIRY", soon));

        provider.getToken();
        provider.getToken();

        assertThat(Fixtures.count(counter())).isEqualTo(1);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
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
        ExecCredentialProvider provider =
                provider(plugin, Map.of("COUNTER", counter().toString()));

        for (int i = 0; i < 5; i++) {
            assertThat(provider.getToken()).isEqualTo("token-1");
        }
        assertThat(Fixtures.count(counter())).isEqualTo(1);
    }

    @Test
    void remembersFailureSoRetryingCallersDoNotRerunPlugin() {
        Path plugin = Fixtures.script(
                tmp,
                "plugin",
                "n=$(cat \"$COUNTER\" 2>/dev/null || echo 0)\n"
                        + "echo $((n + 1)) > \"$COUNTER\"\necho 'boom' >&2\nexit 1");
        ExecCredentialProvider provider =
                provider(plugin, Map.of("COUNTER", counter().toString()));

        assertThatThrownBy(provider::getToken).isInstanceOf(ConnectionException.class);
        assertThatThrownBy(provider::getToken)
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("boom");
        assertThat(Fixtures.count(counter())).isEqualTo(1);

        provider.invalidate();

        assertThatThrownBy(provider::getToken).isInstanceOf(ConnectionException.class);
        assertThat(Fixtures.count(counter())).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOnePluginRun() throws Exception {
        Path plugin = Fixtures.script(tmp, "plugin", "sleep 0.5\n" + Fixtures.countingCredential());
        ExecCredentialProvider provider =
                provider(plugin, Map.of("COUNTER", counter().toString()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> tokens = pool.invokeAll(Collections.nCopies(8, provider::getToken));
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
        ExecCredentialProvider fresh = provider(
                spec(plugin.toString(), V1, env),
                ExecCredentialProvider.Settings.defaults(),
                LoginShellPath.fixed(null));

        fresh.getToken();
        assertThat(fresh.refreshAfterUnauthorized()).as("too fresh to doubt").isEqualTo("token-1");

        ExecCredentialProvider.Settings noMinAge = new ExecCredentialProvider.Settings(
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO);
        ExecCredentialProvider eager = provider(spec(plugin.toString(), V1, env), noMinAge, LoginShellPath.fixed(null));
        eager.getToken();
        assertThat(eager.refreshAfterUnauthorized()).isEqualTo("token-3");
    }
}
