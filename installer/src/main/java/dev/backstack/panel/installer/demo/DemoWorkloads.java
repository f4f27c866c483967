package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.installer.apply.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application pods on the demo's spokes: some follow every guardrail of the policy catalog,
 * others break some (a floating tag, root, a privileged debug shell, a hostPath mount), so the
 * policy wizard's impact preview and the compliance view have something real to show.
 */
final class DemoWorkloads {

    private DemoWorkloads() {}

    static List<GenericKubernetesResource> pods(String spoke) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        out.add(pod("web", "frontend-6c9d7f-x2k8p", "ghcr.io/acme/frontend:2.3.1", true));
        out.add(pod("payments", "payments-api-7b5d9c-4mzq1", "ghcr.io/acme/payments-api:1.8.0", true));
        Map<String, Object> cms = spec("docker.io/library/wordpress:latest", false);
        out.add(Manifests.of("v1", "Pod", "web", "legacy-cms-5f4b8-p9d2w")
                .label("app.kubernetes.io/name", "legacy-cms")
                .spec(cms)
                .build());
        if (!"spoke-1".equals(spoke)) {
            Map<String, Object> debug = map(
                    "hostPID",
                    true,
                    "containers",
                    list(map("name", "shell", "image", "busybox", "securityContext", map("privileged", true))));
            out.add(Manifests.of("v1", "Pod", "payments", "debug-shell")
                    .spec(debug)
                    .build());
        }
        if ("spoke-2".equals(spoke)) {
            Map<String, Object> batch = spec("ghcr.io/acme/batch-export:0.9.2", true);
            batch.put("volumes", list(map("name", "host-logs", "hostPath", map("path", "/var/log"))));
            out.add(Manifests.of("v1", "Pod", "payments", "batch-export-28461120-q7c5v")
                    .label("app.kubernetes.io/name", "batch-export")
                    .spec(batch)
                    .build());
        }
        return out;
    }

    private static GenericKubernetesResource pod(String ns, String name, String image, boolean hardened) {
        return Manifests.of("v1", "Pod", ns, name)
                .label("app.kubernetes.io/name", name.replaceAll("-[a-z0-9]+-[a-z0-9]+$", ""))
                .spec(spec(image, hardened))
                .build();
    }

    /** A pod spec; hardened ones pass the restricted pod security level and the best practices. */
    private static Map<String, Object> spec(String image, boolean hardened) {
        Map<String, Object> container = map(
                "name",
                "app",
                "image",
                image,
                "resources",
                map("requests", map("cpu", "100m", "memory", "128Mi"), "limits", map("memory", "256Mi")));
        if (!hardened) {
            return map("containers", list(container));
        }
        container.put(
                "securityContext",
                map(
                        "allowPrivilegeEscalation",
                        false,
                        "readOnlyRootFilesystem",
                        true,
                        "capabilities",
                        map("drop", list("ALL"))));
        container.put("readinessProbe", map("httpGet", map("path", "/healthz", "port", 8080)));
        container.put("livenessProbe", map("httpGet", map("path", "/healthz", "port", 8080)));
        return map(
                "securityContext",
                map("runAsNonRoot", true, "seccompProfile", map("type", "RuntimeDefault")),
                "containers",
                list(container));
    }
}
