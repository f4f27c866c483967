package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Health of Crossplane objects, with the precedence of {@code crossplane beta trace}: Deleting,
 * then Error (a referenced object that cannot be found), then Synced problems, then Ready
 * problems. Packages (Provider, Function, Configuration) must be Installed before Healthy counts.
 * A status whose observed generation is older than the object's generation is never Healthy.
 * Argo CD's rules ({@code _.crossplane.io}, {@code pkg.crossplane.io/Provider}) agree except where
 * {@code docs/health.md} says why not: no status yet is Progressing, a failed
 * {@code LastAsyncOperation} is Degraded, and so is a package that cannot be unpacked.
 */
public final class CrossplaneRules {

    private static final Set<String> PACKAGE_KINDS = Set.of(
            "Provider", "Function", "Configuration", "ProviderRevision", "FunctionRevision", "ConfigurationRevision");
    private static final Set<String> PROGRESS_REASONS =
            Set.of("Creating", "Deleting", "ReconcilePending", "Unknown", "WatchCircuitOpen");

    private CrossplaneRules() {}

    public static boolean isPackage(KubeObject object) {
        return object.apiVersion().startsWith("pkg.crossplane.io/") && PACKAGE_KINDS.contains(object.kind());
    }

    /** Assesses a claim, composite, managed resource or package. */
    public static Assessment assess(KubeObject object) {
        String who = object.displayName();
        if (object.isDeleting()) {
            return Assessment.of(
                    Health.PROGRESSING, who, "being deleted (deletionTimestamp " + object.deletionTimestamp() + ")");
        }
        List<Condition> conditions = Condition.listOf(object);
        Optional<Assessment> stale = staleGeneration(object, conditions);
        if (isPackage(object)) {
            return stale.orElseGet(() -> assessPackage(who, conditions));
        }
        Optional<Condition> synced = Condition.find(conditions, "Synced");
        if (synced.isPresent() && synced.get().isFalse()) {
            return Assessment.of(
                    Health.DEGRADED, who, "not synced: " + synced.get().reasonAndMessage());
        }
        Optional<Condition> lastAsync = Condition.find(conditions, "LastAsyncOperation");
        if (lastAsync.isPresent() && lastAsync.get().isFalse()) {
            return Assessment.of(
                    Health.DEGRADED,
                    who,
                    "last asynchronous operation failed: " + lastAsync.get().reasonAndMessage());
        }
        if (stale.isPresent()) {
            return stale.get();
        }
        Optional<Condition> ready = Condition.find(conditions, "Ready");
        if (ready.isEmpty() || !(ready.get().isTrue() || ready.get().isFalse())) {
            String detail = ready.map(Condition::reasonAndMessage)
                    .filter(s -> !s.isEmpty())
                    .orElse(conditions.isEmpty() ? "no status reported yet" : "Ready condition not reported");
            return Assessment.of(Health.PROGRESSING, who, detail);
        }
        if (ready.get().isFalse()) {
            Health health = PROGRESS_REASONS.contains(ready.get().reason()) ? Health.PROGRESSING : Health.DEGRADED;
            return Assessment.of(health, who, "not ready: " + ready.get().reasonAndMessage());
        }
        return Assessment.healthy(synced.isPresent() ? "Synced, Ready" : "Ready");
    }

    /** The object a reference points to could not be found: Crossplane trace's "Error". */
    public static Assessment missingReference(String kind, String name) {
        return Assessment.of(Health.MISSING, kind + " " + name, "referenced object not found");
    }

    private static Assessment assessPackage(String who, List<Condition> conditions) {
        Optional<Condition> installed = Condition.find(conditions, "Installed");
        Optional<Condition> healthy = Condition.find(conditions, "Healthy");
        if (installed.isEmpty() || !installed.get().isTrue()) {
            if (installed.isPresent() && installed.get().isFalse()) {
                boolean pending = installed.get().reason() != null
                        && installed.get().reason().matches("(?i).*(unpack|pending|activ).*")
                        && !installed.get().reason().matches("(?i).*(fail|error|inactive).*")
                        && !reportsAnError(installed.get().message());
                return Assessment.of(
                        pending ? Health.PROGRESSING : Health.DEGRADED,
                        who,
                        "not installed: " + installed.get().reasonAndMessage());
            }
            return Assessment.of(Health.PROGRESSING, who, "installing: package not yet installed");
        }
        if (healthy.isEmpty() || !(healthy.get().isTrue() || healthy.get().isFalse())) {
            return Assessment.of(
                    Health.PROGRESSING,
                    who,
                    "installed, waiting for health: "
                            + healthy.map(Condition::reasonAndMessage).orElse("not reported yet"));
        }
        if (healthy.get().isFalse()) {
            return Assessment.of(
                    Health.DEGRADED, who, "unhealthy: " + healthy.get().reasonAndMessage());
        }
        return Assessment.healthy("Installed, Healthy");
    }

    /**
     * Whether a package's message reports a failure: Crossplane keeps {@code Installed=False,
     * UnpackingPackage} when the package cannot be pulled and puts the error in the message
     * ({@code cannot unpack package: ...}).
     */
    static boolean reportsAnError(String message) {
        return message != null
                && message.matches(
                        "(?is).*(cannot|error|fail|denied|unauthori[sz]ed|forbidden|not found|toomanyrequests|timeout).*");
    }

    private static Optional<Assessment> staleGeneration(KubeObject object, List<Condition> conditions) {
        long generation = object.generation();
        if (generation <= 0) {
            return Optional.empty();
        }
        Long observed = dev.backstack.panel.model.Fields.num(object.status(), "observedGeneration");
        for (Condition c : conditions) {
            if (("Ready".equals(c.type()) || "Healthy".equals(c.type()) || "Installed".equals(c.type()))
                    && c.observedGeneration() != null) {
                observed = observed == null ? c.observedGeneration() : Math.min(observed, c.observedGeneration());
            }
        }
        if (observed != null && observed < generation) {
            return Optional.of(Assessment.of(
                    Health.PROGRESSING,
                    object.displayName(),
                    "status is stale: observed generation " + observed + " of " + generation));
        }
        return Optional.empty();
    }
}
