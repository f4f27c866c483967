package dev.backstack.panel.installer.connect;

import static dev.backstack.panel.installer.connect.Fixtures.env;
import static dev.backstack.panel.installer.connect.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** T9: which proxy, if any, a server gets: kubectl's rules (client-go, Go's ProxyFromEnvironment). */
class ProxySelectionTest {

    private static final String SERVER = "https://api.example.com:6443";

    @TempDir
    Path tmp;

    private static Optional<ProxySelection.Proxy> choose(String server, String proxyUrl, String... env) {
        return ProxySelection.choose(server, proxyUrl, env(env));
    }

    @Test
    @DisplayName("proxy-url wins over HTTPS_PROXY, and NO_PROXY does not apply to it")
    void kubeconfigProxyUrlWins() {
        Optional<ProxySelection.Proxy> proxy = choose(
                SERVER,
                "http://kube-proxy.example:3128",
                "HTTPS_PROXY",
                "http://env-proxy.example:8080",
                "NO_PROXY",
                "*");

        assertThat(proxy)
                .get()
                .extracting(ProxySelection.Proxy::url, ProxySelection.Proxy::source)
                .containsExactly("http://kube-proxy.example:3128", "proxy-url");
    }

    @Test
    @DisplayName("HTTPS_PROXY before https_proxy; HTTP_PROXY is never used for an https server")
    void environmentPrecedence() {
        assertThat(choose(SERVER, null, "HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"))
                .get()
                .extracting(ProxySelection.Proxy::url)
                .isEqualTo("http://upper:1");
        assertThat(choose(SERVER, null, "HTTPS_PROXY", " ", "https_proxy", "http://lower:2"))
                .get()
                .extracting(ProxySelection.Proxy::url)
                .isEqualTo("http://lower:2");
        assertThat(choose(SERVER, null, "HTTP_PROXY", "http://plain:3", "http_proxy", "http://plain:4"))
                .isEmpty();
        assertThat(choose(SERVER, null)).isEmpty();
    }

    @Test
    @DisplayName("NO_PROXY before no_proxy")
    void noProxyPrecedence() {
        assertThat(choose(
                        SERVER,
                        null,
                        "HTTPS_PROXY",
                        "http://p:1",
                        "NO_PROXY",
                        "other.example",
                        "no_proxy",
                        "example.com"))
                .isPresent();
        assertThat(choose(SERVER, null, "HTTPS_PROXY", "http://p:1", "no_proxy", "example.com"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} is reached directly, as kubectl does")
    @CsvSource({
        "https://localhost:6443",
        "https://LOCALHOST:6443",
        "https://127.0.0.1:6443",
        "https://127.8.9.10",
        "https://[::1]:6443"
    })
    void loopbackIsNeverProxiedFromTheEnvironment(String server) {
        assertThat(choose(server, null, "HTTPS_PROXY", "http://p:1")).isEmpty();
        assertThat(choose(server, "http://p:1")).as("proxy-url still applies").isPresent();
    }

    @ParameterizedTest(name = "{0}:{1} with NO_PROXY={2} -> bypassed {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "api.example.com|6443|example.com|true",
                "example.com|6443|example.com|true",
                "badexample.com|6443|example.com|false",
                "api.example.com|6443|.example.com|true",
                "example.com|6443|.example.com|false",
                "api.example.com|6443|*.example.com|true",
                "example.com|6443|*.example.com|false",
                "API.Example.COM|6443|  other.test , EXAMPLE.com |true",
                "api.example.com|6443|example.com:6443|true",
                "api.example.com|6443|example.com:443|false",
                "api.example.com|6443|*|true",
                "api.example.com|6443|,,|false",
                "10.1.2.3|6443|10.1.2.3|true",
                "10.1.2.3|6443|10.1.2.4|false",
                "10.1.2.3|6443|10.1.2.3:6443|true",
                "10.1.2.3|6443|10.1.2.3:443|false",
                "10.1.2.3|6443|10.0.0.0/8|true",
                "10.1.2.3|6443|10.1.2.0/24|true",
                "10.1.2.3|6443|10.1.3.0/24|false",
                "10.1.2.3|6443|0.0.0.0/0|true",
                "10.1.2.3|6443|fd00::/8|false",
                "api.example.com|6443|10.0.0.0/8|false",
                "fd00::5|6443|fd00::5|true",
                "[fd00::5]|6443|[fd00::5]|true",
                "fd00::5|6443|[fd00::5]:6443|true",
                "fd00::5|6443|[fd00::5]:443|false",
                "fd00::5|6443|fd00:0:0:0:0:0:0:5|true",
                "fd00::5|6443|fd00::/8|true",
                "fd00::5|6443|fe80::/10|false",
                "fd00::5|6443|10.0.0.0/8|false",
                "10.1.2.3|6443|[|false",
                "10.1.2.3|6443|10.0.0.0/99|false",
                "10.1.2.3|6443|999.1.2.3|false",
                "10.1.2.3|6443|:6443|false"
            })
    void noProxyMatching(String host, int port, String noProxy, boolean bypassed) {
        assertThat(ProxySelection.bypassed(host, port, noProxy)).isEqualTo(bypassed);
    }

    @Test
    @DisplayName("proxy URLs read as Go reads them: no scheme means http, default ports by scheme")
    void parsesProxyUrls() {
        assertThat(choose(SERVER, "proxy.example:3128"))
                .get()
                .extracting(ProxySelection.Proxy::url)
                .isEqualTo("http://proxy.example:3128");
        assertThat(choose(SERVER, "http://proxy.example"))
                .get()
                .extracting(ProxySelection.Proxy::url)
                .isEqualTo("http://proxy.example:80");
        assertThat(choose(SERVER, "https://proxy.example"))
                .get()
                .extracting(ProxySelection.Proxy::url)
                .isEqualTo("https://proxy.example:443");
        assertThat(choose(SERVER, "socks5://proxy.example"))
                .get()
                .extracting(ProxySelection.Proxy::url)
                .isEqualTo("socks5://proxy.example:1080");
        assertThat(choose(SERVER, "http://[fd00::1]:3128"))
                .get()
                .extracting(ProxySelection.Proxy::url)
                .isEqualTo("http://[fd00::1]:3128");
    }

    @Test
    @DisplayName("credentials are split off the URL, decoded, and never shown")
    void splitsCredentials() {
        ProxySelection.Proxy proxy = choose(SERVER, null, "HTTPS_PROXY", "http://alice:p%40ss@proxy.example:3128")
                .orElseThrow();

        assertThat(proxy.url()).isEqualTo("http://proxy.example:3128");
        assertThat(proxy.username()).isEqualTo("alice");
        assertThat(proxy.password()).isEqualTo("p@ss");
        assertThat(proxy.toString())
                .doesNotContain("p@ss")
                .doesNotContain("p%40ss")
                .contains("alice");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ftp://alice:hunter2@proxy.example:21",
        "http://alice:hun:ter2@proxy.example:3128",
        "http://alice@proxy.example:3128",
        "http://alice:hunter2@",
        "alice:hunter2@"
    })
    void refusesUnusableProxyUrlsWithoutShowingTheirPassword(String url) {
        assertThatThrownBy(() -> choose(SERVER, null, "HTTPS_PROXY", url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HTTPS_PROXY `")
                .hasMessageContaining("not a usable proxy URL")
                .message()
                .doesNotContain("hunter2")
                .doesNotContain("ter2");
    }

    @Test
    @DisplayName("a 407 and other refused tunnels read clearly; other failures are not the proxy's")
    void describesProxyFailures() {
        IOException basic =
                new IOException("http, basic, proxy.corp/10.0.0.7:3128 => api.example.com/<unresolved>:6443,"
                        + " status: 407 Proxy Authentication Required");
        IOException none = new IOException("http, none, /10.0.0.7:3128 => api.example.com/<unresolved>:6443,"
                + " status: 407 Proxy Authentication Required");
        IOException forbidden =
                new IOException("http, none, proxy.corp/10.0.0.7:3128 => api.example.com/<unresolved>:6443,"
                        + " status: 403 Forbidden");

        assertThat(ProxySelection.describeFailure(new RuntimeException("list failed", basic)))
                .get()
                .asString()
                .startsWith("proxy authentication required: the proxy proxy.corp:3128 (10.0.0.7) refused the tunnel"
                        + " to api.example.com:6443 (407)")
                .contains("check the user and password");
        assertThat(ProxySelection.describeFailure(none))
                .get()
                .asString()
                .startsWith("proxy authentication required: the proxy 10.0.0.7:3128")
                .contains("no proxy credentials were sent");
        assertThat(ProxySelection.describeFailure(forbidden))
                .get()
                .asString()
                .isEqualTo(
                        "the proxy proxy.corp:3128 (10.0.0.7) refused the tunnel to api.example.com:6443: status 403 Forbidden");
        assertThat(ProxySelection.describeFailure(new java.net.ConnectException("Connection refused")))
                .isEmpty();
    }

    private ClientFactory factory(Map<String, String> env) {
        return new ClientFactory(env, LoginShellPath.fixed(null), ClientFactory.Settings.defaults());
    }

    private ContextEntry context(String server, String proxyUrl) {
        Path file = Fixtures.write(tmp.resolve("config"), """
                clusters:
                - name: c
                  cluster: {server: "%s"%s}
                contexts: [{name: ctx, context: {cluster: c}}]
                """.formatted(
                        server, proxyUrl == null ? "" : ", proxy-url: \"" + proxyUrl + "\""));
        return new KubeconfigDiscovery()
                .discover(env("KUBECONFIG", file.toString()), tmp)
                .find("ctx")
                .orElseThrow();
    }

    @Test
    @DisplayName(
            "the client gets HTTPS_PROXY from the app's environment, credentials apart, and never fabric8's NO_PROXY")
    void clientUsesEnvironmentProxy() {
        Map<String, String> env = env(
                "HTTPS_PROXY",
                "http://alice:s3cret@proxy.example:3128",
                "NO_PROXY",
                "[::1]:6443,*.internal,10.0.0.0/8");
        try (ClusterConnection connection = factory(env).connect(context(SERVER, null))) {
            Config config = connection.client().getConfiguration();

            assertThat(config.getHttpsProxy()).isEqualTo("http://proxy.example:3128");
            assertThat(config.getProxyUsername()).isEqualTo("alice");
            assertThat(config.getProxyPassword()).isEqualTo("s3cret");
            assertThat(config.getNoProxy()).isNullOrEmpty();
        }
        try (ClusterConnection connection = factory(env).connect(context("https://kube.internal:6443", null))) {
            assertThat(connection.client().getConfiguration().getHttpsProxy())
                    .as("NO_PROXY *.internal")
                    .isNull();
        }
    }

    @Test
    @DisplayName("an unusable HTTPS_PROXY fails the connection clearly, naming the variable but not the password")
    void unusableEnvironmentProxyFailsClearly() {
        ConnectionException error = failure(() -> factory(env("HTTPS_PROXY", "ftp://alice:s3cret@proxy.example:21"))
                .connect(context(SERVER, null)));

        assertThat(error.reason()).isEqualTo(ConnectionException.Reason.INVALID_CONTEXT);
        assertThat(error.getMessage())
                .contains("HTTPS_PROXY `ftp://proxy.example:21`")
                .contains("context `ctx`")
                .doesNotContain("s3cret");
    }

    @Test
    @DisplayName("Settings are unchanged by the proxy: timeouts still apply")
    void keepsTimeouts() {
        ClientFactory f = new ClientFactory(
                env("HTTPS_PROXY", "http://proxy.example:3128"),
                LoginShellPath.fixed(null),
                new ClientFactory.Settings(
                        Duration.ofSeconds(3), Duration.ofSeconds(4), 0, ExecCredentialProvider.Settings.defaults()));
        Config config = f.config(context(SERVER, null), Optional.empty());

        assertThat(config.getHttpsProxy()).isEqualTo("http://proxy.example:3128");
        assertThat(config.getConnectionTimeout()).isEqualTo(3000);
    }
}
