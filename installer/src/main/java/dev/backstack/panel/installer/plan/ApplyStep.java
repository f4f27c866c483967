package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.ApplyFailure;
import dev.backstack.panel.installer.apply.ApplyResult;
import dev.backstack.panel.installer.apply.KindOps;
import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Server-side applies a fixed list of objects, in order, under the panel's field manager, then
 * waits for its readiness conditions. Satisfied when every object already holds every field the
 * panel would set. Immutable.
 */
public final class ApplyStep implements Step {

    private final StepInfo info;
    private final List<GenericKubernetesResource> objects;
    private final List<Wait> activation;
    private final List<Wait> readiness;
    private final StepPreview preview;
    private final String fingerprint;

    private ApplyStep(Builder b) {
        this.info = new StepInfo(b.id, b.title, b.description, StepKind.APPLY, b.dependsOn, b.budget);
        this.objects = List.copyOf(b.objects);
        this.activation = List.copyOf(b.activation);
        this.readiness = List.copyOf(b.readiness);
        this.preview =
                new StepPreview(info, objects.stream().map(Previews::preview).toList(), null, "");
        this.fingerprint =
                Previews.digest(preview.objects().stream().map(o -> o.yaml()).toList());
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
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

    /** The objects as they will be applied (copies are made before each write). */
    public List<GenericKubernetesResource> objects() {
        return objects;
    }

    @Override
    public List<Permission> permissions() {
        return writePermissions(objects, KindRegistry.standard());
    }

    @Override
    public List<Wait> activation() {
        return activation;
    }

    @Override
    public List<Wait> readiness(StepContext ctx) {
        return readiness;
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) {
        for (GenericKubernetesResource desired : objects) {
            GenericKubernetesResource live;
            try {
                live = KindOps.resource(ctx.client(), ctx.kinds(), desired).get();
            } catch (KubernetesClientException e) {
                return false;
            }
            if (live == null || !Subset.contains(Previews.asMap(live), Previews.asMap(desired))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        int n = 0;
        for (GenericKubernetesResource object : objects) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            ApplyResult<GenericKubernetesResource> result = ctx.applier().apply(object, ctx.takeOverFields());
            if (result.refusal().isPresent()) {
                ApplyFailure f = result.refusal().get();
                throw new StepFailure(f.message(), hint(f));
            }
            ctx.status()
                    .accept("applied " + ++n + "/" + objects.size() + ": "
                            + Previews.preview(object).title());
        }
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) {
        List<DryRunResult> out = new ArrayList<>();
        for (GenericKubernetesResource object : objects) {
            String subject = Previews.preview(object).title();
            ApplyResult<GenericKubernetesResource> r = ctx.applier().dryRun(object, ctx.takeOverFields());
            out.add(r.refusal().map(f -> verdict(subject, f)).orElse(DryRunResult.accepted(subject)));
        }
        return out;
    }

    private static DryRunResult verdict(String subject, ApplyFailure f) {
        boolean notServedYet = f.code() == 404 && f instanceof ApplyFailure.Rejected;
        return notServedYet
                ? new DryRunResult(
                        subject,
                        DryRunResult.Verdict.DEFERRED,
                        "its kind is not served yet; an earlier step of the plan installs it, so it is checked then")
                : new DryRunResult(subject, DryRunResult.Verdict.REFUSED, f.message());
    }

    static String hint(ApplyFailure f) {
        if (f instanceof ApplyFailure.Conflict) {
            return "Retry with \"take over fields\" if the panel's values should win.";
        }
        if (f instanceof ApplyFailure.WebhookUnreachable) {
            return "A webhook that is still starting (common right after its provider or chart installs) refuses "
                    + "every write: wait until its pods run, then retry the step.";
        }
        if (f instanceof ApplyFailure.Invalid) {
            return "The API server rejects an object the panel rendered: check the CRD version installed on the "
                    + "cluster against docs/install.md, and report the message above.";
        }
        return "Fix what the message names, then retry the step.";
    }

    /** get, create and patch on every kind and namespace the objects use. */
    static List<Permission> writePermissions(List<GenericKubernetesResource> objects, KindRegistry kinds) {
        LinkedHashSet<Permission> out = new LinkedHashSet<>();
        for (GenericKubernetesResource o : objects) {
            KindInfo k = kinds.require(o.getApiVersion(), o.getKind());
            String ns = k.namespaced() ? o.getMetadata().getNamespace() : null;
            for (String verb : List.of("get", "create", "patch")) {
                out.add(new Permission(verb, k.group(), k.plural(), ns, null));
            }
        }
        return List.copyOf(out);
    }

    /** Builds an {@link ApplyStep}. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String description = "";
        private List<String> dependsOn = List.of();
        private Duration budget = Duration.ofMinutes(2);
        private final List<GenericKubernetesResource> objects = new ArrayList<>();
        private final List<Wait> activation = new ArrayList<>();
        private final List<Wait> readiness = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        public Builder dependsOn(String... ids) {
            this.dependsOn = List.of(ids);
            return this;
        }

        public Builder budget(Duration d) {
            this.budget = d;
            return this;
        }

        public Builder object(GenericKubernetesResource o) {
            objects.add(o);
            return this;
        }

        public Builder objects(List<GenericKubernetesResource> os) {
            objects.addAll(os);
            return this;
        }

        public Builder activatedWhen(Wait w) {
            activation.add(w);
            return this;
        }

        public Builder readyWhen(Wait w) {
            readiness.add(w);
            return this;
        }

        public ApplyStep build() {
            return new ApplyStep(this);
        }
    }
}
