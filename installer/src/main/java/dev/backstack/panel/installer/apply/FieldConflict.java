package dev.backstack.panel.installer.apply;

/**
 * One field that server-side apply would take from another field manager, as the API server
 * reported it in a 409 Conflict. Immutable; safe on any thread.
 *
 * @param field   the field path in the API server's notation, such as {@code .spec.replicas} or
 *                {@code .spec.template.spec.containers[name="web"].image}
 * @param manager the field manager that owns it now, such as {@code kubectl-edit}
 */
public record FieldConflict(String field, String manager) {

    @Override
    public String toString() {
        return field + " (owned by \"" + manager + "\")";
    }
}
