package dev.backstack.panel.installer.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluation errors in the words Kubernetes (cel-go) uses, so that the preview says what the API
 * server says: {@code no such key: securityContext} rather than cel-java's
 * {@code key 'securityContext' is not present in map.}. Pure.
 */
final class CelErrors {

    private static final Pattern LOCATION = Pattern.compile("^evaluation error at [^:]*:\\d+: ");
    private static final Pattern NO_KEY = Pattern.compile("key '(.*)' is not present in map\\.?");
    private static final Pattern NO_OVERLOAD =
            Pattern.compile("No matching overload for function '([^']*)'.*", Pattern.DOTALL);

    private CelErrors() {}

    /** The error's text, the failure of a variable it read if that is what failed. */
    static String text(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VariableFailure v) {
                return v.getMessage();
            }
        }
        String raw = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String text = LOCATION.matcher(raw).replaceFirst("").strip();
        Matcher key = NO_KEY.matcher(text);
        if (key.matches()) {
            return "no such key: " + key.group(1);
        }
        Matcher overload = NO_OVERLOAD.matcher(text);
        if (overload.matches()) {
            return "no such overload: " + overload.group(1);
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text;
    }

    /** A variable whose evaluation failed, thrown to the expression that reads it. */
    static final class VariableFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        VariableFailure(String message) {
            super(message, null, false, false);
        }

        static VariableFailure of(CelEvaluationException e) {
            return new VariableFailure(text(e));
        }
    }
}
