package dev.backstack.panel.app.policy;

import dev.backstack.panel.installer.demo.DemoFleet;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kubeconfig for a running demo fleet, so a command reaches it as it would reach real clusters
 * (the simulated servers accept anyone; TLS is not verified).
 */
public final class DemoKubeconfig {

    private DemoKubeconfig() {}

    /** Writes a kubeconfig with one context per cluster of the fleet, named as the cluster. */
    public static Path write(DemoFleet fleet, Path file) throws Exception {
        StringBuilder k = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        for (DemoFleet.Member m : fleet.members()) {
            k.append("- name: ")
                    .append(m.name())
                    .append("\n  cluster:\n    server: ")
                    .append(m.server())
                    .append("\n    insecure-skip-tls-verify: true\n");
        }
        k.append("users:\n- name: demo\n  user: {}\ncontexts:\n");
        for (DemoFleet.Member m : fleet.members()) {
            k.append("- name: ")
                    .append(m.name())
                    .append("\n  context:\n    cluster: ")
                    .append(m.name())
                    .append("\n    user: demo\n");
        }
        return Files.writeString(file, k);
    }
}
