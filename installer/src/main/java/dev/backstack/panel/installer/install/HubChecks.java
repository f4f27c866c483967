package dev.backstack.panel.installer.install;

import dev.backstack.panel.installer.apply.KindOps;
import dev.backstack.panel.installer.plan.PreflightCheck;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightFinding.Severity;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hub plan's own preflight checks, read-only: the profile and credentials are complete and
 * well formed (only the credentials the cluster type needs); an ingress class or Gateway exists,
 * or the plan installs a controller; a default StorageClass where a chart needs volumes; and
 * what of a BACK Stack is already there (adopted, upgraded, or a blocker with the way out).
 */
public final class HubChecks {

    private HubChecks() {}

    public static List<PreflightCheck> of(InstallProfile profile, Credentials credentials) {
        return List.of(
                c -> List.of(inputs(profile, credentials)),
                c -> List.of(ingress(c, profile)),
                c -> List.of(storage(c, profile)),
                HubChecks::existing);
    }

    static PreflightFinding inputs(InstallProfile profile, Credentials credentials) {
        List<String> problems = new ArrayList<>(profile.problems());
        problems.addAll(credentials.problems(profile.clusterType()));
        String title = "Profile and credentials for " + profile.clusterType().label();
        return problems.isEmpty()
                ? PreflightFinding.pass("inputs", title, Severity.BLOCKING, "complete")
                : PreflightFinding.fail(
                        "inputs",
                        title,
                        Severity.BLOCKING,
                        String.join("\n", problems),
                        "Fill in what is named on the profile and credentials pages.");
    }

    static PreflightFinding ingress(KubernetesClient client, InstallProfile profile) {
        String title = "Ingress class or Gateway API";
        if (profile.ingress() == IngressChoice.GATEWAY_API) {
            return PreflightFinding.pass("ingress", title, Severity.BLOCKING, "the plan installs Envoy Gateway");
        }
        if (profile.ingress() == IngressChoice.INGRESS_NGINX) {
            return PreflightFinding.fail(
                    "ingress",
                    title,
                    Severity.WARNING,
                    "ingress-nginx is retired upstream " + "(no releases or security fixes since March 2026)",
                    "Prefer Envoy Gateway (Gateway API).");
        }
        int classes = count(client, new KindRef("networking.k8s.io", "IngressClass"));
        int gateways = count(client, new KindRef("gateway.networking.k8s.io", "GatewayClass"));
        if (classes + gateways > 0) {
            return PreflightFinding.pass(
                    "ingress",
                    title,
                    Severity.BLOCKING,
                    classes + " ingress classes, " + gateways + " Gateway classes");
        }
        return PreflightFinding.fail(
                "ingress",
                title,
                Severity.BLOCKING,
                "the cluster has no IngressClass and no "
                        + "GatewayClass, so Backstage and Argo CD would have no address",
                "Choose \"Install Envoy Gateway\" " + "on the profile page, or install an ingress controller first.");
    }

    static PreflightFinding storage(KubernetesClient client, InstallProfile profile) {
        String title = "Default StorageClass";
        if (!profile.vault()) {
            return PreflightFinding.pass(
                    "storage", title, Severity.WARNING, "not needed: no chart of this profile " + "asks for volumes");
        }
        try {
            boolean found = client.storage().v1().storageClasses().list().getItems().stream()
                    .anyMatch(s -> s.getMetadata().getAnnotations() != null
                            && "true"
                                    .equals(s.getMetadata()
                                            .getAnnotations()
                                            .get("storageclass.kubernetes.io/is-default-class")));
            return found
                    ? PreflightFinding.pass("storage", title, Severity.WARNING, "present")
                    : PreflightFinding.fail(
                            "storage",
                            title,
                            Severity.WARNING,
                            "no default StorageClass; Vault's " + "volume claim would stay Pending",
                            "Mark a StorageClass as default, or go on without " + "Vault persistence.");
        } catch (KubernetesClientException e) {
            return PreflightFinding.fail(
                    "storage",
                    title,
                    Severity.WARNING,
                    "cannot list StorageClasses: HTTP " + e.getCode(),
                    "Ask for permission to list storageclasses, or go on.");
        }
    }

    static List<PreflightFinding> existing(KubernetesClient client) {
        String title = "BACK Stack pieces already on the cluster";
        Optional<Deployment> core = crossplane(client);
        if (core.isEmpty()) {
            return List.of(PreflightFinding.pass("existing", title, Severity.BLOCKING, "none: a fresh install"));
        }
        List<String> args = core.get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs();
        String image = core.get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
        String tag = image == null ? "" : image.substring(image.lastIndexOf(':') + 1);
        if (tag.startsWith("v1.") && args != null && args.contains("--enable-external-secret-stores")) {
            return List.of(PreflightFinding.fail(
                    "existing",
                    title,
                    Severity.BLOCKING,
                    "Crossplane " + tag
                            + " runs with --enable-external-secret-stores, which Crossplane v2 removed (v2 refuses to start "
                            + "with it)",
                    "Move the secrets to plain Kubernetes Secrets or External Secrets Operator, upgrade "
                            + "Crossplane to v1.20 without the flag, run `crossplane beta upgrade check`, then run this "
                            + "install again: it upgrades to v2 and adopts the rest."));
        }
        if (tag.startsWith("v1.")) {
            return List.of(PreflightFinding.fail(
                    "existing",
                    title,
                    Severity.WARNING,
                    "Crossplane " + tag + " is installed; the plan upgrades it to v2",
                    "Crossplane upgrades one minor version at a time "
                            + "from v1.20: check `crossplane beta upgrade check` first."));
        }
        return List.of(PreflightFinding.pass(
                "existing",
                title,
                Severity.BLOCKING,
                "Crossplane " + tag + " found: the plan adopts what matches and upgrades the rest"));
    }

    private static Optional<Deployment> crossplane(KubernetesClient client) {
        try {
            return Optional.ofNullable(client.apps()
                    .deployments()
                    .inNamespace(HubPlan.CROSSPLANE_NS)
                    .withName("crossplane")
                    .get());
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private static int count(KubernetesClient client, KindRef ref) {
        try {
            List<GenericKubernetesResource> items = KindOps.op(
                            client, KindRegistry.standard().require(ref), null)
                    .list()
                    .getItems();
            return items.size();
        } catch (KubernetesClientException e) {
            return 0;
        }
    }
}
