package dev.backstack.panel.installer.plan;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.rules.CrossplaneRules;
import dev.backstack.panel.model.rules.WorkloadRules;
import java.util.List;
import java.util.Map;

/**
 * When an object counts as ready, as a pure function over the model's copy of it; the same rules
 * as the live status view wherever one exists.
 */
@FunctionalInterface
public interface Readiness {

    /** The object's verdict: ready when {@link Health#HEALTHY}, else the reason it is not. */
    Assessment assess(KubeObject object);

    /** Deployments, StatefulSets and DaemonSets: available and rolled out. */
    static Readiness workload() {
        return WorkloadRules::assess;
    }

    /** Crossplane packages, claims, composites and managed resources: Installed/Healthy, Synced/Ready. */
    static Readiness crossplane() {
        return CrossplaneRules::assess;
    }

    /** The object merely exists. */
    static Readiness exists() {
        return o -> Assessment.healthy("exists");
    }

    /** Every named status condition is True (for example {@code Established} and {@code Offered}). */
    static Readiness conditions(String... types) {
        return o -> {
            for (String type : types) {
                Map<?, ?> c = condition(o, type);
                if (c == null) {
                    return Assessment.of(
                            Health.PROGRESSING,
                            type + " not reported yet",
                            o.displayName(),
                            "no " + type + " condition yet");
                }
                if (!"True".equals(String.valueOf(c.get("status")))) {
                    Object message = c.get("message") == null ? c.get("reason") : c.get("message");
                    return Assessment.of(
                            Health.PROGRESSING,
                            type + " is " + c.get("status"),
                            o.displayName(),
                            type + " is " + c.get("status") + (message == null ? "" : ": " + message));
                }
            }
            return Assessment.healthy(String.join(", ", types));
        };
    }

    private static Map<?, ?> condition(KubeObject o, String type) {
        List<?> conditions = Fields.list(o.status(), "conditions");
        for (Object c : conditions) {
            if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
                return m;
            }
        }
        return null;
    }
}
