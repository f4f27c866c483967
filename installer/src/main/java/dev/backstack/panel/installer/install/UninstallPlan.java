package dev.backstack.panel.installer.install;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.plan.DeleteStep;
import dev.backstack.panel.installer.plan.HelmUninstallStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hub uninstall as a plan, in dependency order: spoke cluster claims (only when asked), the
 * Hub claim, the APIs and Compositions, the ProviderConfigs, the providers and function, the
 * runtime config, Crossplane itself, and the credentials Secrets. Steps the user keeps are left
 * out. Pure: builds the plan, talks to no cluster.
 */
public final class UninstallPlan {

    public static final String PLAN_ID = "back-hub-uninstall";
    /** Step ids a user may keep. */
    public static final List<String> KEEPABLE = List.of("crossplane", "credentials", "providers");

    private UninstallPlan() {}

    /**
     * @param spokeClaims the AKSCluster/EKSCluster claims found on the hub, deleted first when not kept
     * @param keep        step ids to leave out (from {@link #KEEPABLE}, or {@code spokes})
     */
    public static Plan build(VersionLock lock, List<DeleteStep.Target> spokeClaims, Set<String> keep) {
        KindRegistry kinds = KindRegistry.standard();
        List<Step> steps = new ArrayList<>();
        List<String> after = new ArrayList<>();
        if (!spokeClaims.isEmpty() && !keep.contains("spokes")) {
            steps.add(new DeleteStep(
                    "spokes",
                    "Delete the spoke cluster claims (" + spokeClaims.size() + ")",
                    "Their cloud clusters are deleted by the providers; this waits until they are gone.",
                    List.of(),
                    Duration.ofMinutes(30),
                    spokeClaims));
            after.add("spokes");
        }
        steps.add(new DeleteStep(
                "hub",
                "Delete the Hub claim",
                "Crossplane removes the composed releases " + "(Argo CD, Backstage, Kyverno, cert-manager) first.",
                List.copyOf(after),
                Duration.ofMinutes(10),
                List.of(new DeleteStep.Target(
                        kinds.require("backstack.dev/v1alpha1", "Hub"), HubPlan.CLAIM_NAMESPACE, HubPlan.CLAIM_NAME))));
        steps.add(new DeleteStep(
                "apis",
                "Delete the BACK Stack APIs",
                "Compositions, then the XRDs.",
                List.of("hub"),
                Duration.ofMinutes(3),
                apiTargets(kinds)));
        steps.add(new DeleteStep(
                "provider-configs",
                "Delete the ProviderConfigs",
                "",
                List.of("apis"),
                Duration.ofMinutes(2),
                List.of(
                        new DeleteStep.Target(
                                kinds.require("helm.crossplane.io/v1beta1", "ProviderConfig"),
                                null,
                                HubPlan.PROVIDER_CONFIG),
                        new DeleteStep.Target(
                                kinds.require("kubernetes.crossplane.io/v1alpha1", "ProviderConfig"),
                                null,
                                HubPlan.PROVIDER_CONFIG))));
        String last = "provider-configs";
        if (!keep.contains("providers")) {
            List<DeleteStep.Target> packages = new ArrayList<>();
            for (String kind : List.of("Provider", "Function")) {
                KindInfo k = kinds.require("pkg.crossplane.io/v1", kind);
                for (ClusterType t : ClusterType.values()) {
                    lock.packages(kind, t).stream()
                            .map(p -> new DeleteStep.Target(k, null, p.name()))
                            .filter(x -> !packages.contains(x))
                            .forEach(packages::add);
                }
            }
            steps.add(new DeleteStep(
                    "providers",
                    "Delete the providers and the function",
                    "",
                    List.of(last),
                    Duration.ofMinutes(5),
                    packages));
            steps.add(new DeleteStep(
                    "runtime-config",
                    "Delete the provider runtime config",
                    "",
                    List.of("providers"),
                    Duration.ofMinutes(1),
                    List.of(
                            new DeleteStep.Target(
                                    kinds.require("pkg.crossplane.io/v1beta1", "DeploymentRuntimeConfig"),
                                    null,
                                    HubPlan.RUNTIME_CONFIG),
                            new DeleteStep.Target(
                                    kinds.require("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
                                    null,
                                    HubPlan.RUNTIME_CONFIG + "-binding"))));
            last = "runtime-config";
        }
        if (!keep.contains("crossplane") && !keep.contains("providers")) {
            steps.add(new HelmUninstallStep(
                    "crossplane", "Uninstall Crossplane", List.of(last), "crossplane", HubPlan.CROSSPLANE_NS));
        }
        if (!keep.contains("credentials")) {
            KindInfo secret = kinds.require("v1", "Secret");
            steps.add(new DeleteStep(
                    "credentials",
                    "Delete the credentials Secrets",
                    "",
                    List.of("hub"),
                    Duration.ofMinutes(1),
                    List.of(
                            new DeleteStep.Target(secret, "argocd", HubPlan.REPO_SECRET),
                            new DeleteStep.Target(secret, "backstage", "backstage"),
                            new DeleteStep.Target(secret, HubPlan.CROSSPLANE_NS, "aws-secret"),
                            new DeleteStep.Target(secret, HubPlan.CROSSPLANE_NS, "azure-secret"))));
        }
        return new Plan(PLAN_ID, "Uninstall the BACK Stack hub", steps);
    }

    private static List<DeleteStep.Target> apiTargets(KindRegistry kinds) {
        List<DeleteStep.Target> compositions = new ArrayList<>();
        List<DeleteStep.Target> xrds = new ArrayList<>();
        for (String file : HubPlan.API_FILES) {
            for (GenericKubernetesResource o : Manifests.classpath(HubPlan.APIS + file)) {
                DeleteStep.Target t = new DeleteStep.Target(
                        kinds.require(o.getApiVersion(), o.getKind()),
                        null,
                        o.getMetadata().getName());
                (o.getKind().equals("Composition") ? compositions : xrds).add(t);
            }
        }
        compositions.addAll(xrds);
        return compositions;
    }
}
