package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.views.component.ComponentCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The failure matrix as the window shows it: broken kubeconfigs and credential plugins, with the ways out. */
@DisabledOnOs(OS.WINDOWS)
class BrokenKubeconfigUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private PanelApp app;

    private void open(Path kubeconfig) throws Exception {
        PanelApp.useOptions(Options.parse("--kubeconfig", kubeconfig.toString()));
        FxToolkit.registerPrimaryStage();
        app = (PanelApp) FxToolkit.setupApplication(PanelApp.class);
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    @DisplayName(
            "a kubeconfig that is not YAML: no demo, the reason with Clusters… and Use the demo fleet, which works")
    void brokenKubeconfigIsAnErrorNotTheDemo() throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, "clusters: [not closed\n");
        open(kubeconfig);

        FxPoll.until(30, () -> notice().contains("Cannot connect: no usable kubeconfig"));
        assertThat(FxPoll.onFx(this::notice)).contains(kubeconfig.toString()).contains("YAML");
        assertThat(FxPoll.onFx(() -> text("#cluster-table-empty"))).startsWith("No hub to show: no usable kubeconfig");
        assertThat(FxPoll.onFx(() -> text("#connection-badge"))).isEqualTo("not connected");
        assertThat(robot.lookup("#simulation-badge").query().isVisible()).isFalse();
        assertThat(app.service()).as("never the demo on its own").isNull();
        assertThat(FxPoll.onFx(() -> button("Clusters\u2026"))).isNotNull();

        robot.interact(() -> button("Use the demo fleet").fire());

        FxPoll.until(
                120,
                () -> app.service() != null
                        && app.service().simulated()
                        && robot.lookup("#simulation-badge").query().isVisible());
    }

    @Test
    @DisplayName("a kubeconfig fixed on disk while the window shows the error: the panel connects by itself (T25)")
    void fixingTheKubeconfigOnDiskConnects() throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, "clusters: [not closed\n");
        open(kubeconfig);
        FxPoll.until(30, () -> notice().contains("Cannot connect: no usable kubeconfig"));

        kubeconfig(("    token: abc"));

        FxPoll.until(
                60,
                () -> app.service() != null
                        && !app.service().simulated()
                        && "hub".equals(app.service().latest().hub().name()));
        assertThat(app.service().latest().hub().reachability().state()).isNotEqualTo(Reachability.State.REACHABLE);
    }

    @Test
    @DisplayName("a hub whose credential plugin is missing: its cards are Unknown with the reason, never Not installed")
    void missingPluginShowsTheHubUnknown() throws Exception {
        open(kubeconfig(Kubeconfigs.exec("aws-not-installed")));

        FxPoll.until(
                30,
                () -> card(ComponentKind.KYVERNO).contains("Unknown")
                        && app.service() != null
                        && app.service().latest().hub().reachability().state() == Reachability.State.NOT_CONNECTED);
        assertThat(FxPoll.onFx(() -> card(ComponentKind.BACKSTAGE)))
                .contains("Unknown")
                .doesNotContain("Not installed");
        assertThat(app.service().latest().hub().name()).isEqualTo("hub");
        assertThat(app.service().latest().hub().reachability().message())
                .contains("credential plugin `aws-not-installed` not found on PATH");
        assertThat(FxPoll.onFx(() -> text("#connection-badge"))).isEqualTo("not connected");
    }

    @Test
    @DisplayName("a credential plugin waiting for a browser login: the window says so, and Cancel sign-in kills it")
    void waitingSignInCanBeCancelled() throws Exception {
        Path pidFile = dir.resolve("plugin.pid");
        Path plugin = Kubeconfigs.script(dir.resolve("browser-login"), "echo $$ > " + pidFile + "\nexec sleep 600");
        open(kubeconfig(Kubeconfigs.exec(plugin.toString())));

        FxPoll.until(30, () -> notice().contains("hub: waiting for credential plugin"));
        assertThat(FxPoll.onFx(() -> text("#connection-badge"))).isEqualTo("connecting");

        robot.interact(() -> button("Cancel sign-in").fire());

        FxPoll.until(60, () -> app.service().latest().hub().reachability().state() == Reachability.State.NOT_CONNECTED);
        assertThat(app.service().latest().hub().reachability().message()).contains("was cancelled");
        if (Files.exists(pidFile)) { // else the cancel came before the plugin started, and it never ran
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .ifPresent(p -> p.onExit()
                            .completeOnTimeout(p, 10, TimeUnit.SECONDS)
                            .join());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
        }
        FxPoll.until(10, () -> !notice().contains("waiting for credential plugin"));
    }

    private Path kubeconfig(String user) throws Exception {
        return Kubeconfigs.write(dir.resolve("config"), Kubeconfigs.text("https://127.0.0.1:1", user));
    }

    private String notice() {
        Node bar = robot.lookup("#notice-bar").query();
        return bar.isVisible()
                ? robot.from(bar).lookup(".label").queryAll().stream()
                        .map(n -> ((Label) n).getText())
                        .reduce("", (a, b) -> a + b)
                : "";
    }

    private String text(String id) {
        return ((Label) robot.lookup(id).query()).getText();
    }

    private Button button(String label) {
        return robot.lookup(".button")
                .match(n -> n instanceof Button b && b.getText().equals(label) && b.isVisible())
                .queryAs(Button.class);
    }

    private String card(ComponentKind kind) {
        return robot.lookup("#card-" + kind.name())
                .match(Node::isVisible)
                .tryQueryAs(ComponentCard.class)
                .map(ComponentCard::displayedText)
                .orElse("");
    }
}
