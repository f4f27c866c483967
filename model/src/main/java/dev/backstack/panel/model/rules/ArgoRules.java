package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;

/**
 * Argo CD Applications: their own {@code health.status} and {@code sync.status} verbatim (never
 * recomputed), the retry count and the last operation's phase and message.
 */
public final class ArgoRules {

    private ArgoRules() {}

    public static ApplicationStatus application(KubeObject app) {
        var status = app.status();
        String healthText = Fields.str(status, "health", "status");
        Health health = healthText == null ? Health.UNKNOWN : Health.parse(healthText);
        String healthMessage = Fields.str(status, "health", "message");
        String sync = Fields.str(status, "sync", "status");
        String phase = Fields.str(status, "operationState", "phase");
        String opMessage = Fields.str(status, "operationState", "message");
        long retries = Fields.num(status, 0L, "operationState", "retryCount");
        String server = Fields.str(app.spec(), "destination", "server");
        String destName = Fields.str(app.spec(), "destination", "name");
        String destNamespace = Fields.str(app.spec(), "destination", "namespace");
        return new ApplicationStatus(
                app.namespace(),
                app.name(),
                Fields.str(app.spec(), "project"),
                health,
                healthMessage,
                sync == null ? "Unknown" : sync,
                phase,
                opMessage,
                (int) retries,
                server,
                destName,
                destNamespace,
                app.isDeleting(),
                lastOperationAt(status));
    }

    /** {@code operationState.finishedAt}, else its {@code startedAt}; null when absent or unreadable. */
    static java.time.Instant lastOperationAt(java.util.Map<?, ?> status) {
        String at = Fields.str(status, "operationState", "finishedAt");
        if (at == null || at.isBlank()) {
            at = Fields.str(status, "operationState", "startedAt");
        }
        try {
            return at == null || at.isBlank() ? null : java.time.Instant.parse(at.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
