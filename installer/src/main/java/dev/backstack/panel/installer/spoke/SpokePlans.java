package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.gitops.GitOpsTarget;
import dev.backstack.panel.installer.plan.ApplyStep;
import dev.backstack.panel.installer.plan.GitCommitStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plans of the spoke flows. A new spoke: one step applying the claim on the hub, or one
 * commit of the claim file to the {@value #CLUSTERS_FOLDER} folder of the GitOps repository
 * (the folder the reference hub's {@code clusters-from-hub} Application syncs into the hub, as
 * its Backstage template does). A registration: the spoke's ServiceAccount, binding and token
 * Secret, then a wait for the token, on the spoke; the Argo CD cluster secret on the hub. Pure
 * apart from the steps' clients.
 */
public final class SpokePlans {

    public static final String CLAIM_PLAN = "spoke-claim";
    public static final String REGISTER_PLAN = "spoke-register";
    /** Where claims go in the GitOps repository (the reference's {@code clusters-from-hub} path). */
    public static final String CLUSTERS_FOLDER = "demo/clusters";

    private SpokePlans() {}

    /** Applies the claim on the hub. */
    public static Plan direct(SpokeRequest r) {
        ApplyStep step = ApplyStep.builder("claim", "Request " + r.kind().claimKind() + " " + r.id() + " on the hub")
                .description("Server-side applies the claim; Crossplane composes the cluster, and the hub's "
                        + "registration policy registers it with Argo CD once its kubeconfig is published.")
                .object(ClaimRenderer.claim(r))
                .build();
        return new Plan(CLAIM_PLAN, title(r), List.of(step));
    }

    /** The claim file, by path in the repository. */
    public static Map<String, String> files(SpokeRequest r) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CLUSTERS_FOLDER + "/" + r.id() + ".yaml", ClaimRenderer.yaml(r));
        return files;
    }

    /** Commits the claim file to a new branch of the GitOps repository. */
    public static Plan gitOps(SpokeRequest r, GitOpsDelivery git, GitCredentials credentials) {
        SpokeRequest.GitOps g = r.gitops();
        Map<String, String> files = files(r);
        GitCommitStep step = GitCommitStep.builder(
                        "gitops-commit",
                        "Commit the " + r.kind().claimKind() + " " + r.id() + " claim to " + g.repository()
                                + " on branch " + g.branch())
                .delivery(git)
                .target(new GitOpsTarget(
                        g.repository(),
                        g.baseBranch(),
                        g.branch(),
                        "",
                        "BACK Stack panel",
                        "backstack-panel@users.noreply.github.com"))
                .files(files)
                .commitMessage(
                        "Request spoke cluster " + r.id() + " (" + r.kind().claimKind() + ", " + r.region() + ", "
                                + r.nodeCount() + " x " + r.nodeSize() + ") from the BACK Stack panel")
                .credentials(credentials)
                .build();
        return new Plan(CLAIM_PLAN + "-gitops", title(r), List.of(step));
    }

    /** The spoke's part of a registration: ServiceAccount, ClusterRoleBinding, token Secret, then the token. */
    public static Plan registerOnSpoke(Registration reg) {
        ApplyStep objects = ApplyStep.builder(
                        "service-account",
                        "Create ServiceAccount " + reg.namespace() + "/" + reg.serviceAccount() + " for Argo CD")
                .description("A ServiceAccount bound to ClusterRole " + reg.clusterRole() + " and its token Secret; "
                        + "Argo CD deploys with this token, never with your own credentials.")
                .objects(RegistrationObjects.spokeObjects(reg))
                .build();
        return new Plan(
                REGISTER_PLAN + "-spoke",
                "Register " + reg.name() + ": its ServiceAccount",
                List.of(objects, new TokenWaitStep("token", reg, objects.id())));
    }

    /** The hub's part: the Argo CD cluster secret, with the token read from {@code spoke} when it applies. */
    public static Plan registerOnHub(Registration reg, String server, KubernetesClient spoke) {
        return new Plan(
                REGISTER_PLAN + "-hub",
                "Register " + reg.name() + ": its Argo CD cluster secret",
                List.of(new ClusterSecretStep("cluster-secret", reg, server, spoke)));
    }

    private static String title(SpokeRequest r) {
        return "Spoke " + r.id() + " (" + r.kind().claimKind() + ")"
                + (r.delivery() == SpokeRequest.Delivery.GITOPS
                        ? " through the GitOps repository"
                        : " requested on the hub");
    }
}
