package dev.backstack.panel.installer.connect;

import static dev.backstack.panel.installer.connect.Fixtures.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigDiscoveryTest {

    private final KubeconfigDiscovery discovery = new KubeconfigDiscovery();

    @TempDir
    Path tmp;

    private KubeconfigSet discover(Path... files) {
        StringBuilder list = new StringBuilder();
        for (Path file : files) {
            list.append(file).append(File.pathSeparator);
        }
        return discovery.discover(env("KUBECONFIG", list.toString()), tmp.resolve("home"));
    }

    @Test
    void usesHomeKubeConfigWhenKubeconfigIsUnsetOrEmpty() {
        Path home = tmp.resolve("home");
        assertThat(KubeconfigDiscovery.kubeconfigPaths(Map.of(), home))
                .containsExactly(home.resolve(".kube/config").toAbsolutePath());
        assertThat(KubeconfigDiscovery.kubeconfigPaths(env("KUBECONFIG", ""), home))
                .containsExactly(home.resolve(".kube/config").toAbsolutePath());
    }

    @Test
    void splitsKubeconfigOnPathSeparatorIgnoringEmptyEntriesAndDuplicates() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String list = File.pathSeparator + a + File.pathSeparator + File.pathSeparator + b + File.pathSeparator + a;
        assertThat(KubeconfigDiscovery.kubeconfigPaths(env("KUBECONFIG", list), tmp))
                .containsExactly(a, b);
    }

    @Test
    @DisplayName("T23: the first file wins for contexts, clusters, users and current-context")
    void firstFileWinsForEveryNameAndCurrentContext() {
        Path dir = Fixtures.copy("merge", tmp);
        KubeconfigSet set = discover(dir.resolve("a.yaml"), dir.resolve("b.yaml"));

        assertThat(set.problems()).isEmpty();
        assertThat(set.currentContext()).contains("alpha");
        assertThat(set.contexts()).extracting(ContextEntry::name).containsExactly("alpha", "shared", "beta");
        ContextEntry shared = set.find("shared").orElseThrow();
        assertThat(shared.source()).isEqualTo(dir.resolve("a.yaml"));
        assertThat(shared.server()).isEqualTo("https://shared-from-a.example.test:6443");
        ContextEntry beta = set.find("beta").orElseThrow();
        assertThat(beta.source()).isEqualTo(dir.resolve("b.yaml"));
        assertThat(beta.details().token()).as("user-shared comes from a.yaml").isEqualTo("fixture-token-from-a");
        assertThat(beta.details().userSource()).isEqualTo(dir.resolve("a.yaml"));
        assertThat(set.find("alpha").orElseThrow().namespace()).isEqualTo("team-a");
        assertThat(beta.namespace()).isEqualTo("default");
        assertThat(set.contexts()).allMatch(ContextEntry::usable);
    }

    @Test
    void laterFileWinsWhenListedFirst() {
        Path dir = Fixtures.copy("merge", tmp);
        KubeconfigSet set = discover(dir.resolve("b.yaml"), dir.resolve("a.yaml"));

        assertThat(set.currentContext()).contains("beta");
        assertThat(set.find("shared").orElseThrow().server()).isEqualTo("https://b.example.test:6443");
        assertThat(set.find("shared").orElseThrow().source()).isEqualTo(dir.resolve("b.yaml"));
    }

    @Test
    @DisplayName("T23: shadowed duplicates are reported with both files")
    void warnsAboutShadowedContextNamingBothFiles() {
        Path dir = Fixtures.copy("merge", tmp);
        KubeconfigSet set = discover(dir.resolve("a.yaml"), dir.resolve("b.yaml"));

        assertThat(set.warnings())
                .anySatisfy(w -> assertThat(w)
                        .contains("context `shared`")
                        .contains(dir.resolve("b.yaml").toString())
                        .contains(dir.resolve("a.yaml").toString())
                        .contains("shadowed"));
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("cluster `cluster-shared`"));
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("user `user-shared`"));
    }

    @Test
    @DisplayName("T24: a YAML syntax error is reported with its line; other files stay usable")
    void reportsYamlSyntaxErrorWithLineNumberAndKeepsOtherFiles() {
        Path broken = Fixtures.copy("malformed", tmp).resolve("syntax-error.yaml");
        Path merge = Fixtures.copy("merge", tmp);
        KubeconfigSet set = discover(broken, merge.resolve("a.yaml"));

        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(broken);
            assertThat(p.message()).startsWith("YAML syntax error at line 7");
        });
        assertThat(set.contexts()).extracting(ContextEntry::name).containsExactly("alpha", "shared");
        assertThat(set.currentContext()).contains("alpha");
    }

    @Test
    void syntaxErrorMessageDoesNotQuoteTheFile() {
        Path file = Fixtures.write(
                tmp.resolve("leaky.yaml"), "users:\n- name: u\n  user:\n    token: ghp_TESTsecretvalue123 : : [\n");
        KubeconfigSet set = discover(file);

        assertThat(set.problems())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).contains("YAML syntax error").doesNotContain("ghp_TEST"));
    }

    @Test
    void reportsMissingFileAndKeepsOtherFiles() {
        Path merge = Fixtures.copy("merge", tmp);
        Path missing = tmp.resolve("nope/config");
        KubeconfigSet set = discover(missing, merge.resolve("b.yaml"));

        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(missing);
            assertThat(p.message()).contains("does not exist");
        });
        assertThat(set.contexts()).extracting(ContextEntry::name).containsExactly("beta", "shared");
    }

    @Test
    void reportsUnreadableFile() throws Exception {
        assumeThat(System.getProperty("user.name")).as("root can read anything").isNotEqualTo("root");
        Path file = Fixtures.copy("merge", tmp).resolve("a.yaml");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            assertThat(discover(file).problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("cannot be read"));
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void treatsEmptyFileAsEmptyConfigAndNonMappingAsProblem() {
        Path empty = Fixtures.write(tmp.resolve("empty"), "");
        Path list = Fixtures.write(tmp.resolve("list"), "- just\n- a list\n");
        KubeconfigSet set = discover(empty, list);

        assertThat(set.contexts()).isEmpty();
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(list);
            assertThat(p.message()).contains("not a kubeconfig");
        });
    }

    @Test
    @DisplayName("T24: each broken context carries its own problem; the good one stays usable")
    void reportsProblemsPerContextAndKeepsGoodOnes() {
        Path file = Fixtures.copy("malformed", tmp).resolve("bad-contexts.yaml");
        KubeconfigSet set = discover(file);

        assertThat(set.problems()).isEmpty();
        assertThat(set.find("good").orElseThrow().problems()).isEmpty();
        assertThat(problemsOf(set, "bad-base64")).contains("certificate-authority-data is not valid base64");
        assertThat(problemsOf(set, "not-a-cert")).contains("does not contain a valid PEM certificate");
        assertThat(problemsOf(set, "scheme-less")).contains("has no https:// scheme", "https://10.1.2.3:6443");
        assertThat(problemsOf(set, "plain-http")).contains("plain http://");
        assertThat(problemsOf(set, "missing-ca-file"))
                .contains(file.getParent().resolve("no-such-dir/ca.crt").toString(), "does not exist");
        assertThat(problemsOf(set, "missing-cluster")).contains("cluster `no-such-cluster` is not defined");
        assertThat(problemsOf(set, "missing-user")).contains("user `no-such-user` is not defined");
        assertThat(problemsOf(set, "missing-client-cert-file"))
                .contains(file.getParent().resolve("certs/missing-client.crt").toString(), "does not exist");
        assertThat(problemsOf(set, "no-cluster-field")).contains("names no cluster");
    }

    private static String problemsOf(KubeconfigSet set, String context) {
        ContextEntry entry = set.find(context).orElseThrow();
        assertThat(entry.usable()).as(context + " is unusable").isFalse();
        return String.join("\n", entry.problems());
    }

    @Test
    @DisplayName("T24: without a current-context nothing is selected and the user is told")
    void missingCurrentContextSelectsNothing() {
        Path file = Fixtures.copy("malformed", tmp).resolve("bad-contexts.yaml");
        KubeconfigSet set = discover(file);

        assertThat(set.currentContext()).isEmpty();
        assertThat(set.current()).isEmpty();
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("current-context"));
    }

    @Test
    void currentContextNamingNoContextSelectsNothing() {
        Path file = Fixtures.write(tmp.resolve("config"), "current-context: gone\ncontexts: []\n");
        KubeconfigSet set = discover(file);

        assertThat(set.currentContext()).isEmpty();
        assertThat(set.warnings())
                .anySatisfy(w -> assertThat(w).contains("`gone`").contains(file.toString()));
    }

    @Test
    @DisplayName("T24: relative paths are resolved against the kubeconfig's directory")
    void resolvesRelativePathsAgainstTheKubeconfigDirectory() {
        Path dir = Fixtures.copy("relative", tmp);
        KubeconfigSet set = discover(dir.resolve("kubeconfig"));

        assertThat(set.contexts()).allSatisfy(c -> assertThat(c.problems()).isEmpty());
        ConnectionDetails cert = set.find("relative").orElseThrow().details();
        assertThat(cert.caFile()).isEqualTo(dir.resolve("certs/ca.crt"));
        assertThat(cert.clientCertFile()).isEqualTo(dir.resolve("certs/client.crt"));
        assertThat(cert.clientKeyFile()).isEqualTo(dir.resolve("certs/client.key"));
        assertThat(set.find("token-file").orElseThrow().details().tokenFile()).isEqualTo(dir.resolve("secrets/token"));
        ExecSpec exec = set.find("exec").orElseThrow().exec().orElseThrow();
        assertThat(exec.command())
                .isEqualTo(dir.resolve("bin/credential-plugin").toString());
        assertThat(exec.baseDir()).isEqualTo(dir);
        assertThat(exec.apiVersion()).isEqualTo(Fixtures.V1);
        assertThat(exec.args()).containsExactly("get-token", "--cluster", "relative");
        assertThat(exec.env()).containsEntry("PLUGIN_PROFILE", "test");
        assertThat(exec.installHint()).isEqualTo("Install the fixture plugin.");
        assertThat(exec.provideClusterInfo()).isTrue();
    }

    @Test
    void keepsBareExecCommandForPathLookupAndRejectsUnknownApiVersion() {
        Path file = Fixtures.write(tmp.resolve("config"), """
                clusters: [{name: c, cluster: {server: "https://c.example.test"}}]
                contexts:
                - {name: bare, context: {cluster: c, user: bare}}
                - {name: alpha, context: {cluster: c, user: alpha}}
                users:
                - {name: bare, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}}}
                - {name: alpha, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x}}}
                """);
        KubeconfigSet set = discover(file);

        assertThat(set.find("bare").orElseThrow().exec().orElseThrow().command())
                .isEqualTo("aws");
        assertThat(problemsOf(set, "alpha")).contains("v1alpha1", "not supported");
    }

    @Test
    void rejectsLegacyAuthProviderWithAHint() {
        Path file = Fixtures.write(tmp.resolve("config"), """
                clusters: [{name: c, cluster: {server: "https://c.example.test"}}]
                contexts: [{name: oidc, context: {cluster: c, user: oidc}}]
                users: [{name: oidc, user: {auth-provider: {name: oidc, config: {id-token: eyJhbGciOiJSUzI1NiJ9.x.y}}}}]
                """);

        assertThat(problemsOf(discover(file), "oidc")).contains("auth-provider `oidc`", "exec credential plugin");
    }

    @Test
    void toStringNeverShowsCredentials() {
        Path dir = Fixtures.copy("merge", tmp);
        KubeconfigSet set = discover(dir.resolve("a.yaml"));

        assertThat(set.toString()).doesNotContain("fixture-token-from-a").contains(Redactor.MASK);
    }

    @Test
    @DisplayName("T26: discovery leaves every kubeconfig file byte-identical")
    void leavesKubeconfigFilesByteIdentical() {
        Fixtures.copy("merge", tmp);
        Fixtures.copy("malformed", tmp);
        Fixtures.copy("relative", tmp);
        Map<String, String> before = Fixtures.checksums(tmp);

        discover(
                tmp.resolve("merge/a.yaml"),
                tmp.resolve("merge/b.yaml"),
                tmp.resolve("malformed/syntax-error.yaml"),
                tmp.resolve("malformed/bad-contexts.yaml"),
                tmp.resolve("relative/kubeconfig"));

        assertThat(Fixtures.checksums(tmp)).isEqualTo(before);
    }
}
