package dev.backstack.panel.installer.apply;

import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes objects the way the panel always writes them: server-side apply under the fixed field
 * manager {@value #FIELD_MANAGER}, never taking fields from another manager unless the caller
 * passes {@code force} (which it does only after the user confirmed the takeover). The same apply
 * can run as a server-side dry run ({@code dryRun=All}): admission, webhooks, quota and schema
 * validation all run, and nothing is persisted.
 *
 * <p>Refusals are returned, not thrown, as an {@link ApplyResult.Failed} whose
 * {@link ApplyFailure} names the object and what to do: the conflicting fields and their
 * managers (409), each invalid field (422), the denying ValidatingAdmissionPolicy or webhook.
 *
 * <p>Each call blocks for one request (bounded by the client's request timeout): call from a
 * background task, never the FX thread. Instances hold no mutable state and may be shared.
 * Objects passed in are not modified.
 */
public final class ServerSideApplier {

    /** The field manager of every write the panel makes. */
    public static final String FIELD_MANAGER = "back-stack-desktop";

    private static final Logger LOG = LoggerFactory.getLogger(ServerSideApplier.class);
    /** fabric8's message when discovery does not know a generic object's kind. */
    private static final String NO_HANDLER = "Could not find a registered handler";

    private final KubernetesClient client;
    private final KindRegistry kinds;

    /** @param client the user's client; applies run as that user */
    public ServerSideApplier(KubernetesClient client) {
        this(client, KindRegistry.standard());
    }

    /**
     * @param client the user's client; applies run as that user
     * @param kinds  resolves generic objects of known kinds without the API server's discovery
     */
    public ServerSideApplier(KubernetesClient client, KindRegistry kinds) {
        this.client = Objects.requireNonNull(client, "client");
        this.kinds = Objects.requireNonNull(kinds, "kinds");
    }

    /** Applies the object without forcing: fields owned by another manager make it fail with a conflict. */
    public <T extends HasMetadata> ApplyResult<T> apply(T object) {
        return apply(object, false);
    }

    /**
     * Applies the object.
     *
     * @param force take over fields owned by other managers; pass {@code true} only after the
     *              user confirmed it, having seen the {@link ApplyFailure.Conflict}
     */
    public <T extends HasMetadata> ApplyResult<T> apply(T object, boolean force) {
        return run(object, force, false);
    }

    /** A server-side dry run of {@link #apply(HasMetadata)}: the same checks, nothing persisted. */
    public <T extends HasMetadata> ApplyResult<T> dryRun(T object) {
        return dryRun(object, false);
    }

    /** A server-side dry run of {@link #apply(HasMetadata, boolean)}: the same checks, nothing persisted. */
    public <T extends HasMetadata> ApplyResult<T> dryRun(T object, boolean force) {
        return run(object, force, true);
    }

    private <T extends HasMetadata> ApplyResult<T> run(T object, boolean force, boolean dryRun) {
        ObjectRef ref = ObjectRef.of(object);
        T body = applyBody(object);
        Resource<T> resource;
        try {
            resource = locate(body);
        } catch (KubernetesClientException e) {
            if (e.getCode() > 0 || !String.valueOf(e.getMessage()).startsWith(NO_HANDLER)) {
                return new ApplyResult.Failed<>(FailureParser.classify(ref, e));
            }
            // fabric8's message quotes the whole object, which may hold secrets: say it ourselves.
            return new ApplyResult.Failed<>(new ApplyFailure.Rejected(
                    ref,
                    404,
                    "NotFound",
                    "the API server does not serve kind " + object.getKind() + " in " + object.getApiVersion()));
        }
        try {
            NonDeletingOperation<T> target = dryRun ? resource.dryRun() : resource;
            ServerSideApplicable<T> op = target.fieldManager(FIELD_MANAGER);
            if (force) {
                op = op.forceConflicts();
            }
            T result = op.serverSideApply();
            LOG.debug("{} {}{}", dryRun ? "dry-run applied" : "applied", ref, force ? " (forced)" : "");
            return new ApplyResult.Applied<>(result, dryRun);
        } catch (KubernetesClientException e) {
            ApplyFailure failure = withWebhookConfiguration(FailureParser.classify(ref, e));
            LOG.info(
                    "{} of {} refused: HTTP {} {}",
                    dryRun ? "dry run" : "apply",
                    ref,
                    failure.code(),
                    failure.getClass().getSimpleName());
            return new ApplyResult.Failed<>(failure);
        }
    }

    /** Known generic kinds through the registry (no discovery needed); anything else through fabric8. */
    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> Resource<T> locate(T body) {
        if (body instanceof GenericKubernetesResource generic
                && kinds.find(generic.getApiVersion(), generic.getKind()).isPresent()) {
            return (Resource<T>) KindOps.resource(client, kinds, generic);
        }
        return client.resource(body);
    }

    /**
     * A copy of the object fit for an apply body. A copy, because fabric8 fills in namespace and
     * apiVersion on the item it is given; without managedFields, because the API server refuses
     * an apply that carries them (an object read from the cluster does).
     */
    private <T extends HasMetadata> T applyBody(T object) {
        T copy = client.getKubernetesSerialization().clone(object);
        if (copy.getMetadata() != null) {
            copy.getMetadata().setManagedFields(null);
        }
        return copy;
    }

    /** Names the webhook configuration of an unreachable webhook when the user may list them. */
    private ApplyFailure withWebhookConfiguration(ApplyFailure failure) {
        if (!(failure instanceof ApplyFailure.WebhookUnreachable w) || w.configuration() != null) {
            return failure;
        }
        return webhookConfiguration(w.webhook())
                .<ApplyFailure>map(cfg -> new ApplyFailure.WebhookUnreachable(
                        w.object(), w.webhook(), cfg, w.reason(), w.code(), w.serverMessage()))
                .orElse(failure);
    }

    private Optional<String> webhookConfiguration(String webhook) {
        try {
            var admission = client.admissionRegistration().v1();
            for (var cfg : admission.validatingWebhookConfigurations().list().getItems()) {
                if (cfg.getWebhooks() != null
                        && cfg.getWebhooks().stream()
                                .map(ValidatingWebhook::getName)
                                .anyMatch(webhook::equals)) {
                    return Optional.of(cfg.getMetadata().getName());
                }
            }
            for (var cfg : admission.mutatingWebhookConfigurations().list().getItems()) {
                if (cfg.getWebhooks() != null
                        && cfg.getWebhooks().stream()
                                .map(MutatingWebhook::getName)
                                .anyMatch(webhook::equals)) {
                    return Optional.of(cfg.getMetadata().getName());
                }
            }
        } catch (KubernetesClientException e) {
            LOG.debug("cannot list webhook configurations to name the one holding {}: HTTP {}", webhook, e.getCode());
        }
        return Optional.empty();
    }
}
