package dev.backstack.panel.model;

import java.time.Instant;
import java.util.Optional;

/**
 * An Argo CD Application as Argo CD reports it.
 *
 * @param health             Argo CD's own {@code status.health.status}; Unknown when absent
 * @param syncStatus         Argo CD's own {@code status.sync.status}, verbatim
 * @param operationPhase     {@code status.operationState.phase} (Running, Succeeded, Failed,
 *                           Error, Terminating), or null
 * @param retryCount         {@code status.operationState.retryCount}
 * @param destinationServer  the target cluster's API server URL, or null
 * @param destinationName    the target cluster's name in Argo CD, or null
 * @param lastOperationAt    when the last operation finished ({@code operationState.finishedAt}),
 *                           or started when it has not finished; null when there was none
 */
public record ApplicationStatus(
        String namespace,
        String name,
        String project,
        Health health,
        String healthMessage,
        String syncStatus,
        String operationPhase,
        String operationMessage,
        int retryCount,
        String destinationServer,
        String destinationName,
        String destinationNamespace,
        boolean deleting,
        Instant lastOperationAt) {

    /** Without the time of the last operation. */
    public ApplicationStatus(
            String namespace,
            String name,
            String project,
            Health health,
            String healthMessage,
            String syncStatus,
            String operationPhase,
            String operationMessage,
            int retryCount,
            String destinationServer,
            String destinationName,
            String destinationNamespace,
            boolean deleting) {
        this(
                namespace,
                name,
                project,
                health,
                healthMessage,
                syncStatus,
                operationPhase,
                operationMessage,
                retryCount,
                destinationServer,
                destinationName,
                destinationNamespace,
                deleting,
                null);
    }

    /** The last error: the failed sync's message, else a Degraded or Missing health's message; empty otherwise. */
    public Optional<String> lastError() {
        if (operationFailed() && operationMessage != null && !operationMessage.isBlank()) {
            return Optional.of("sync " + operationPhase + ": " + operationMessage);
        }
        if ((health == Health.DEGRADED || health == Health.MISSING)
                && healthMessage != null
                && !healthMessage.isBlank()) {
            return Optional.of(healthMessage);
        }
        return Optional.empty();
    }

    public boolean operationFailed() {
        return "Failed".equals(operationPhase) || "Error".equals(operationPhase);
    }

    /** Argo CD's health, with the reason taken from its messages. */
    public Assessment assessment() {
        String who = "Application " + name;
        StringBuilder summary = new StringBuilder(syncStatus);
        if (operationPhase != null) {
            summary.append(", last sync ").append(operationPhase);
        }
        if (retryCount > 0) {
            summary.append(", retry ").append(retryCount);
        }
        if (health == Health.HEALTHY && !operationFailed()) {
            return Assessment.healthy(summary.toString());
        }
        String message;
        if (operationFailed() && operationMessage != null) {
            message = "sync " + operationPhase + (retryCount > 0 ? " (retry " + retryCount + ")" : "") + ": "
                    + operationMessage;
        } else if (healthMessage != null && !healthMessage.isBlank()) {
            message = healthMessage;
        } else {
            message = health == Health.UNKNOWN && healthMessage == null
                    ? "Argo CD reports no health yet"
                    : health.label() + ", " + summary;
        }
        return new Assessment(health, summary.toString(), Optional.of(StatusReason.of(who, message)));
    }

    /** Whether this application deploys to the given cluster (by server URL or by Argo CD name). */
    public boolean targets(String server, String clusterName) {
        return (server != null && server.equals(destinationServer))
                || (clusterName != null && clusterName.equals(destinationName));
    }
}
