package dev.backstack.panel.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Kubernetes-style status condition, read from {@code status.conditions}. */
public record Condition(
        String type, String status, String reason, String message, String lastTransitionTime, Long observedGeneration) {

    public boolean isTrue() {
        return "True".equalsIgnoreCase(status);
    }

    public boolean isFalse() {
        return "False".equalsIgnoreCase(status);
    }

    public String reasonAndMessage() {
        String r = reason == null ? "" : reason;
        String m = message == null ? "" : message;
        if (r.isEmpty()) {
            return m;
        }
        return m.isEmpty() ? r : r + ": " + m;
    }

    /** Reads the {@code status.conditions} list of an object; absent or malformed yields empty. */
    public static List<Condition> listOf(KubeObject object) {
        return Fields.list(object.status(), "conditions").stream()
                .filter(Map.class::isInstance)
                .map(o -> fromMap((Map<?, ?>) o))
                .toList();
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    static Condition fromMap(Map<?, ?> map) {
        return new Condition(
                Fields.str(map, "type"),
                Fields.str(map, "status"),
                Fields.str(map, "reason"),
                Fields.str(map, "message"),
                Fields.str(map, "lastTransitionTime"),
                Fields.num(map, "observedGeneration"));
    }
}
