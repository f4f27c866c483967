package dev.backstack.panel.installer.apply;

/**
 * One reason the API server found an object invalid (a 422 cause, or a field the schema does not
 * declare). Immutable; safe on any thread.
 *
 * @param field   the field path, such as {@code spec.replicas}; empty when the server named none
 * @param message what is wrong with it, in the server's words
 */
public record InvalidField(String field, String message) {

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
