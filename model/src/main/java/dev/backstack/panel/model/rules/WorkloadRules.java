package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deployments, StatefulSets, DaemonSets and Pods, following Argo CD's health checks: a rollout
 * in progress is Progressing, a rollout past its deadline is Degraded, zero desired replicas is
 * Suspended, and a pod container in CrashLoopBackOff or an image pull failure is Degraded.
 */
public final class WorkloadRules {

    private static final Set<String> BAD_WAITING = Set.of("CrashLoopBackOff", "ImagePullBackOff",
            "ErrImagePull", "CreateContainerConfigError", "InvalidImageName", "CreateContainerError");

    private WorkloadRules() {
    }

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
        long desired = Fields.num(d.spec(), 1, "replicas");
        Optional<Assessment> pending = pendingGeneration(d);
        if (pending.isPresent()) {
            return pending.get();
        }
        Optional<Condition> progressing = Condition.find(Condition.listOf(d), "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().reason())) {
            return Assessment.of(Health.DEGRADED, who, "rollout stuck: " + progressing.get().reasonAndMessage());
        }
        if (desired == 0) {
            return new Assessment(Health.SUSPENDED, "scaled to zero", Optional.empty());
        }
        long updated = Fields.num(status, 0, "updatedReplicas");
        long total = Fields.num(status, 0, "replicas");
        long available = Fields.num(status, 0, "availableReplicas");
        if (updated < desired) {
            return Assessment.of(Health.PROGRESSING, who, "rollout: " + updated + " of " + desired + " replicas updated");
        }
        if (total > updated) {
            return Assessment.of(Health.PROGRESSING, who, "rollout: " + (total - updated) + " old replicas pending termination");
        }
        if (available < desired) {
            return Assessment.of(Health.PROGRESSING, who, "available " + available + " of " + desired);
        }
        return Assessment.healthy(available + "/" + desired + " available");
    }

    static Assessment statefulSet(KubeObject s) {
        String who = s.displayName();
        long desired = Fields.num(s.spec(), 1, "replicas");
        Optional<Assessment> pending = pendingGeneration(s);
        if (pending.isPresent()) {
            return pending.get();
        }
        if (desired == 0) {
            return new Assessment(Health.SUSPENDED, "scaled to zero", Optional.empty());
        }
        long ready = Fields.num(s.status(), 0, "readyReplicas");
        String current = Fields.str(s.status(), "currentRevision");
        String update = Fields.str(s.status(), "updateRevision");
        if (update != null && current != null && !update.equals(current)) {
            return Assessment.of(Health.PROGRESSING, who, "rolling out revision " + update);
        }
        if (ready < desired) {
            return Assessment.of(Health.PROGRESSING, who, "ready " + ready + " of " + desired);
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
        long available = Fields.num(d.status(), 0, "numberAvailable");
        if (available < desired) {
            return Assessment.of(Health.PROGRESSING, who, "available " + available + " of " + desired);
        }
        return Assessment.healthy(available + "/" + desired + " available");
    }

    static Assessment pod(KubeObject pod) {
        String who = pod.displayName();
        for (String field : new String[] {"initContainerStatuses", "containerStatuses"}) {
            for (Object o : Fields.list(pod.status(), field)) {
                if (!(o instanceof Map<?, ?> cs)) {
                    continue;
                }
                String reason = Fields.str(cs, "state", "waiting", "reason");
                if (reason != null && BAD_WAITING.contains(reason)) {
                    return Assessment.of(Health.DEGRADED, who, containerProblem(cs, reason));
                }
            }
        }
        String phase = Fields.str(pod.status(), "phase");
        if ("Failed".equals(phase)) {
            return Assessment.of(Health.DEGRADED, who, "pod failed: " + Fields.str(pod.status(), "message"));
        }
        if ("Succeeded".equals(phase)) {
            return Assessment.healthy("Succeeded");
        }
        Optional<Condition> ready = Condition.find(Condition.listOf(pod), "Ready");
        if (ready.isPresent() && ready.get().isTrue()) {
            return Assessment.healthy("Running");
        }
        return Assessment.of(Health.PROGRESSING, who, "not ready (" + (phase == null ? "Pending" : phase) + ")");
    }

    private static String containerProblem(Map<?, ?> cs, String reason) {
        String name = Fields.str(cs, "name");
        long restarts = Fields.num(cs, 0, "restartCount");
        StringBuilder text = new StringBuilder("container ").append(name).append(" is in ").append(reason);
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
            text.append("; last exit: ").append(lastReason == null ? "" : lastReason)
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
            return Optional.of(Assessment.of(Health.PROGRESSING, o.displayName(),
                    "waiting for the controller to observe generation " + o.generation()));
        }
        return Optional.empty();
    }
}
