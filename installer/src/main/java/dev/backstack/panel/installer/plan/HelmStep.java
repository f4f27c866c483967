package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.helm.HelmException;
import dev.backstack.panel.installer.helm.HelmRelease;
import dev.backstack.panel.installer.helm.HelmResult;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs or upgrades one Helm release through the {@link HelmDriver} (never with Helm's own
 * wait), then waits for every Deployment, StatefulSet and DaemonSet the chart renders to become
 * available. Satisfied when the release is deployed at the same chart version with the values the
 * journal recorded. Immutable.
 */
public final class HelmStep implements Step {

    private static final List<String> WORKLOADS = List.of("Deployment", "StatefulSet", "DaemonSet");

    private final StepInfo info;
    private final HelmRelease release;
    private final List<KindInfo> writes;
    private final StepPreview preview;
    private final String fingerprint;

    /**
     * @param writes the kinds the chart creates, for the RBAC preflight (Helm cannot say before it runs)
     */
    public HelmStep(
            String id,
            String title,
            String description,
            List<String> dependsOn,
            Duration budget,
            HelmRelease release,
            List<KindInfo> writes) {
        this.info = new StepInfo(id, title, description, StepKind.HELM, dependsOn, budget);
        this.release = release;
        this.writes = List.copyOf(writes);
        String values = release.values().isEmpty() ? "{}\n" : Previews.yaml(release.values());
        this.preview = new StepPreview(
                info,
                List.of(),
                new StepPreview.HelmPreview(
                        release.name(),
                        release.namespace(),
                        release.chart().name(),
                        release.chart().version(),
                        release.chart().repository()),
                values);
        this.fingerprint = Previews.digest(List.of(preview.chart(), values));
    }

    public HelmRelease release() {
        return release;
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public StepPreview preview() {
        return preview;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<Permission> permissions() {
        LinkedHashSet<Permission> out = new LinkedHashSet<>();
        // Helm keeps its release records as Secrets in the release namespace.
        for (String verb : List.of("get", "list", "create", "update", "delete")) {
            out.add(Permission.namespaced(verb, "", "secrets", release.namespace()));
        }
        for (KindInfo k : writes) {
            String ns = k.namespaced() ? release.namespace() : null;
            for (String verb : List.of("get", "create", "patch", "update")) {
                out.add(new Permission(verb, k.group(), k.plural(), ns, null));
            }
            if (k.kind().equals("ClusterRole") || k.kind().equals("Role")) {
                out.add(new Permission("escalate", k.group(), k.plural(), ns, null));
            }
            if (k.kind().endsWith("RoleBinding")) {
                out.add(new Permission(
                        "bind", k.group(), k.kind().equals("RoleBinding") ? "roles" : "clusterroles", ns, null));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Wait> readiness(StepContext ctx) throws StepFailure {
        String rendered;
        try {
            rendered = ctx.helm().template(release);
        } catch (HelmException e) {
            throw new StepFailure(
                    "Cannot render " + release.chart() + " to learn what to wait for: " + e.getMessage(),
                    "Check the chart source (repository, mirror folder) in the wizard's profile page.");
        }
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (GenericKubernetesResource r : workloads(rendered)) {
            byKind.computeIfAbsent(r.getKind(), k -> new ArrayList<>())
                    .add(r.getMetadata().getName());
        }
        List<Wait> waits = new ArrayList<>();
        KindRegistry kinds = ctx.kinds();
        byKind.forEach((kind, names) -> waits.add(Wait.forNames(
                release.name() + " " + kind.toLowerCase() + "s available",
                kinds.require("apps/v1", kind),
                release.namespace(),
                names,
                Readiness.workload())));
        return waits;
    }

    /** The workloads in a rendered chart. */
    static List<GenericKubernetesResource> workloads(String rendered) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        Object parsed = Serialization.unmarshal(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)));
        List<?> items = parsed instanceof List<?> l ? l : parsed == null ? List.of() : List.of(parsed);
        for (Object o : items) {
            if (o instanceof HasMetadata h
                    && WORKLOADS.contains(h.getKind())
                    && ("apps/v1".equals(h.getApiVersion()))) {
                GenericKubernetesResource g = new GenericKubernetesResource();
                g.setApiVersion(h.getApiVersion());
                g.setKind(h.getKind());
                g.setMetadata(h.getMetadata());
                out.add(g);
            }
        }
        return out;
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) {
        if (!fingerprint.equals(recordedFingerprint)) {
            return false;
        }
        try {
            Optional<HelmResult> status = ctx.helm().status(release.name(), release.namespace(), ctx.kube());
            return status.isPresent()
                    && status.get().deployed()
                    && release.chart().version().equals(status.get().chartVersion());
        } catch (HelmException e) {
            return false;
        }
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure {
        ctx.status().accept("helm install or upgrade " + release.name() + " (" + release.chart() + ")");
        try {
            HelmResult r = ctx.helm().installOrUpgrade(release, ctx.kube(), false);
            ctx.status().accept("release " + r.name() + " revision " + r.revision() + " " + r.status());
            if (!r.deployed()) {
                throw new StepFailure(
                        "Helm release " + release.name() + " is " + r.status() + " after install",
                        "Look at the release's events in namespace " + release.namespace() + ", then retry the step.");
            }
        } catch (HelmException e) {
            throw new StepFailure(
                    "Helm could not install " + release.name() + " (" + release.chart() + ") into "
                            + release.namespace() + ": " + e.getMessage(),
                    "Check that the chart source is reachable (or set a "
                            + "local mirror folder), that no other Helm operation is pending on this release, then retry.");
        }
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) {
        String subject = "Helm release " + release.namespace() + "/" + release.name();
        try {
            ctx.helm().installOrUpgrade(release, ctx.kube(), true);
            return List.of(DryRunResult.accepted(subject));
        } catch (HelmException e) {
            return List.of(new DryRunResult(subject, DryRunResult.Verdict.REFUSED, e.getMessage()));
        }
    }
}
