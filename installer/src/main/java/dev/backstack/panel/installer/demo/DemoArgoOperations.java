package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's simulated Argo CD application controller, for what users ask through the Application
 * objects (the add-on matrix's refresh, sync and retry):
 * <ul>
 * <li>a refresh annotation is removed on the next pass, as Argo CD does once it has refreshed;</li>
 * <li>an {@code .operation} is taken (removed) and run: {@code operationState} goes Running (with
 * the retry count one more than before) and, {@value #RUNNING_TICKS} passes later, Succeeded with
 * the Application Healthy and Synced. From then on this class owns the Application's status, so the
 * story controllers no longer write it: spoke-2's crash-looping Kyverno recovers after a user's
 * Retry or Sync.</li>
 * </ul>
 * Until a user acts, spoke-2's Kyverno Application shows the story's failed sync: Argo CD's own
 * two retries could not apply through Kyverno's failing admission webhook. Runs on the demo
 * controllers' thread.
 */
final class DemoArgoOperations {

    static final String REFRESH = "argocd.argoproj.io/refresh";
    static final int RUNNING_TICKS = 2;
    private static final String API = "argoproj.io/v1alpha1";

    /** An operation the simulated controller took at {@code tick}. */
    private record Run(int tick, int retryCount, Object operation, Instant startedAt) {}

    private final DemoWriter hub;
    private final Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> succeeded = new ConcurrentHashMap<>();

    DemoArgoOperations(DemoWriter hub) {
        this.hub = hub;
    }

    /** Whether a user's operation took this Application over (the story no longer writes its status). */
    boolean owns(String application) {
        return runs.containsKey(application);
    }

    /** Whether a user's sync or retry of this Application has succeeded. */
    boolean recovered(String application) {
        return succeeded.containsKey(application);
    }

    /** The story's failed add-on, unless a user's operation has taken it over. */
    void failed(String application, String healthMessage, int t) {
        if (owns(application)) {
            return;
        }
        Instant started = epoch.plusSeconds(5);
        Map<String, Object> op = map(
                "sync",
                map("revision", "3.9.0", "syncOptions", List.of("CreateNamespace=true", "ServerSideApply=true")),
                "retry",
                map("limit", 2),
                "initiatedBy",
                map("automated", true));
        Map<String, Object> status = map(
                "health",
                map("status", "Degraded", "message", healthMessage),
                "sync",
                map("status", "OutOfSync", "revision", "3.9.0"),
                "operationState",
                map(
                        "phase",
                        "Failed",
                        "retryCount",
                        2,
                        "startedAt",
                        started.toString(),
                        "finishedAt",
                        started.plusSeconds(40).toString(),
                        "operation",
                        op,
                        "message",
                        "one or more objects failed to apply, reason: Internal error occurred: failed calling webhook "
                                + "\"validate.kyverno.svc-fail\": failed to call webhook: Post "
                                + "\"https://kyverno-svc.kyverno.svc:443/validate/fail?timeout=10s\": dial tcp "
                                + "10.96.112.7:443: connect: connection refused (retried 2 times)."));
        hub.status(API, "Application", "argocd", application, cur -> status);
    }

    /** One pass of the simulated controller at {@code t} seconds. Never throws. */
    void tick(int t) {
        for (GenericKubernetesResource app : hub.list(API, "Application")) {
            try {
                take(app, t);
            } catch (RuntimeException e) {
                DemoDispatcher.LOG.debug(
                        "demo Argo CD: {} not taken: {}", app.getMetadata().getName(), e.getMessage());
            }
        }
        runs.forEach((name, run) -> {
            if (!succeeded.containsKey(name) && t >= run.tick() + RUNNING_TICKS) {
                hub.status(API, "Application", "argocd", name, cur -> finished(run, t));
                succeeded.put(name, true);
            }
        });
    }

    private void take(GenericKubernetesResource app, int t) {
        Map<String, String> annotations = app.getMetadata().getAnnotations();
        boolean refresh = annotations != null && annotations.containsKey(REFRESH);
        Object operation = app.getAdditionalProperties().get("operation");
        if (!refresh && operation == null) {
            return;
        }
        String name = app.getMetadata().getName();
        if (refresh) {
            annotations.remove(REFRESH);
        }
        if (operation != null) {
            app.getAdditionalProperties().remove("operation");
            Run run = new Run(t, retryCount(app) + 1, operation, epoch.plusSeconds(t));
            runs.put(name, run);
            succeeded.remove(name);
            app.setAdditionalProperty("status", running(app, run));
        }
        hub.op(API, "Application", app.getMetadata().getNamespace())
                .resource(app)
                .update();
    }

    private static int retryCount(GenericKubernetesResource app) {
        Object status = app.getAdditionalProperties().get("status");
        Object state = status instanceof Map<?, ?> s ? s.get("operationState") : null;
        Object n = state instanceof Map<?, ?> m ? m.get("retryCount") : null;
        return n instanceof Number num ? num.intValue() : 0;
    }

    private static Map<String, Object> running(GenericKubernetesResource app, Run run) {
        Object old = app.getAdditionalProperties().get("status");
        Map<String, Object> status = old instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
        status.put(
                "health",
                map("status", "Progressing", "message", "waiting for kyverno-admission-controller to roll out"));
        status.put(
                "operationState",
                map(
                        "phase",
                        "Running",
                        "message",
                        "one or more tasks are running",
                        "retryCount",
                        run.retryCount(),
                        "startedAt",
                        run.startedAt().toString(),
                        "operation",
                        run.operation()));
        return status;
    }

    private Map<String, Object> finished(Run run, int t) {
        return map(
                "health",
                map("status", "Healthy"),
                "sync",
                map("status", "Synced", "revision", "3.9.0"),
                "operationState",
                map(
                        "phase",
                        "Succeeded",
                        "message",
                        "successfully synced (all tasks run)",
                        "retryCount",
                        run.retryCount(),
                        "startedAt",
                        run.startedAt().toString(),
                        "finishedAt",
                        epoch.plusSeconds(t).toString(),
                        "operation",
                        run.operation(),
                        "syncResult",
                        map("revision", "3.9.0")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> m) {
        return new LinkedHashMap<>((Map<String, Object>) m);
    }
}
