package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where policies go in the GitOps repository, following the reference hub's layout: the hub's
 * Argo CD syncs {@code demo/applications} to the hub (its {@code apps-from-hub} Application), so
 * hub policies are files there; spoke policies live in {@code policies/spokes}, delivered to every
 * spoke whose Argo CD cluster secret matches the selector by an ApplicationSet that is itself a
 * file in {@code demo/applications}. Nothing reaches a cluster until the branch is merged. Pure.
 */
public final class GitOpsLayout {

    public static final String HUB_FOLDER = "demo/applications";
    public static final String SPOKES_FOLDER = "policies/spokes";
    public static final String APPLICATION_SET = "backstack-policies";

    private GitOpsLayout() {}

    /**
     * The files to commit, by path within the repository, in a stable order.
     *
     * @param hub            the hub's generation, or null when the hub is not a target
     * @param spokes         the spokes' generation, or null when no spokes are targeted
     * @param spokeSelector  the labels of the spokes' Argo CD cluster secrets
     */
    public static Map<String, String> files(
            List<PolicySelection> selections,
            KyvernoGeneration hub,
            KyvernoGeneration spokes,
            Map<String, String> spokeSelector,
            String repoUrl,
            String baseBranch) {
        Map<String, String> files = new LinkedHashMap<>();
        for (PolicySelection s : selections) {
            if (hub != null) {
                files.put(HUB_FOLDER + "/policy-" + s.entry().id() + ".yaml", yaml(PolicyRenderer.render(s, hub)));
            }
            if (spokes != null) {
                files.put(SPOKES_FOLDER + "/" + s.entry().id() + ".yaml", yaml(PolicyRenderer.render(s, spokes)));
            }
        }
        if (spokes != null) {
            files.put(
                    HUB_FOLDER + "/appset-" + APPLICATION_SET + ".yaml",
                    yaml(applicationSet(spokeSelector, repoUrl, baseBranch)));
        }
        return files;
    }

    /** The ApplicationSet delivering {@link #SPOKES_FOLDER} to the matching spokes. */
    public static GenericKubernetesResource applicationSet(
            Map<String, String> selector, String repoUrl, String baseBranch) {
        Map<String, Object> template = Manifests.map(
                "metadata", Manifests.map("name", "{{.name}}-" + APPLICATION_SET),
                "spec",
                        Manifests.map(
                                "project",
                                "default",
                                "source",
                                Manifests.map("repoURL", repoUrl, "targetRevision", baseBranch, "path", SPOKES_FOLDER),
                                "destination",
                                Manifests.map("server", "{{.server}}"),
                                "syncPolicy",
                                Manifests.map(
                                        "automated",
                                        Manifests.map("selfHeal", true, "prune", true),
                                        "syncOptions",
                                        List.of("ServerSideApply=true"))));
        return Manifests.of("argoproj.io/v1alpha1", "ApplicationSet", "argocd", APPLICATION_SET)
                .label("app.kubernetes.io/managed-by", "backstack-panel")
                .spec(Manifests.map(
                        "goTemplate",
                        true,
                        "goTemplateOptions",
                        List.of("missingkey=error"),
                        "generators",
                        List.of(Manifests.map(
                                "clusters",
                                Manifests.map(
                                        "selector", Manifests.map("matchLabels", new LinkedHashMap<>(selector))))),
                        "template",
                        template))
                .build();
    }

    static String yaml(GenericKubernetesResource o) {
        return Serialization.asYaml(o);
    }
}
