package dev.backstack.panel.installer.connect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds exec credential providers around test plugins, with a short app PATH and no login shell. */
final class PluginProviders {

    static final String APP_PATH = "/usr/bin:/bin";
    static final String INSTALL_HINT = "Install it with: brew install fake-plugin";

    private PluginProviders() {}

    static ExecSpec spec(Path baseDir, String command, String apiVersion, Map<String, String> env) {
        return new ExecSpec(
                apiVersion, command, List.of("--flag", "value with space"), env, INSTALL_HINT, true, baseDir);
    }

    static ExecCredentialProvider provider(
            Path home, ExecSpec spec, ExecCredentialProvider.Settings settings, LoginShellPath loginShell) {
        ExecCredentialProvider.ClusterInfo cluster = new ExecCredentialProvider.ClusterInfo(
                "https://cluster.example.test:6443", null, false, Fixtures.caBase64(), null);
        return new ExecCredentialProvider(
                spec,
                Optional.of(cluster),
                " for context `test` in /kube/config",
                Map.of("PATH", APP_PATH, "HOME", home.toString()),
                loginShell,
                settings);
    }

    static ExecCredentialProvider provider(Path home, Path plugin, Map<String, String> env) {
        return provider(
                home,
                spec(home, plugin.toString(), Fixtures.V1, env),
                ExecCredentialProvider.Settings.defaults(),
                LoginShellPath.fixed(null));
    }
}
