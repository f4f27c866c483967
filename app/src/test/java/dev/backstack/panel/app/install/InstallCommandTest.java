package dev.backstack.panel.app.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.app.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless install's contract: what it prints and the exit code of each outcome. */
class InstallCommandTest {

    private static final String TOKEN = "ghp_" + "t".repeat(36);

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> withHome = new java.util.HashMap<>(env);
        withHome.putIfAbsent("KUBECONFIG", home.resolve("no-such-kubeconfig").toString());
        String previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            return new InstallCommand(
                            Options.parse(args),
                            withHome,
                            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run();
        } finally {
            System.setProperty("user.home", previous);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--plan prints every object as multi-document YAML with secret values redacted, without a cluster")
    void plan() throws Exception {
        assertThat(run(Map.of("GITHUB_TOKEN", TOKEN), "", "install", "--plan")).isEqualTo(InstallCommand.EXIT_OK);
        String yaml = out();
        assertThat(yaml).doesNotContain(TOKEN).contains("<redacted>", "kind: Hub", "helmRelease:");
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<Object> docs =
                mapper.readerFor(Object.class).<Object>readValues(yaml).readAll();
        assertThat(docs).hasSizeGreaterThan(20);
    }

    @Test
    @DisplayName("a profile file with an unknown field is a usage error (2) that names the field")
    void badProfile() throws Exception {
        Path profile = Files.writeString(home.resolve("p.yaml"), "repo: x\n");
        assertThat(run(Map.of(), "", "install", "--plan", "--profile", profile.toString()))
                .isEqualTo(InstallCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"repo\"", "repository");
    }

    @Test
    @DisplayName("without a kubeconfig and without --demo the install refuses (3): never the simulation by surprise")
    void noClusterIsAnError() {
        assertThat(run(Map.of(), "", "install", "--dry-run")).isEqualTo(InstallCommand.EXIT_CONNECTION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no kubeconfig contexts found", "--demo");
    }

    @Test
    @DisplayName("a missing token blocks the preflight (4) and nothing is installed")
    void blockedWithoutToken() {
        assertThat(run(Map.of(), "", "install", "--demo")).isEqualTo(InstallCommand.EXIT_BLOCKED);
        assertThat(out()).contains("[FAIL]", "GitHub token: missing").doesNotContain("plan back-hub");
    }

    @Test
    @DisplayName("the whole install on the demo, credentials from standard input, ends done (0) with the URLs")
    void installsOnTheDemo() {
        assertThat(run(Map.of(), "GITHUB_TOKEN=" + TOKEN + "\n", "install", "--demo", "--credentials-stdin"))
                .as(out())
                .isEqualTo(InstallCommand.EXIT_OK);
        assertThat(out())
                .contains("SUCCEEDED", "Backstage: https://backstage-7f000001.nip.io")
                .doesNotContain(TOKEN);
    }
}
