package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.KindOps;
import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Deletes named objects and waits until they are gone (their controllers' finalizers done), so
 * the next step of an uninstall runs only when the controllers finished cleaning up. Deletion
 * propagates in the background: Crossplane cleans up what a claim composed through its own
 * finalizers, and a foreground deletion would wait on the garbage collector instead. Satisfied
 * when none of them exists. Immutable.
 */
public final class DeleteStep implements Step {

    /** One object to delete. */
    public record Target(KindInfo kind, String namespace, String name) {
        String title() {
            return kind.kind() + " " + (namespace == null ? "" : namespace + "/") + name;
        }
    }

    private final StepInfo info;
    private final List<Target> targets;
    private final StepPreview preview;

    public DeleteStep(
            String id,
            String title,
            String description,
            List<String> dependsOn,
            Duration budget,
            List<Target> targets) {
        this.info = new StepInfo(id, title, description, StepKind.DELETE, dependsOn, budget);
        this.targets = List.copyOf(targets);
        this.preview = new StepPreview(
                info,
                targets.stream()
                        .map(t -> Previews.preview(
                                Manifests.of(t.kind().apiVersion(), t.kind().kind(), t.namespace(), t.name())
                                        .build()))
                        .toList(),
                null,
                "");
    }

    public List<Target> targets() {
        return targets;
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
        return Previews.digest(targets.stream().map(Target::title).toList());
    }

    @Override
    public List<Permission> permissions() {
        LinkedHashSet<Permission> out = new LinkedHashSet<>();
        for (Target t : targets) {
            for (String verb : List.of("get", "list", "watch", "delete")) {
                out.add(new Permission(verb, t.kind().group(), t.kind().plural(), t.namespace(), null));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Wait> readiness(StepContext ctx) {
        List<Wait> waits = new ArrayList<>();
        for (Target t : targets) {
            waits.add(Wait.forAbsence(t.title() + " deleted", t.kind(), t.namespace(), List.of(t.name())));
        }
        return waits;
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) {
        for (Target t : targets) {
            try {
                if (KindOps.resource(ctx.client(), t.kind(), t.namespace(), t.name())
                                .get()
                        != null) {
                    return false;
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        for (Target t : targets) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            try {
                KindOps.resource(ctx.client(), t.kind(), t.namespace(), t.name())
                        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
                        .delete();
                ctx.status().accept("deleting " + t.title());
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw new StepFailure(
                            "Cannot delete " + t.title() + ": HTTP " + e.getCode() + " "
                                    + (e.getStatus() == null
                                            ? ""
                                            : e.getStatus().getMessage()),
                            "Check the permission to delete it, then retry the step.");
                }
            }
        }
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) {
        List<DryRunResult> out = new ArrayList<>();
        for (Target t : targets) {
            try {
                KindOps.resource(ctx.client(), t.kind(), t.namespace(), t.name())
                        .dryRun()
                        .delete();
                out.add(DryRunResult.accepted("delete " + t.title()));
            } catch (KubernetesClientException e) {
                out.add(
                        e.getCode() == 404
                                ? DryRunResult.accepted("delete " + t.title() + " (already gone)")
                                : new DryRunResult(
                                        "delete " + t.title(), DryRunResult.Verdict.REFUSED, "HTTP " + e.getCode()));
            }
        }
        return out;
    }
}
