package dev.backstack.panel.model.policy;

import java.util.Optional;

/**
 * The result of reading a parameter's text: the typed value, or the reason it is not valid.
 *
 * @param value a {@code String}, a {@code List<String>} or a {@code Long}; null when invalid
 * @param error what is wrong, said to the user; null when valid
 */
public record ParamCheck(Object value, String error) {

    public static ParamCheck ok(Object value) {
        return new ParamCheck(value, null);
    }

    public static ParamCheck invalid(String error) {
        return new ParamCheck(null, error);
    }

    public boolean valid() {
        return error == null;
    }

    public Optional<String> problem() {
        return Optional.ofNullable(error);
    }
}
