package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.apply.ApplyFailure;
import dev.backstack.panel.installer.apply.ApplyResult;
import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.plan.DryRunResult;
import dev.backstack.panel.installer.plan.Previews;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.StepContext;
import dev.backstack.panel.installer.plan.StepFailure;
import dev.backstack.panel.installer.plan.Wait;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.model.spoke.Registration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * On the hub: writes the Argo CD cluster secret of a registered spoke, with the ServiceAccount
 * token read from the spoke at the moment it applies (so the plan, its preview and its journal
 * never hold it). The secret goes to the API server by server-side apply and nowhere else.
 */
final class ClusterSecretStep implements Step {

    private final Registration registration;
    private final String server;
    private final KubernetesClient spoke;
    private final StepInfo info;
    private final StepPreview preview;
    private final String fingerprint;

    /**
     * @param server the spoke's API server URL as Argo CD will reach it
     * @param spoke  a client of the spoke, to read the token from
     */
    ClusterSecretStep(String id, Registration registration, String server, KubernetesClient spoke) {
        this.registration = registration;
        this.server = server;
        this.spoke = Objects.requireNonNull(spoke, "spoke");
        this.info = new StepInfo(
                id,
                "Register " + registration.name() + " with Argo CD",
                "Writes Secret "
                        + RegistrationObjects.ARGOCD_NAMESPACE + "/" + registration.clusterSecret()
                        + " (clusterType: spoke) "
                        + "with the token of ServiceAccount " + registration.namespace() + "/"
                        + registration.serviceAccount()
                        + " on " + registration.context() + ".",
                StepKind.APPLY,
                List.of(),
                Duration.ofMinutes(1));
        this.preview = new StepPreview(
                info,
                List.of(Previews.preview(RegistrationObjects.clusterSecretPreview(registration, server))),
                null,
                "");
        this.fingerprint =
                Previews.digest(preview.objects().stream().map(o -> o.yaml()).toList());
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
        return List.of(
                new Permission("get", "", "secrets", RegistrationObjects.ARGOCD_NAMESPACE, null),
                new Permission("create", "", "secrets", RegistrationObjects.ARGOCD_NAMESPACE, null),
                new Permission("patch", "", "secrets", RegistrationObjects.ARGOCD_NAMESPACE, null));
    }

    @Override
    public List<Wait> readiness(StepContext ctx) {
        return List.of();
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) {
        Optional<SpokeToken> token = SpokeToken.read(spoke, registration);
        if (token.isEmpty()) {
            return false;
        }
        try {
            GenericKubernetesResource desired = RegistrationObjects.clusterSecret(
                    registration,
                    server,
                    token.get().token().reveal(),
                    token.get().caData());
            Secret live = ctx.client()
                    .secrets()
                    .inNamespace(RegistrationObjects.ARGOCD_NAMESPACE)
                    .withName(registration.clusterSecret())
                    .get();
            return live != null
                    && live.getData() != null
                    && live.getData().equals(desired.getAdditionalProperties().get("data"))
                    && live.getMetadata().getLabels() != null
                    && live.getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(desired.getMetadata().getLabels().entrySet());
        } catch (KubernetesClientException e) {
            return false;
        } finally {
            token.get().token().clear();
        }
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        Optional<SpokeToken> token = SpokeToken.read(spoke, registration);
        if (token.isEmpty()) {
            throw new StepFailure(
                    "no ServiceAccount token in Secret " + registration.namespace() + "/" + registration.tokenSecret()
                            + " on " + registration.context(),
                    "Run the spoke's steps first (they create the ServiceAccount and wait for its token), then retry.");
        }
        if (Thread.interrupted()) {
            token.get().token().clear();
            throw new InterruptedException();
        }
        try {
            GenericKubernetesResource secret = RegistrationObjects.clusterSecret(
                    registration,
                    server,
                    token.get().token().reveal(),
                    token.get().caData());
            ApplyResult<GenericKubernetesResource> r = ctx.applier().apply(secret, ctx.takeOverFields());
            if (r.refusal().isPresent()) {
                ApplyFailure f = r.refusal().get();
                throw new StepFailure(
                        "cannot write Secret " + RegistrationObjects.ARGOCD_NAMESPACE + "/"
                                + registration.clusterSecret() + " on the hub: " + f.message(),
                        "Check that the argocd namespace exists on the hub and that you may write Secrets there.");
            }
            secret.getAdditionalProperties().remove("data");
            ctx.status()
                    .accept("registered " + registration.name() + " (" + server + ") with Argo CD"
                            + (token.get().caData().isEmpty()
                                    ? "; no CA found for the spoke, so Argo CD uses the system's"
                                    : ""));
        } finally {
            token.get().token().clear();
        }
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) {
        GenericKubernetesResource placeholder = RegistrationObjects.clusterSecretPreview(registration, server);
        String subject = "Secret " + RegistrationObjects.ARGOCD_NAMESPACE + "/" + registration.clusterSecret();
        ApplyResult<GenericKubernetesResource> r = ctx.applier().dryRun(placeholder, ctx.takeOverFields());
        return List.of(r.refusal()
                .map(f -> new DryRunResult(subject, DryRunResult.Verdict.REFUSED, f.message()))
                .orElse(DryRunResult.accepted(subject)));
    }

    /** The data map of a rendered secret (tests). */
    static Map<?, ?> data(GenericKubernetesResource s) {
        return (Map<?, ?>) s.getAdditionalProperties().get("data");
    }
}
