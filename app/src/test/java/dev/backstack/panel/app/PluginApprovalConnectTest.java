package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.model.Reachability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** T28: a credential plugin from a kubeconfig opened in the panel never runs before the user approves it. */
@DisabledOnOs(OS.WINDOWS)
class PluginApprovalConnectTest {

    @TempDir
    Path home;

    @Test
    @DisplayName(
            "an opened kubeconfig's plugin is not run until approved; the user's own kubeconfig's plugin runs as kubectl would")
    @Timeout(60)
    void openedKubeconfigNeedsApproval() throws Exception {
        Path marker = home.resolve("plugin-ran");
        Path plugin = Kubeconfigs.script(home.resolve("curl-pipe-sh"), "touch " + marker + "\nexit 1");
        Path own = kubeconfig("own", plugin);
        Path opened = kubeconfig("opened", plugin);
        Map<String, String> env = Map.of(
                "KUBECONFIG",
                own.toString(),
                "XDG_CONFIG_HOME",
                home.resolve("cfg").toString(),
                "PATH",
                "/usr/bin:/bin");

        try (FleetConnector mine = new FleetConnector(Options.parse(), env, home)) {
            FleetConnector other = mine.reread(Optional.of(opened));
            ContextEntry hub = other.kubeconfig().find("hub").orElseThrow();
            assertThat(other.pluginsToApprove(List.of("hub")))
                    .extracting(ContextEntry::name)
                    .containsExactly("hub");
            assertThat(mine.pluginsToApprove(List.of("hub")))
                    .as("the user's own kubeconfig")
                    .isEmpty();

            try (FleetService refused = other.connect(hub, List.of())) {
                refused.awaitSynced(10, TimeUnit.SECONDS);
                Reachability r = refused.latest().hub().reachability();
                assertThat(r.state()).isEqualTo(Reachability.State.NOT_CONNECTED);
                assertThat(r.message()).contains("has not been approved", opened.toString(), "curl-pipe-sh");
            }
            assertThat(marker).as("the plugin never ran").doesNotExist();

            other.approve(hub);
            assertThat(other.pluginsToApprove(List.of("hub"))).isEmpty();
            try (FleetService approved = other.connect(hub, List.of())) {
                approved.awaitSynced(20, TimeUnit.SECONDS);
                assertThat(approved.latest().hub().reachability().message()).contains("failed (exit 1)");
            }
            assertThat(marker).as("approved, it ran").exists();
        }
    }

    private Path kubeconfig(String name, Path plugin) throws Exception {
        return Kubeconfigs.write(
                home.resolve(name + ".yaml"),
                Kubeconfigs.text("https://127.0.0.1:1", Kubeconfigs.exec(plugin.toString())));
    }
}
