package dev.backstack.panel.installer.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.helm.KubeconfigContents.ServerTrust;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KubeconfigContents: single-context kubeconfigs that parse back, with credentials only where they belong. */
class KubeconfigContentsTest {

    static final String DEV_TOKEN = "dev-token-ghp_TESTdevOnly0123456789";

    static Path fixture(Path dir) throws IOException {
        Path file = dir.resolve("kube/config");
        Files.createDirectories(file.getParent());
        try (InputStream in = Objects.requireNonNull(
                KubeconfigContentsTest.class.getResourceAsStream("/helm/kubeconfig-two-contexts.yaml"))) {
            Files.copy(in, file);
        }
        return file;
    }

    static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    @DisplayName("from a URL and a token: one context, current, insecure only when asked, the token once in the user")
    void fromTokenInsecure() {
        String token = "sa-token-0123456789abcdef";

        KubeAccess access = KubeconfigContents.fromToken("it", "https://127.0.0.1:6443", token, ServerTrust.insecure());
        Config config = KubeConfigUtils.parseConfigFromString(access.kubeconfigYaml());

        assertThat(access.contextName()).isEqualTo("it");
        assertThat(config.getCurrentContext()).isEqualTo("it");
        assertThat(config.getContexts()).singleElement().satisfies(c -> {
            assertThat(c.getContext().getCluster()).isEqualTo("it");
            assertThat(c.getContext().getUser()).isEqualTo("it");
        });
        assertThat(config.getClusters()).singleElement().satisfies(c -> {
            assertThat(c.getCluster().getServer()).isEqualTo("https://127.0.0.1:6443");
            assertThat(c.getCluster().getInsecureSkipTlsVerify()).isTrue();
            assertThat(c.getCluster().getCertificateAuthorityData()).isNull();
        });
        assertThat(config.getUsers())
                .singleElement()
                .extracting(u -> u.getUser().getToken())
                .isEqualTo(token);
        assertThat(occurrences(access.kubeconfigYaml(), token)).isEqualTo(1);
        assertThat(access.toString()).doesNotContain(token);
        assertThat(KubeconfigContents.secretValues(access.kubeconfigYaml())).containsExactly(token);
    }

    @Test
    @DisplayName("from a URL, a token and a CA: the CA as data, TLS verified; a URL without a scheme is refused")
    void fromTokenWithCa() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";

        Config config = KubeConfigUtils.parseConfigFromString(
                KubeconfigContents.fromToken("ca", "https://k.example.invalid", "t0k3n-value", ServerTrust.ca(pem))
                        .kubeconfigYaml());

        assertThat(config.getClusters()).singleElement().satisfies(c -> {
            assertThat(c.getCluster().getInsecureSkipTlsVerify()).isNotEqualTo(Boolean.TRUE);
            assertThat(new String(
                            Base64.getDecoder().decode(c.getCluster().getCertificateAuthorityData()),
                            StandardCharsets.UTF_8))
                    .isEqualTo(pem);
        });
        assertThatThrownBy(() ->
                        KubeconfigContents.fromToken("x", "k.example.invalid:6443", "t", ServerTrust.systemRoots()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> new ServerTrust(true, pem)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("from a file: minified to the context, exec kept as it is, no other user's token")
    void fromFileKeepsExec(@TempDir Path dir) throws IOException {
        KubeAccess prod = KubeconfigContents.fromFile(fixture(dir), "prod");
        Config config = KubeConfigUtils.parseConfigFromString(prod.kubeconfigYaml());

        assertThat(config.getCurrentContext()).isEqualTo("prod");
        assertThat(config.getContexts())
                .singleElement()
                .extracting(c -> c.getName())
                .isEqualTo("prod");
        assertThat(config.getClusters()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("prod-cluster");
            assertThat(c.getCluster().getServer()).isEqualTo("https://prod.example.invalid:6443");
            assertThat(c.getCluster().getTlsServerName()).isEqualTo("prod");
        });
        AuthInfo user = config.getUsers().get(0).getUser();
        assertThat(config.getUsers()).hasSize(1);
        assertThat(user.getToken()).isNull();
        assertThat(user.getExec().getCommand()).isEqualTo("aws");
        assertThat(user.getExec().getArgs()).containsExactly("eks", "get-token", "--cluster-name", "prod");
        assertThat(user.getExec().getEnv())
                .singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("prod"));
        assertThat(user.getExec().getApiVersion()).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(user.getExec().getInteractiveMode()).isEqualTo("Never");
        assertThat(prod.kubeconfigYaml()).doesNotContain(DEV_TOKEN).doesNotContain("dev.example.invalid");
    }

    @Test
    @DisplayName(
            "from a file: the token context keeps its token once and its namespace; relative file paths become absolute")
    void fromFileWithToken(@TempDir Path dir) throws IOException {
        Path file = fixture(dir);

        KubeAccess dev = KubeconfigContents.fromFile(file, "dev");
        Config config = KubeConfigUtils.parseConfigFromString(dev.kubeconfigYaml());

        assertThat(config.getContexts())
                .singleElement()
                .satisfies(c -> assertThat(c.getContext().getNamespace()).isEqualTo("team-a"));
        assertThat(config.getClusters())
                .singleElement()
                .satisfies(c -> assertThat(c.getCluster().getCertificateAuthority())
                        .isEqualTo(file.getParent().resolve("certs/dev-ca.crt").toString()));
        assertThat(config.getUsers())
                .singleElement()
                .extracting(u -> u.getUser().getToken())
                .isEqualTo(DEV_TOKEN);
        assertThat(occurrences(dev.kubeconfigYaml(), DEV_TOKEN)).isEqualTo(1);
        assertThat(dev.kubeconfigYaml()).doesNotContain("aws").doesNotContain("prod");
    }

    @Test
    @DisplayName("from a file: a missing context is named; a broken file is reported by place, never by contents")
    void fromFileErrors(@TempDir Path dir) throws IOException {
        Path file = fixture(dir);
        Path broken = Files.writeString(
                dir.resolve("broken"), "users:\n- name: u\n  user: {token: \"leaky-ghp_TESTbroken123\n");

        assertThatThrownBy(() -> KubeconfigContents.fromFile(file, "staging"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no context 'staging'");
        assertThatThrownBy(() -> KubeconfigContents.fromFile(broken, "any"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not valid YAML (line")
                .hasMessageNotContaining("leaky");
        assertThatThrownBy(() -> KubeconfigContents.fromFile(dir.resolve("absent"), "any"))
                .isInstanceOf(IOException.class);
    }
}
