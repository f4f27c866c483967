package dev.backstack.panel.installer.connect;

import static dev.backstack.panel.installer.connect.Fixtures.V1;
import static dev.backstack.panel.installer.connect.Fixtures.V1BETA1;
import static dev.backstack.panel.installer.connect.Fixtures.failure;
import static dev.backstack.panel.installer.connect.PluginProviders.APP_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.installer.connect.ConnectionException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Running a credential plugin: argv, environment, output parsing and error messages (T19, T20). */
@DisabledOnOs(OS.WINDOWS)
class ExecCredentialProviderTest {

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

    @Test
    @DisplayName("T20: a valid v1 credential gives its token")
    void returnsTokenFromValidV1Credential() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1, "plugin-token-1"));

        assertThat(provider(plugin, Map.of()).getToken()).isEqualTo("plugin-token-1");
    }

    @Test
    void acceptsV1beta1WhenTheSpecAsksForIt() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1BETA1, "beta-token"));
        ExecCredentialProvider provider = provider(
                spec(plugin.toString(), V1BETA1, Map.of()),
                ExecCredentialProvider.Settings.defaults(),
                LoginShellPath.fixed(null));

        assertThat(provider.getToken()).isEqualTo("beta-token");
    }

    @Test
    @DisplayName("T20: stderr noise is tolerated when stdout holds valid JSON")
    void toleratesStderrNoise() {
        Path plugin = Fixtures.script(
                tmp,
                "plugin",
                "echo 'WARNING: cached credentials are stale' >&2\n" + "echo 'more noise' >&2\n"
                        + Fixtures.printsCredential(V1, "quiet-token"));

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
        assertThat(info.path("spec")
                        .path("cluster")
                        .path("certificate-authority-data")
                        .asText())
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

        ConnectionException error = failure(() -> provider(plugin, Map.of()).getToken());

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_FAILED);
        assertThat(error.getMessage())
                .contains("credential plugin `" + plugin + "` failed (exit 1)")
                .contains("for context `test`")
                .contains("refreshing token")
                .contains(Redactor.MASK)
                .doesNotContain("eyJhbGciOiJSUzI1NiJ9")
                .doesNotContain("sk-live-abcdef123456")
                .doesNotContain("stdout-token-never-shown");
    }

    @Test
    @DisplayName("T20: a valid token with a non-zero exit is still a failure")
    void treatsValidTokenWithNonZeroExitAsFailure() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1, "half-good") + "\nexit 3");

        assertThatThrownBy(() -> provider(plugin, Map.of()).getToken())
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("failed (exit 3)")
                .hasMessageNotContaining("half-good");
    }

    @Test
    @DisplayName("T20: a wrong apiVersion is a clear error")
    void rejectsWrongApiVersion() {
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.printsCredential(V1BETA1, "wrong-version-token"));

        ConnectionException error = failure(() -> provider(plugin, Map.of()).getToken());

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_BAD_OUTPUT);
        assertThat(error.getMessage())
                .contains("apiVersion `" + V1BETA1 + "`")
                .contains("expects `" + V1 + "`")
                .doesNotContain("wrong-version-token");
    }

    @Test
    void rejectsMissingApiVersion() {
        Path plugin = Fixtures.script(tmp, "plugin", "echo '{\"status\":{\"token\":\"x\"}}'");

        assertThatThrownBy(() -> provider(plugin, Map.of()).getToken())
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("apiVersion ``");
    }

    @Test
    @DisplayName("T20: invalid JSON is a clear error that does not quote the output")
    void rejectsInvalidJsonWithoutQuotingIt() {
        Path plugin = Fixtures.script(
                tmp, "plugin", "printf '%s' '{\"apiVersion\":\"" + V1 + "\",\"status\":{\"token\":\"half-written-tok'");

        ConnectionException error = failure(() -> provider(plugin, Map.of()).getToken());

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_BAD_OUTPUT);
        assertThat(error.getMessage()).contains("invalid JSON").doesNotContain("half-written-tok");
    }

    @Test
    void reportsEmptyOutput() {
        Path plugin = Fixtures.script(tmp, "plugin", "exit 0");

        assertThatThrownBy(() -> provider(plugin, Map.of()).getToken())
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("printed nothing on stdout");
    }

    @Test
    void reportsClientCertificateCredentialsAsUnsupported() {
        Path plugin = Fixtures.script(
                tmp,
                "plugin",
                "echo '{\"apiVersion\":\"" + V1 + "\",\"kind\":\"ExecCredential\","
                        + "\"status\":{\"clientCertificateData\":\"-----BEGIN CERTIFICATE-----\",\"clientKeyData\":\"k\"}}'");

        ConnectionException error = failure(() -> provider(plugin, Map.of()).getToken());

        assertThat(error.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(error.getMessage())
                .contains("client certificate")
                .contains("only supports plugins that return a token");
    }

    @Test
    @DisplayName("T19: a plugin missing from PATH names the PATH and the install hint")
    void reportsPluginNotFoundOnPathWithInstallHint() {
        ExecCredentialProvider provider = provider(
                spec("fake-gke-auth-plugin-not-installed", V1, Map.of()),
                ExecCredentialProvider.Settings.defaults(),
                LoginShellPath.fixed(null));

        ConnectionException error = failure(provider::getToken);

        assertThat(error.reason()).isEqualTo(Reason.PLUGIN_NOT_FOUND);
        assertThat(error.getMessage())
                .contains("credential plugin `fake-gke-auth-plugin-not-installed` not found on PATH")
                .contains("(PATH=" + APP_PATH)
                .contains("Install it with: brew install fake-plugin");
    }

    @Test
    @DisplayName("T19: the login shell's PATH finds plugins a GUI launch would miss")
    void findsPluginOnLoginShellPath() {
        Path bin = tmp.resolve("login-bin");
        Fixtures.script(bin, "fake-auth-plugin", Fixtures.printsCredential(V1, "found-via-login-path"));
        ExecCredentialProvider provider = provider(
                spec("fake-auth-plugin", V1, Map.of()),
                ExecCredentialProvider.Settings.defaults(),
                LoginShellPath.fixed(bin.toString()));

        assertThat(provider.getToken()).isEqualTo("found-via-login-path");
    }

    @Test
    void reportsMissingAbsoluteCommand() {
        ExecCredentialProvider provider = provider(tmp.resolve("nope/plugin"), Map.of());

        assertThatThrownBy(provider::getToken)
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("no executable file at " + tmp.resolve("nope/plugin"));
    }
}
