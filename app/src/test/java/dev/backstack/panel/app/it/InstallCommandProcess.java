package dev.backstack.panel.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.installer.install.HubPlan;
import dev.backstack.panel.installer.plan.ConfigMapJournal;
import dev.backstack.panel.model.plan.StepState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/** The headless install as a separate process (the README's jar, on the test's class path), to be killed. */
final class InstallCommandProcess {

    private InstallCommandProcess() {}

    static Process start(InstallFixture fx, List<String> args) throws IOException {
        Path kubeconfig = fx.work.resolve("kubeconfig.yaml");
        Files.writeString(kubeconfig, fx.kube.kubeconfigYaml());
        Path profile = fx.work.resolve("profile.yaml");
        Files.writeString(
                profile,
                "clusterType: LOCAL\nrepository: " + fx.profile().repository() + "\ningress: EXISTING\n"
                        + "chartMirror: " + fx.mirror + "\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.backstack.panel.app.Launcher"));
        command.addAll(args);
        command.addAll(List.of(
                "--kubeconfig",
                kubeconfig.toString(),
                "--context",
                fx.kube.contextName(),
                "--profile",
                profile.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(fx.work.resolve("install-command.log").toFile());
        pb.environment().put("GITHUB_TOKEN", InstallFixture.TOKEN);
        pb.environment().put("HOME", fx.work.resolve("home").toString());
        pb.environment().remove("KUBECONFIG");
        return pb.start();
    }

    /** Waits until the cluster's journal records the step in the given state. */
    static void awaitJournal(KubernetesClient admin, String step, StepState state, int seconds) {
        Awaitility.await("the journal recording " + step + " as " + state)
                .atMost(Duration.ofSeconds(seconds))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    ConfigMap cm = admin.configMaps()
                            .inNamespace(ConfigMapJournal.NAMESPACE)
                            .withName("plan-" + HubPlan.PLAN_ID)
                            .get();
                    if (cm == null || cm.getData() == null) {
                        return false;
                    }
                    JsonNode entry = new ObjectMapper()
                            .readTree(cm.getData().get("journal.json"))
                            .path("steps")
                            .path(step);
                    return state.name().equals(entry.path("state").asText());
                });
    }
}
