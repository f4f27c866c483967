package dev.backstack.panel.installer.addon;

import dev.backstack.panel.installer.apply.KindOps;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refresh, sync and retry of Argo CD Applications through the Application objects on the hub, the
 * way Argo CD's own API server asks its controller (no Argo CD API server or CLI needed):
 * <ul>
 * <li>refresh: the annotation {@value #REFRESH_ANNOTATION} ({@code normal} or {@code hard}), which
 * the controller removes once it has refreshed;</li>
 * <li>sync: {@code .operation} with a {@code sync} (the Application's own sync options, and its
 * {@code syncPolicy.retry} as the operation's retry), {@code initiatedBy.username}
 * {@value #USER} and an {@code info} line saying where it came from;</li>
 * <li>retry: the sync of {@code status.operationState.operation} again (same revision, options and
 * retry settings) as a new operation, only when that operation Failed or Errored.</li>
 * </ul>
 * Writes are JSON merge patches with field manager {@value #FIELD_MANAGER}. A merge patch, and not
 * a server-side apply, because Argo CD's controller removes {@code .operation} and the annotation
 * when it takes them: an applied configuration would own those fields and a later apply by the
 * same manager without them would delete another request still pending. Sync and retry carry the
 * {@code resourceVersion} they were decided on, so an operation started meanwhile (by Argo CD's
 * automation or another user) makes the write fail with a conflict instead of being replaced.
 * Blocking; thread-safe.
 */
public final class ApplicationActions implements ApplicationActionRunner {

    public static final String REFRESH_ANNOTATION = "argocd.argoproj.io/refresh";
    public static final String FIELD_MANAGER = "backstack-panel";
    public static final String USER = "backstack-panel";
    static final KindInfo APPLICATION = KindRegistry.standard().require("argoproj.io/v1alpha1", "Application");

    private final KubernetesClient hub;

    public ApplicationActions(KubernetesClient hub) {
        this.hub = hub;
    }

    @Override
    public ActionResult run(ApplicationAction action, String namespace, String name) {
        try {
            return action == ApplicationAction.REFRESH || action == ApplicationAction.HARD_REFRESH
                    ? refresh(action, namespace, name)
                    : operation(action, namespace, name);
        } catch (KubernetesClientException e) {
            return new ActionResult(
                    namespace, name, action, ActionResult.Outcome.FAILED, failure(action, namespace, name, e));
        }
    }

    private ActionResult refresh(ApplicationAction action, String namespace, String name) {
        String level = action == ApplicationAction.HARD_REFRESH ? "hard" : "normal";
        Map<String, Object> patch = Map.of("metadata", Map.of("annotations", Map.of(REFRESH_ANNOTATION, level)));
        patch(namespace, name, patch);
        return new ActionResult(
                namespace,
                name,
                action,
                ActionResult.Outcome.DONE,
                (action == ApplicationAction.HARD_REFRESH ? "hard refresh" : "refresh")
                        + " requested: Argo CD compares " + name + " with its source again");
    }

    private ActionResult operation(ApplicationAction action, String namespace, String name) {
        GenericKubernetesResource app = resource(namespace, name).get();
        if (app == null) {
            return new ActionResult(namespace, name, action, ActionResult.Outcome.FAILED, notFound(namespace, name));
        }
        Map<?, ?> status = map(app.getAdditionalProperties().get("status"));
        Map<?, ?> state = map(status.get("operationState"));
        String phase = str(state.get("phase"));
        if (app.getAdditionalProperties().get("operation") != null) {
            return refused(
                    action,
                    namespace,
                    name,
                    "an operation is already requested and Argo CD has not "
                            + "taken it yet; wait for it, or check that the application controller runs");
        }
        if ("Running".equals(phase) || "Terminating".equals(phase)) {
            return refused(
                    action,
                    namespace,
                    name,
                    "a sync is " + phase.toLowerCase(java.util.Locale.ROOT) + " (started " + str(state.get("startedAt"))
                            + "); wait for it to finish, or terminate it in Argo CD");
        }
        Map<String, Object> operation;
        if (action == ApplicationAction.RETRY) {
            if (!"Failed".equals(phase) && !"Error".equals(phase)) {
                return refused(
                        action,
                        namespace,
                        name,
                        "there is no failed sync to retry (last sync: " + (phase.isEmpty() ? "none" : phase)
                                + "); use Sync to start a new one");
            }
            operation = retryOf(
                    map(state.get("operation")),
                    map(map(app.getAdditionalProperties().get("spec")).get("syncPolicy")),
                    str(state.get("startedAt")));
        } else {
            operation =
                    syncOf(map(map(app.getAdditionalProperties().get("spec")).get("syncPolicy")));
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("metadata", Map.of("resourceVersion", app.getMetadata().getResourceVersion()));
        patch.put("operation", operation);
        patch(namespace, name, patch);
        return new ActionResult(
                namespace,
                name,
                action,
                ActionResult.Outcome.DONE,
                (action == ApplicationAction.RETRY ? "retry" : "sync") + " requested as " + USER
                        + ": Argo CD's controller starts the operation");
    }

    /** A new sync as Argo CD's Sync button starts it: the Application's sync options and retry settings. */
    static Map<String, Object> syncOf(Map<?, ?> syncPolicy) {
        Map<String, Object> sync = new LinkedHashMap<>();
        Object options = syncPolicy.get("syncOptions");
        if (options instanceof List<?> l && !l.isEmpty()) {
            sync.put("syncOptions", List.copyOf(l));
        }
        Map<String, Object> op = base("Sync from the BACK Stack panel");
        op.put("sync", sync);
        Object retry = syncPolicy.get("retry");
        if (retry instanceof Map<?, ?> r && !r.isEmpty()) {
            op.put("retry", r);
        }
        return op;
    }

    /** The failed operation's sync and retry again, as a new operation started by the panel. */
    static Map<String, Object> retryOf(Map<?, ?> failed, Map<?, ?> syncPolicy, String failedStartedAt) {
        Map<String, Object> op = base("Retry from the BACK Stack panel of the sync started "
                + (failedStartedAt.isEmpty() ? "earlier" : failedStartedAt));
        Object sync = failed.get("sync");
        op.put("sync", sync instanceof Map<?, ?> s ? s : Map.of());
        Object retry = failed.get("retry");
        if (!(retry instanceof Map<?, ?> r) || r.isEmpty()) {
            retry = syncPolicy.get("retry");
        }
        if (retry instanceof Map<?, ?> r && !r.isEmpty()) {
            op.put("retry", r);
        }
        return op;
    }

    private static Map<String, Object> base(String reason) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("initiatedBy", Map.of("username", USER));
        op.put("info", List.of(Map.of("name", "Reason", "value", reason)));
        return op;
    }

    private void patch(String namespace, String name, Map<String, Object> patch) {
        String json = hub.getKubernetesSerialization().asJson(patch);
        resource(namespace, name)
                .patch(
                        new PatchContext.Builder()
                                .withPatchType(PatchType.JSON_MERGE)
                                .withFieldManager(FIELD_MANAGER)
                                .build(),
                        json);
    }

    private Resource<GenericKubernetesResource> resource(String namespace, String name) {
        return KindOps.resource(hub, APPLICATION, namespace, name);
    }

    private static ActionResult refused(ApplicationAction action, String namespace, String name, String why) {
        return new ActionResult(
                namespace,
                name,
                action,
                ActionResult.Outcome.REFUSED,
                action.title() + " of " + name + " not sent: " + why);
    }

    static String failure(ApplicationAction action, String namespace, String name, KubernetesClientException e) {
        String what = action.title() + " of Application " + namespace + "/" + name + " failed: ";
        switch (e.getCode()) {
            case 404:
                return what + notFound(namespace, name);
            case 403:
                return what + "the panel's identity may not patch applications.argoproj.io in " + namespace
                        + " on the hub; grant it 'patch' (and 'get') on applications there";
            case 409:
                return what + "the Application changed while the panel wrote (an operation started meanwhile?); "
                        + "look at its state and try again";
            case 422:
                return what + "the hub refused the change (" + e.getStatus().getMessage()
                        + "); check that the Argo CD Application CRD is installed at argoproj.io/v1alpha1";
            default:
                return what
                        + (e.getCode() == 0
                                ? "cannot reach the hub (" + e.getMessage() + "); check the connection"
                                : "HTTP " + e.getCode() + ": "
                                        + (e.getStatus() != null
                                                        && e.getStatus().getMessage() != null
                                                ? e.getStatus().getMessage()
                                                : e.getMessage()));
        }
    }

    private static String notFound(String namespace, String name) {
        return "no Application " + namespace + "/" + name + " on the hub (its ApplicationSet may have removed it)";
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
