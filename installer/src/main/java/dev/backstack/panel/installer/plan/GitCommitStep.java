package dev.backstack.panel.installer.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.gitops.DeliveryPreview;
import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.gitops.GitOpsException;
import dev.backstack.panel.installer.gitops.GitOpsTarget;
import dev.backstack.panel.installer.gitops.ProgressListener;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers rendered files through the GitOps repository instead of applying objects: commits
 * them to a new branch and pushes it ({@link GitOpsDelivery}). The preview shows each file as it
 * will be committed (a Kubernetes Secret's values redacted); the fingerprint is a digest of the
 * target and that preview; no cluster permission is needed and nothing becomes ready on the
 * cluster (the pull request still has to be merged and synced). Satisfied when the new branch
 * already holds exactly these files, or the base branch does. After {@link #apply} (or a
 * {@link #satisfied} that found it delivered) {@link #result()} holds what was delivered, with
 * the pull-request link, for the wizard's summary. Immutable apart from that result; its
 * blocking methods run on the plan's thread.
 */
public final class GitCommitStep implements Step {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new JsonMapper();

    private final StepInfo info;
    private final GitOpsDelivery delivery;
    private final GitOpsTarget target;
    private final Map<String, String> files;
    private final String message;
    private final GitCredentials credentials;
    private final StepPreview preview;
    private final String fingerprint;
    private volatile DeliveryResult result;

    private GitCommitStep(Builder b) {
        this.target = Objects.requireNonNull(b.target, "target");
        this.delivery = Objects.requireNonNull(b.delivery, "delivery");
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(b.files));
        this.message = Objects.requireNonNull(b.message, "message");
        this.credentials = b.credentials == null ? GitCredentials.none() : b.credentials;
        String description = b.description.isEmpty()
                ? "Commit " + files.size() + " files to a new branch " + target.branch() + " of "
                        + target.displayRemote() + " (from " + target.baseBranch() + ") and push it."
                : b.description;
        this.info = new StepInfo(b.id, b.title, description, StepKind.GIT_COMMIT, b.dependsOn, b.budget);
        List<ObjectPreview> objects = new ArrayList<>();
        files.forEach(
                (name, text) -> objects.add(new ObjectPreview("git", "File", null, target.pathOf(name), shown(text))));
        this.preview = new StepPreview(info, objects, null, "");
        List<String> parts =
                new ArrayList<>(List.of(target.remoteUrl(), target.baseBranch(), target.branch(), target.folder()));
        objects.forEach(o -> {
            parts.add(o.name());
            parts.add(o.yaml());
        });
        this.fingerprint = Previews.digest(parts);
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

    public GitOpsTarget target() {
        return target;
    }

    /** The files as given: name inside the target's folder to content. */
    public Map<String, String> files() {
        return files;
    }

    /** What the last apply (or a satisfied check that found the files delivered) did; empty before. */
    public Optional<DeliveryResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public List<Permission> permissions() {
        return List.of();
    }

    @Override
    public List<Wait> readiness(StepContext ctx) {
        return List.of();
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) throws InterruptedException {
        try {
            Optional<DeliveryResult> settled =
                    delivery.preview(target, files, credentials, listener(ctx)).withoutPush();
            settled.ifPresent(r -> result = r);
            return settled.isPresent();
        } catch (GitOpsException e) {
            cancelled(e);
            return false; // apply reports the failure
        }
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        try {
            result = delivery.deliver(target, files, message, credentials, listener(ctx));
            ctx.status().accept(result.summary());
        } catch (GitOpsException e) {
            cancelled(e);
            throw new StepFailure(e.problem(), e.hint());
        }
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) throws InterruptedException {
        String subject = "Git branch " + target.branch() + " of " + target.displayRemote();
        try {
            DeliveryPreview p = delivery.preview(target, files, credentials, listener(ctx));
            if (p.withoutPush().isEmpty() && p.branch() == DeliveryPreview.BranchState.DIFFERENT) {
                return List.of(new DryRunResult(
                        subject,
                        DryRunResult.Verdict.REFUSED,
                        "branch " + target.branch()
                                + " already exists with other content; the panel never force-pushes: choose another branch "
                                + "name, or merge or delete that branch first"));
            }
            return List.of(new DryRunResult(subject, DryRunResult.Verdict.ACCEPTED, "would commit: " + p.summary()));
        } catch (GitOpsException e) {
            cancelled(e);
            return List.of(new DryRunResult(subject, DryRunResult.Verdict.REFUSED, e.getMessage()));
        }
    }

    private static ProgressListener listener(StepContext ctx) {
        return ctx.status()::accept;
    }

    /** A cancelled delivery becomes the engine's cancel: an {@link InterruptedException}. */
    private static void cancelled(GitOpsException e) throws InterruptedException {
        if (e.reason() == GitOpsException.Reason.CANCELLED) {
            Thread.interrupted();
            throw new InterruptedException(e.getMessage());
        }
    }

    /** The file as the preview shows it: as given, unless it holds a Secret, whose values are redacted. */
    static String shown(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        boolean secret = false;
        try (var it = YAML.readerForMapOf(Object.class).<Map<String, Object>>readValues(text)) {
            while (it.hasNextValue()) {
                Map<String, Object> doc = it.nextValue();
                docs.add(doc);
                secret |= doc != null && "Secret".equals(doc.get("kind")) && "v1".equals(doc.get("apiVersion"));
            }
        } catch (IOException | RuntimeException e) {
            return text; // not YAML: shown as it is
        }
        if (!secret) {
            return text;
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            if (doc != null) {
                out.add(Previews.yaml(Previews.redacted(JSON.convertValue(doc, GenericKubernetesResource.class))));
            }
        }
        return String.join("---\n", out);
    }

    /** Builds a {@link GitCommitStep}. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String description = "";
        private List<String> dependsOn = List.of();
        private Duration budget = Duration.ofMinutes(2);
        private GitOpsDelivery delivery;
        private GitOpsTarget target;
        private final Map<String, String> files = new LinkedHashMap<>();
        private String message;
        private GitCredentials credentials = GitCredentials.none();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder description(String d) {
            this.description = d == null ? "" : d;
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

        public Builder delivery(GitOpsDelivery d) {
            this.delivery = d;
            return this;
        }

        public Builder target(GitOpsTarget t) {
            this.target = t;
            return this;
        }

        /** Adds files: name inside the target's folder to content, committed byte for byte (UTF-8). */
        public Builder files(Map<String, String> f) {
            files.putAll(f);
            return this;
        }

        public Builder commitMessage(String m) {
            this.message = m;
            return this;
        }

        public Builder credentials(GitCredentials c) {
            this.credentials = c;
            return this;
        }

        public GitCommitStep build() {
            return new GitCommitStep(this);
        }
    }
}
