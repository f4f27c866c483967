package dev.backstack.panel.installer.connect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code exec} section of a kubeconfig user: a client-go credential plugin. A command that
 * contains a slash and is not absolute has already been resolved against {@link #baseDir()}, the
 * directory of the kubeconfig file that defines the user; a bare name is looked up on PATH when
 * the plugin runs. Immutable, use on any thread; {@link #toString()} shows environment variable names
 * but not values or arguments.
 *
 * @param apiVersion         {@code client.authentication.k8s.io/v1} or {@code v1beta1}
 * @param command            the program to run (never through a shell)
 * @param args               its arguments
 * @param env                extra environment variables for the plugin
 * @param installHint        the kubeconfig's hint on how to install the plugin, or empty
 * @param provideClusterInfo whether the plugin gets the cluster in {@code KUBERNETES_EXEC_INFO}
 * @param baseDir            the directory of the kubeconfig file that defines the user
 */
public record ExecSpec(
        String apiVersion,
        String command,
        List<String> args,
        Map<String, String> env,
        String installHint,
        boolean provideClusterInfo,
        Path baseDir) {

    public ExecSpec {
        Objects.requireNonNull(command, "command");
        apiVersion = apiVersion == null ? "" : apiVersion;
        args = List.copyOf(args);
        env = Map.copyOf(env);
        installHint = installHint == null ? "" : installHint;
    }

    @Override
    public String toString() {
        return "ExecSpec[apiVersion=" + apiVersion + ", command=" + command + ", args=" + args.size()
                + " argument(s), env=" + env.keySet().stream().sorted().collect(Collectors.joining(",", "{", "}"))
                + ", provideClusterInfo=" + provideClusterInfo + ", baseDir=" + baseDir + "]";
    }
}
