package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import java.util.Map;
import java.util.Optional;

/**
 * Deployments, StatefulSets, DaemonSets and Pods, following Argo CD's (gitops-engine's) health
 * checks: a paused Deployment is Suspended, a rollout in progress is Progressing, a rollout past its
 * deadline is Degraded, and a long-running pod whose container waits with an error ({@code Err*},
 * {@code *Error}, {@code *BackOff}), or that is not ready after a container terminated, is
 * Degraded. Where the panel departs (zero desired replicas is Suspended; init containers count),
 * {@code docs/health.md} says why.
 */
public final class WorkloadRules {

    private WorkloadRules() {}

    public static Assessment assess(KubeObject workload) {
        return switch (workload.kind()) {
            case "Deployment" -> deployment(workload);
            case "StatefulSet" -> statefulSet(workload);
            case "DaemonSet" -> daemonSet(workload);
            case "Pod" -> pod(workload);
            default -> Assessment.of(Health.UNKNOWN, workload.displayName(), "no health rule for this kind");
        };
    }

    static Assessment deployment(KubeObject d) {
        String who = d.displayName();
        Map<?, ?> status = d.status();
        if (Boolean.TRUE.equals(Fields.get(d.spec(), "paused"))) {
            return Assessment.of(Health.SUSPENDED, "paused", who, "Deployment is paused (spec.paused)");
        }
        long desired = Fields.num(d.spec(), 1, "replicas");
        Optional<Assessment> pending = pendingGeneration(d);
        if (pending.isPresent()) {
            return pending.get();
        }
        Optional<Condition> progressing = Condition.find(Condition.listOf(d), "Progressing");
        if (progressing.isPresent()
                && "ProgressDeadlineExceeded".equals(progressing.get().reason())) {
            return Assessment.of(
                    Health.DEGRADED, who, "rollout stuck: " + progressing.get().reasonAndMessage());
        }
        if (desired == 0) {
            return new Assessment(Health.SUSPENDED, "scaled to zero", Optional.empty());
        }
        long updated = Fields.num(status, 0, "updatedReplicas");
        long total = Fields.num(status, 0, "replicas");
        long available = Fields.num(status, 0, "availableReplicas");
        if (updated < desired) {
            return Assessment.of(
                    Health.PROGRESSING, who, "rollout: " + updated + " of " + desired + " replicas updated");
        }
        if (total > updated) {
            return Assessment.of(
                    Health.PROGRESSING, who, "rollout: " + (total - updated) + " old replicas pending termination");
        }
        if (available < updated) {
            return Assessment.of(
                    Health.PROGRESSING, who, "available " + available + " of " + updated + " updated replicas");
        }
        return Assessment.healthy(available + "/" + desired + " available");
    }

    static Assessment statefulSet(KubeObject s) {
        String who = s.displayName();
        long desired = Fields.num(s.spec(), 1, "replicas");
        long observed = Fields.num(s.status(), 0, "observedGeneration");
        if (observed == 0 || s.generation() > observed) {
            return Assessment.of(
                    Health.PROGRESSING,
                    who,
                    observed == 0
                            ? "waiting for the controller to observe the StatefulSet"
                            : "waiting for the controller to observe generation " + s.generation());
        }
        if (desired == 0) {
            return new Assessment(Health.SUSPENDED, "scaled to zero", Optional.empty());
        }
        long ready = Fields.num(s.status(), 0, "readyReplicas");
        if (ready < desired) {
            return Assessment.of(Health.PROGRESSING, who, "ready " + ready + " of " + desired);
        }
        String strategy = Fields.str(s.spec(), "updateStrategy", "type");
        Long partition = Fields.num(s.spec(), "updateStrategy", "rollingUpdate", "partition");
        long updated = Fields.num(s.status(), 0, "updatedReplicas");
        if ((strategy == null || "RollingUpdate".equals(strategy)) && partition != null) {
            if (updated < desired - partition) {
                return Assessment.of(
                        Health.PROGRESSING,
                        who,
                        "partitioned rollout: " + updated + " of " + (desired - partition) + " pods updated");
            }
            return Assessment.healthy(ready + "/" + desired + " ready, partitioned rollout complete");
        }
        if ("OnDelete".equals(strategy)) {
            return Assessment.healthy(ready + "/" + desired + " ready (OnDelete)");
        }
        String current = Fields.str(s.status(), "currentRevision");
        String update = Fields.str(s.status(), "updateRevision");
        if (update != null && current != null && !update.equals(current)) {
            return Assessment.of(Health.PROGRESSING, who, "rolling out revision " + update);
        }
        return Assessment.healthy(ready + "/" + desired + " ready");
    }

    static Assessment daemonSet(KubeObject d) {
        String who = d.displayName();
        Optional<Assessment> pending = pendingGeneration(d);
        if (pending.isPresent()) {
            return pending.get();
        }
        long desired = Fields.num(d.status(), 0, "desiredNumberScheduled");
        long updated = Fields.num(d.status(), 0, "updatedNumberScheduled");
        long available = Fields.num(d.status(), 0, "numberAvailable");
        if ("OnDelete".equals(Fields.str(d.spec(), "updateStrategy", "type"))) {
            return Assessment.healthy(updated + " of " + desired + " pods updated (OnDelete)");
        }
        if (updated < desired) {
            return Assessment.of(Health.PROGRESSING, who, "rollout: " + updated + " of " + desired + " pods updated");
        }
        if (available < desired) {
            return Assessment.of(Health.PROGRESSING, who, "available " + available + " of " + desired);
        }
        return Assessment.healthy(available + "/" + desired + " available");
    }

    /**
     * Argo CD's pod rule. Its waiting-error check applies to long-running pods only (restart policy
     * Always, the default); unlike Argo CD it reads init containers too, since an init container in
     * CrashLoopBackOff keeps the pod Pending for ever.
     */
    static Assessment pod(KubeObject pod) {
        String who = pod.displayName();
        String restartPolicy = Fields.str(pod.spec(), "restartPolicy");
        boolean longRunning = restartPolicy == null || "Always".equals(restartPolicy);
        if (longRunning) {
            for (String field : new String[] {"initContainerStatuses", "containerStatuses"}) {
                for (Object o : Fields.list(pod.status(), field)) {
                    if (!(o instanceof Map<?, ?> cs)) {
                        continue;
                    }
                    String reason = Fields.str(cs, "state", "waiting", "reason");
                    if (isWaitingError(reason)) {
                        return Assessment.of(Health.DEGRADED, who, containerProblem(cs, reason));
                    }
                }
            }
        }
        String phase = Fields.str(pod.status(), "phase");
        if ("Failed".equals(phase)) {
            return Assessment.of(Health.DEGRADED, who, "pod failed: " + failMessage(pod));
        }
        if ("Succeeded".equals(phase)) {
            return Assessment.healthy("Succeeded");
        }
        if ("Unknown".equals(phase)) {
            return Assessment.of(
                    Health.UNKNOWN,
                    who,
                    "pod phase Unknown: its node does not report" + suffix(Fields.str(pod.status(), "message")));
        }
        Optional<Condition> ready = Condition.find(Condition.listOf(pod), "Ready");
        if ("Running".equals(phase)) {
            if (!longRunning) {
                return Assessment.of(Health.PROGRESSING, who, "running (restart policy " + restartPolicy + ")");
            }
            if (ready.isPresent() && ready.get().isTrue()) {
                return Assessment.healthy("Running");
            }
            for (Object o : Fields.list(pod.status(), "containerStatuses")) {
                if (o instanceof Map<?, ?> cs
                        && !Fields.map(cs, "lastState", "terminated").isEmpty()) {
                    return Assessment.of(Health.DEGRADED, who, "not ready: " + containerProblem(cs, null));
                }
            }
            return Assessment.of(Health.PROGRESSING, who, "not ready (Running)");
        }
        if (phase == null && ready.isPresent() && ready.get().isTrue()) {
            return Assessment.healthy("Running");
        }
        return Assessment.of(Health.PROGRESSING, who, "not ready (Pending)" + pendingWhy(pod));
    }

    /** Argo CD's test for a container waiting with an error: {@code Err*}, {@code *Error}, {@code *BackOff}. */
    static boolean isWaitingError(String reason) {
        return reason != null
                && (reason.startsWith("Err")
                        || reason.endsWith("Error")
                        || reason.endsWith("BackOff")
                        || "InvalidImageName".equals(reason));
    }

    /** Why a pod is still pending: an unschedulable {@code PodScheduled} condition, else the pod's message. */
    private static String pendingWhy(KubeObject pod) {
        Optional<Condition> scheduled = Condition.find(Condition.listOf(pod), "PodScheduled");
        if (scheduled.isPresent() && scheduled.get().isFalse()) {
            return ": " + scheduled.get().reasonAndMessage();
        }
        return suffix(Fields.str(pod.status(), "message"));
    }

    private static String suffix(String message) {
        return message == null || message.isBlank() ? "" : ": " + message.strip();
    }

    /** Argo CD's failure message: the pod's message, else a container's termination message, OOMKilled or exit code. */
    private static String failMessage(KubeObject pod) {
        String message = Fields.str(pod.status(), "message");
        if (message != null && !message.isBlank()) {
            return message.strip();
        }
        for (String field : new String[] {"initContainerStatuses", "containerStatuses"}) {
            for (Object o : Fields.list(pod.status(), field)) {
                if (!(o instanceof Map<?, ?> cs)) {
                    continue;
                }
                String m = Fields.str(cs, "state", "terminated", "message");
                String reason = Fields.str(cs, "state", "terminated", "reason");
                long exit = Fields.num(cs, 0, "state", "terminated", "exitCode");
                if (m != null && !m.isBlank()) {
                    return m.strip();
                }
                if ("OOMKilled".equals(reason)) {
                    return "container " + Fields.str(cs, "name") + " OOMKilled";
                }
                if (exit != 0) {
                    return "container " + Fields.str(cs, "name") + " failed with exit code " + exit;
                }
            }
        }
        return "no message";
    }

    private static String containerProblem(Map<?, ?> cs, String reason) {
        String name = Fields.str(cs, "name");
        long restarts = Fields.num(cs, 0, "restartCount");
        StringBuilder text = new StringBuilder("container ")
                .append(name)
                .append(reason == null ? " terminated and restarted" : " is in " + reason);
        if (restarts > 0) {
            text.append(" (").append(restarts).append(" restarts)");
        }
        String waitingMessage = Fields.str(cs, "state", "waiting", "message");
        String lastMessage = Fields.str(cs, "lastState", "terminated", "message");
        String lastReason = Fields.str(cs, "lastState", "terminated", "reason");
        Long exitCode = Fields.num(cs, "lastState", "terminated", "exitCode");
        if (waitingMessage != null && !waitingMessage.isBlank()) {
            text.append(": ").append(waitingMessage);
        }
        if (lastReason != null || exitCode != null) {
            text.append("; last exit: ")
                    .append(lastReason == null ? "" : lastReason)
                    .append(exitCode == null ? "" : " code " + exitCode);
            if (lastMessage != null && !lastMessage.isBlank()) {
                text.append(" - ").append(lastMessage.strip());
            }
        }
        return text.toString();
    }

    private static Optional<Assessment> pendingGeneration(KubeObject o) {
        long observed = Fields.num(o.status(), 0, "observedGeneration");
        if (o.generation() > 0 && observed < o.generation()) {
            return Optional.of(Assessment.of(
                    Health.PROGRESSING,
                    o.displayName(),
                    "waiting for the controller to observe generation " + o.generation()));
        }
        return Optional.empty();
    }
}
