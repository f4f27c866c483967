package dev.backstack.panel.installer.namespace;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.policy.GitOpsLayout;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a namespace goes in the GitOps repository, next to the policies' layout
 * ({@link GitOpsLayout}): the bundle's objects are files in {@code namespaces/<spoke>/<name>/},
 * one per object, and an Argo CD Application in {@link GitOpsLayout#HUB_FOLDER} (which the hub's
 * Argo CD syncs) delivers that folder to the spoke by its Argo CD cluster name. Nothing reaches
 * the spoke until the branch is merged. Pure.
 */
public final class NamespaceGitOpsLayout {

    public static final String FOLDER = "namespaces";

    private NamespaceGitOpsLayout() {}

    /** {@code namespaces/<spoke>/<name>}. */
    public static String folder(NamespaceRequest r) {
        return FOLDER + "/" + r.spoke() + "/" + r.name();
    }

    /** The files to commit, by path within the repository, in apply order with the Application last. */
    public static Map<String, String> files(
            NamespaceRequest r, NamespaceBundle bundle, String repoUrl, String baseBranch) {
        Map<String, String> files = new LinkedHashMap<>();
        for (GenericKubernetesResource o : bundle.objects()) {
            files.put(folder(r) + "/" + fileName(o), Serialization.asYaml(o));
        }
        files.put(
                GitOpsLayout.HUB_FOLDER + "/namespace-" + r.spoke() + "-" + r.name() + ".yaml",
                Serialization.asYaml(application(r, repoUrl, baseBranch)));
        return files;
    }

    /** {@code resourcequota-team-quota.yaml}; a policy is {@code policy-<name>.yaml} as in the policies' layout. */
    static String fileName(GenericKubernetesResource o) {
        String kind = o.getKind().toLowerCase(Locale.ROOT);
        boolean policy = o.getApiVersion().contains("kyverno.io");
        return (policy ? "policy" : kind) + "-" + o.getMetadata().getName() + ".yaml";
    }

    /** The Application syncing the namespace's folder to the spoke (never pruning: a namespace holds the team's work). */
    public static GenericKubernetesResource application(NamespaceRequest r, String repoUrl, String baseBranch) {
        return Manifests.of("argoproj.io/v1alpha1", "Application", "argocd", r.spoke() + "-namespace-" + r.name())
                .label("app.kubernetes.io/managed-by", "backstack-panel")
                .label(NamespaceRenderer.TEAM_LABEL, r.team())
                .spec(Manifests.map(
                        "project",
                        "default",
                        "source",
                        Manifests.map("repoURL", repoUrl, "targetRevision", baseBranch, "path", folder(r)),
                        "destination",
                        Manifests.map("name", r.spoke()),
                        "syncPolicy",
                        Manifests.map(
                                "automated",
                                Manifests.map("selfHeal", true, "prune", false),
                                "syncOptions",
                                List.of("ServerSideApply=true"))))
                .build();
    }
}
