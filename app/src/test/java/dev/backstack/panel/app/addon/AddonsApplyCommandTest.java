package dev.backstack.panel.app.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.app.install.PlanExits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code addons apply}: usage errors, and the plan, preflight and delivery on the demo (each run its own demo fleet). */
class AddonsApplyCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("KUBECONFIG", home.resolve("no-such-kubeconfig").toString());
        return new AddonsCommand(
                        AddonsOptions.parse(args),
                        env,
                        home,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("apply --demo runs the preflight, applies the ApplicationSets to the hub and says so (0)")
    void appliesOnTheDemo() {
        int code = run(
                "addons",
                "apply",
                "--demo",
                "--addon",
                "metrics-server",
                "--addon",
                "cert-manager",
                "--set",
                "metrics-server.replicas=2");
        assertThat(code).as(out() + err()).isEqualTo(PlanExits.OK);
        assertThat(err())
                .contains("metrics-server: spokes labelled clusterType=spoke (now: spoke-1, spoke-2", "SIMULATION");
        assertThat(out())
                .contains(
                        "metrics-server reaches 3 spokes",
                        "applied 1/1: ApplicationSet argocd/metrics-server",
                        "applied 1/1: ApplicationSet argocd/cert-manager",
                        "SUCCEEDED");
    }

    @Test
    @DisplayName("apply --demo --plan prints the ApplicationSets as the plan's objects and writes nothing (0)")
    void plansOnTheDemo() {
        int code = run("addons", "apply", "--demo", "--plan", "--addon", "kyverno", "--spoke", "spoke-2");
        assertThat(code).as(out() + err()).isEqualTo(PlanExits.OK);
        assertThat(out()).contains("kind: ApplicationSet", "name: kyverno", "- spoke-2");
    }

    @Test
    @DisplayName("usage errors: no hub, apply flags on render, an incomplete GitOps delivery (2)")
    void usageErrors() {
        assertThat(run("addons", "apply", "--addon", "kyverno")).isEqualTo(PlanExits.USAGE);
        assertThat(err()).contains("addons apply needs the hub: --demo");
        assertThat(run(
                        "addons",
                        "apply",
                        "--demo",
                        "--addon",
                        "kyverno",
                        "--gitops",
                        "https://github.com/acme/gitops.git",
                        "--branch",
                        "main"))
                .isEqualTo(PlanExits.USAGE);
        assertThat(err()).contains("the new branch must differ from the base branch main");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddonsOptions.parse("addons", "render", "--dry-run"))
                .hasMessageContaining("--dry-run is an option of addons apply");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AddonsOptions.parse("addons", "apply", "--branch", "x"))
                .hasMessageContaining("give --gitops too");
    }
}
