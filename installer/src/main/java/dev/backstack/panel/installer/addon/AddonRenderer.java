package dev.backstack.panel.installer.addon;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.addon.AddonSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders add-ons as Argo CD {@code ApplicationSet}s in the hub's {@code argocd} namespace: a
 * cluster generator picks the spokes (by their cluster secrets' labels, or by name through a post
 * selector on the generator's {@code name} parameter), and the template installs the chart (or
 * syncs the GitOps folder) on each, in the add-on's namespace, with automated sync,
 * {@code CreateNamespace=true} and {@code ServerSideApply=true}, at the sync wave its
 * {@code needs} give it. Pure; callable from any thread.
 */
public final class AddonRenderer {

    public static final String NAMESPACE = "argocd";
    public static final String MANAGED_BY = "backstack-panel";
    public static final String ADDON_LABEL = "backstack.dev/addon";
    public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    static final List<String> SYNC_OPTIONS = List.of("CreateNamespace=true", "ServerSideApply=true");

    private AddonRenderer() {}

    /**
     * One ApplicationSet per selection, in the order given, with the catalog's waves.
     *
     * @param gitRepoUrl  the GitOps repository, for add-ons whose source is a folder of it; may be null otherwise
     * @param gitRevision the branch those add-ons follow
     * @throws IllegalArgumentException with every problem of the selections (parameter messages included)
     */
    public static List<GenericKubernetesResource> render(
            AddonCatalog catalog, List<AddonSelection> selections, String gitRepoUrl, String gitRevision) {
        List<String> problems = new ArrayList<>();
        selections.forEach(s -> problems.addAll(s.problems()));
        for (AddonSelection s : selections) {
            if (s.entry().source() instanceof AddonSource.Git && (gitRepoUrl == null || gitRepoUrl.isBlank())) {
                problems.add(s.entry().id() + ": syncs a folder of the GitOps repository; give its URL");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return selections.stream()
                .map(s -> render(s, catalog.waves().getOrDefault(s.entry().id(), 0), gitRepoUrl, gitRevision))
                .toList();
    }

    /** One add-on's ApplicationSet at the given wave; the selection must have no problems. */
    public static GenericKubernetesResource render(AddonSelection s, int wave, String gitRepoUrl, String gitRevision) {
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        AddonEntry e = s.entry();
        List<String> syncOptions = new ArrayList<>(SYNC_OPTIONS);
        e.syncOptions().stream().filter(o -> !syncOptions.contains(o)).forEach(syncOptions::add);
        Map<String, Object> template = Manifests.map(
                "metadata",
                        Manifests.map(
                                "name",
                                "{{.name}}-" + e.id(),
                                "labels",
                                labels(e),
                                "annotations",
                                Manifests.map(SYNC_WAVE, String.valueOf(wave))),
                "spec",
                        Manifests.map(
                                "project",
                                "default",
                                "source",
                                source(s, gitRepoUrl, gitRevision),
                                "destination",
                                Manifests.map("server", "{{.server}}", "namespace", e.namespace()),
                                "syncPolicy",
                                Manifests.map(
                                        "automated",
                                        Manifests.map("prune", true, "selfHeal", true),
                                        "syncOptions",
                                        syncOptions)));
        return Manifests.of("argoproj.io/v1alpha1", "ApplicationSet", NAMESPACE, e.id())
                .label("app.kubernetes.io/managed-by", MANAGED_BY)
                .label(ADDON_LABEL, e.id())
                .spec(Manifests.map(
                        "goTemplate",
                        true,
                        "goTemplateOptions",
                        List.of("missingkey=error"),
                        "generators",
                        List.of(generator(s)),
                        "template",
                        template))
                .build();
    }

    /** The cluster generator: matchLabels on the cluster secrets, or every cluster filtered by name. */
    static Map<String, Object> generator(AddonSelection s) {
        if (!s.spokes().isEmpty()) {
            return Manifests.map(
                    "clusters",
                    Manifests.map(),
                    "selector",
                    Manifests.map(
                            "matchExpressions",
                            List.of(Manifests.map(
                                    "key", "name", "operator", "In", "values", List.copyOf(s.spokes())))));
        }
        return Manifests.map(
                "clusters", Manifests.map("selector", Manifests.map("matchLabels", new LinkedHashMap<>(s.selector()))));
    }

    private static Map<String, Object> labels(AddonEntry e) {
        return Manifests.map("app.kubernetes.io/managed-by", MANAGED_BY, ADDON_LABEL, e.id());
    }

    private static Map<String, Object> source(AddonSelection s, String gitRepoUrl, String gitRevision) {
        if (s.entry().source() instanceof AddonSource.Chart c) {
            String repo =
                    c.repository().startsWith("oci://") ? c.repository().substring("oci://".length()) : c.repository();
            return Manifests.map("repoURL", repo, "chart", c.name(), "targetRevision", c.version(), "helm", helm(s));
        }
        AddonSource.Git g = (AddonSource.Git) s.entry().source();
        return Manifests.map("repoURL", gitRepoUrl, "targetRevision", gitRevision, "path", g.path());
    }

    private static Map<String, Object> helm(AddonSelection s) {
        Map<String, Object> values = HelmValues.merge(s.entry().values(), s.values());
        Map<String, Object> helm = Manifests.map("releaseName", s.entry().id());
        if (!values.isEmpty()) {
            helm.put("valuesObject", values);
        }
        return helm;
    }
}
