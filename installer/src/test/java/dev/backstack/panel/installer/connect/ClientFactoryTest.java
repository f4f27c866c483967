package dev.backstack.panel.installer.connect;

import static dev.backstack.panel.installer.connect.Fixtures.env;
import static dev.backstack.panel.installer.connect.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.connect.ConnectionException.Reason;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientFactoryTest {

    private final ClientFactory factory = new ClientFactory(
            Map.of("PATH", "/usr/bin:/bin"), LoginShellPath.fixed(null), ClientFactory.Settings.defaults());

    @TempDir
    Path tmp;

    private KubeconfigSet discover(Path... files) {
        StringBuilder list = new StringBuilder();
        for (Path file : files) {
            list.append(file).append(File.pathSeparator);
        }
        return new KubeconfigDiscovery().discover(env("KUBECONFIG", list.toString()), tmp);
    }

    private ContextEntry handMade(String name, String server, boolean insecure) {
        return new ContextEntry(
                name, tmp.resolve("config"), "cluster", server, "", "default", insecure, Optional.empty(), List.of());
    }

    private ContextEntry context(Path kubeconfig, String name) {
        return discover(kubeconfig).find(name).orElseThrow();
    }

    @Test
    @DisplayName("T4: a server URL without a scheme is refused, never downgraded to http")
    void refusesSchemeLessServerUrl() {
        ConnectionException error = failure(() -> factory.connect(handMade("edge", "10.1.2.3:6443", false)));

        assertThat(error.reason()).isEqualTo(Reason.INSECURE_URL);
        assertThat(error.getMessage())
                .contains("context `edge`")
                .contains(tmp.resolve("config").toString())
                .contains("has no https:// scheme")
                .contains("https://10.1.2.3:6443");
    }

    @Test
    void refusesPlainHttpServerUrl() {
        ConnectionException error = failure(() -> factory.connect(handMade("lab", "http://10.1.2.3:8080", false)));

        assertThat(error.reason()).isEqualTo(Reason.INSECURE_URL);
        assertThat(error.getMessage()).contains("plain http://");
    }

    @Test
    @DisplayName("T4: a scheme-less URL found by discovery is refused as insecure too")
    void refusesSchemeLessServerUrlFromKubeconfig() {
        Path file = Fixtures.copy("malformed", tmp).resolve("bad-contexts.yaml");

        ConnectionException error = failure(() -> factory.connect(context(file, "scheme-less")));

        assertThat(error.reason()).isEqualTo(Reason.INSECURE_URL);
        assertThat(error.getMessage())
                .contains("context `scheme-less`")
                .contains(file.toString())
                .contains("https://10.1.2.3:6443");
    }

    @Test
    void refusesContextWithProblemsNamingThem() {
        Path file = Fixtures.copy("malformed", tmp).resolve("bad-contexts.yaml");

        ConnectionException error = failure(() -> factory.connect(context(file, "bad-base64")));

        assertThat(error.reason()).isEqualTo(Reason.INVALID_CONTEXT);
        assertThat(error.getMessage())
                .contains("context `bad-base64`")
                .contains(file.toString())
                .contains("not valid base64");
    }

    @Test
    @DisplayName("T3: insecure-skip-tls-verify trusts any certificate and comes with a warning")
    void insecureSkipTlsVerifyDisablesVerificationWithAWarning() {
        try (ClusterConnection connection = factory.connect(handMade("lab", "https://10.1.2.3:6443", true))) {
            Config config = connection.client().getConfiguration();

            assertThat(config.isTrustCerts()).isTrue();
            assertThat(config.isDisableHostnameVerification()).isTrue();
            assertThat(connection.warnings())
                    .singleElement()
                    .asString()
                    .contains("TLS verification is switched off")
                    .contains("context `lab`");
        }
    }

    @Test
    void verifiesTlsAndHasNoWarningsForACleanContext() {
        Path dir = Fixtures.copy("merge", tmp);
        try (ClusterConnection connection = factory.connect(context(dir.resolve("a.yaml"), "alpha"))) {
            Config config = connection.client().getConfiguration();

            assertThat(config.isTrustCerts()).isFalse();
            assertThat(config.isDisableHostnameVerification()).isFalse();
            assertThat(connection.warnings()).isEmpty();
        }
    }

    @Test
    void appliesTheContextAndTimeoutsExplicitly() {
        Path dir = Fixtures.copy("merge", tmp);
        try (ClusterConnection connection = factory.connect(context(dir.resolve("a.yaml"), "alpha"))) {
            Config config = connection.client().getConfiguration();

            assertThat(config.getMasterUrl()).isEqualTo("https://a.example.test:6443/");
            assertThat(config.getNamespace()).isEqualTo("team-a");
            assertThat(config.getCaCertData()).isEqualTo(Fixtures.caBase64());
            assertThat(config.getOauthToken()).isEqualTo("fixture-token-from-a");
            assertThat(config.getConnectionTimeout()).isEqualTo(10_000);
            assertThat(config.getRequestTimeout()).isEqualTo(30_000);
            assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(2);
            assertThat(config.getAutoConfigure()).isFalse();
            assertThat(config.getFile())
                    .as("fabric8 must never re-read or rewrite the kubeconfig")
                    .isNull();
            assertThat(connection.credentials()).isEmpty();
        }
    }

    @Test
    @DisplayName("T27: kubernetes.* system properties do not redirect the client or relax TLS")
    void ignoresAmbientSystemProperties() {
        Path dir = Fixtures.copy("merge", tmp);
        ContextEntry alpha = context(dir.resolve("a.yaml"), "alpha");
        Map<String, String> hijack = Map.of(
                "kubernetes.master", "https://hijack.example.test:443",
                "kubernetes.trust.certificates", "true",
                "kubernetes.disable.hostname.verification", "true",
                "kubernetes.auth.token", "hijack-token",
                "kubernetes.namespace", "hijack-ns",
                "kubernetes.https.proxy", "http://hijack-proxy.example.test:3128");
        hijack.forEach(System::setProperty);
        try {
            assertThat(Config.autoConfigure(null).getMasterUrl())
                    .as("sanity: fabric8 auto-configuration would obey")
                    .startsWith("https://hijack.example.test");
            try (ClusterConnection connection = factory.connect(alpha)) {
                Config config = connection.client().getConfiguration();

                assertThat(config.getMasterUrl()).isEqualTo("https://a.example.test:6443/");
                assertThat(config.isTrustCerts()).isFalse();
                assertThat(config.isDisableHostnameVerification()).isFalse();
                assertThat(config.getNamespace()).isEqualTo("team-a");
                assertThat(config.getOauthToken()).isEqualTo("fixture-token-from-a");
                assertThat(config.getAutoOAuthToken()).isNull();
                assertThat(config.getHttpsProxy()).isNull();
            }
        } finally {
            hijack.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void readsTokenFileThroughAProvider() {
        Path dir = Fixtures.copy("relative", tmp);
        try (ClusterConnection connection = factory.connect(context(dir.resolve("kubeconfig"), "token-file"))) {
            Config config = connection.client().getConfiguration();

            assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("fixture-token-from-file");
            assertThat(config.getCaCertFile())
                    .isEqualTo(dir.resolve("certs/ca.crt").toString());
        }
    }

    @Test
    void reportsUnloadableClientCertificateClearly() {
        Path dir = Fixtures.copy("relative", tmp);

        ConnectionException error = failure(() -> factory.connect(context(dir.resolve("kubeconfig"), "relative")));

        assertThat(error.reason()).isEqualTo(Reason.TLS_SETUP);
        assertThat(error.getMessage()).contains("context `relative`").contains("client-certificate");
    }

    @Test
    void loadsClientCertificateAndEcKeyFromFiles() throws Exception {
        TestPki pki = TestPki.ecClient(tmp);
        Fixtures.write(tmp.resolve("pki/client.crt"), pki.certPem);
        Fixtures.write(tmp.resolve("pki/client.key"), pki.keyPem);
        Path file = Fixtures.write(tmp.resolve("config"), """
                clusters: [{name: c, cluster: {server: "https://c.example.test:6443", certificate-authority-data: %s}}]
                contexts: [{name: cert, context: {cluster: c, user: cert}}]
                users: [{name: cert, user: {client-certificate: pki/client.crt, client-key: pki/client.key}}]
                """.formatted(Fixtures.caBase64()));

        try (ClusterConnection connection = factory.connect(context(file, "cert"))) {
            Config config = connection.client().getConfiguration();

            assertThat(config.getClientCertFile())
                    .isEqualTo(tmp.resolve("pki/client.crt").toString());
            assertThat(config.getClientKeyFile())
                    .isEqualTo(tmp.resolve("pki/client.key").toString());
            assertThat(config.getClientKeyAlgo()).isEqualTo("EC");
        }
    }

    @Test
    void detectsKeyAlgorithmFromPemHeaderOrPkcs8Content() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);

        String ecKey =
                TestPki.pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded());
        String rsaKey =
                TestPki.pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());

        assertThat(TlsMaterial.keyAlgorithm(ecKey)).isEqualTo("EC");
        assertThat(TlsMaterial.keyAlgorithm(rsaKey)).isEqualTo("RSA");
        assertThat(TlsMaterial.keyAlgorithm("-----BEGIN EC PRIVATE KEY-----\nAAAA\n"))
                .isEqualTo("EC");
        assertThat(TlsMaterial.keyAlgorithm("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"))
                .isEqualTo("RSA");
    }

    @Test
    void wiresExecPluginAsTokenProviderWithoutRunningItYet() {
        Path counter = tmp.resolve("counter");
        Path plugin = Fixtures.script(tmp, "plugin", Fixtures.countingCredential());
        Path file = Fixtures.write(tmp.resolve("config"), """
                clusters: [{name: c, cluster: {server: "https://c.example.test:6443"}}]
                contexts: [{name: exec, context: {cluster: c, user: exec}}]
                users:
                - name: exec
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./plugin
                      env: [{name: COUNTER, value: "%s"}]
                """.formatted(counter));

        try (ClusterConnection connection = factory.connect(context(file, "exec"))) {
            Config config = connection.client().getConfiguration();

            assertThat(config.getOauthTokenProvider())
                    .isInstanceOf(ExecCredentialProvider.class)
                    .isSameAs(connection.credentials().orElseThrow());
            assertThat(config.getAuthProvider()).isNull();
            assertThat(config.getOauthToken()).isNull();
            assertThat(Fixtures.count(counter))
                    .as("the plugin runs on the first request")
                    .isZero();
            assertThat(plugin).exists();
        }
    }

    @Test
    void staticTokenWinsOverExecWithAWarning() {
        Path file = Fixtures.write(tmp.resolve("config"), """
                clusters: [{name: c, cluster: {server: "https://c.example.test:6443"}}]
                contexts: [{name: both, context: {cluster: c, user: both}}]
                users:
                - name: both
                  user:
                    token: static-token
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: x}
                """);

        try (ClusterConnection connection = factory.connect(context(file, "both"))) {
            assertThat(connection.client().getConfiguration().getOauthToken()).isEqualTo("static-token");
            assertThat(connection.credentials()).isEmpty();
            assertThat(connection.warnings()).singleElement().asString().contains("token is used");
        }
    }

    @Test
    void usesTheClustersProxyUrl() {
        Path file = Fixtures.write(tmp.resolve("config"), """
                clusters:
                - name: c
                  cluster: {server: "https://c.example.test:6443", proxy-url: "http://proxy.example.test:3128"}
                contexts: [{name: proxied, context: {cluster: c}}]
                """);

        try (ClusterConnection connection = factory.connect(context(file, "proxied"))) {
            assertThat(connection.client().getConfiguration().getHttpsProxy())
                    .isEqualTo("http://proxy.example.test:3128");
        }
    }
}
