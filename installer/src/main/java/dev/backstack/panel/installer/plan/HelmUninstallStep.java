package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.helm.HelmException;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import java.time.Duration;
import java.util.List;

/** Uninstalls one Helm release. Satisfied when the release is not installed. Immutable. */
public final class HelmUninstallStep implements Step {

    private final StepInfo info;
    private final String release;
    private final String namespace;

    public HelmUninstallStep(String id, String title, List<String> dependsOn, String release, String namespace) {
        this.info = new StepInfo(
                id,
                title,
                "helm uninstall " + release + " in " + namespace + "; its CRDs stay, as " + "Helm leaves them.",
                StepKind.HELM_UNINSTALL,
                dependsOn,
                Duration.ofMinutes(3));
        this.release = release;
        this.namespace = namespace;
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public StepPreview preview() {
        return new StepPreview(info, List.of(), null, "");
    }

    @Override
    public String fingerprint() {
        return Previews.digest(List.of(release, namespace));
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.namespaced("list", "", "secrets", namespace),
                Permission.namespaced("delete", "", "secrets", namespace),
                Permission.namespaced("delete", "apps", "deployments", namespace));
    }

    @Override
    public List<Wait> readiness(StepContext ctx) {
        return List.of();
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) {
        try {
            return ctx.helm().status(release, namespace, ctx.kube()).isEmpty();
        } catch (HelmException e) {
            return false;
        }
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure {
        try {
            ctx.helm().uninstall(release, namespace, ctx.kube());
            ctx.status().accept("release " + release + " uninstalled");
        } catch (HelmException e) {
            throw new StepFailure(
                    "Helm could not uninstall " + release + " in " + namespace + ": " + e.getMessage(),
                    "Retry the step; if the release is stuck, look at its Secrets in " + namespace + ".");
        }
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) {
        return List.of(DryRunResult.accepted("helm uninstall " + namespace + "/" + release));
    }
}
