package dev.backstack.panel.installer.policy.cel;

/**
 * One validation that did not hold for an object: it evaluated to false, or its evaluation failed.
 *
 * @param index      the validation's position in the policy, from 0
 * @param expression the validation's (rendered) expression
 * @param error      true when evaluating it failed (a Kubernetes {@code failurePolicy} decides),
 *                   false when it was plainly false
 * @param message    the validation's message when false ({@code failed expression: <expr>} when it
 *                   has none, as Kubernetes says); the evaluation error's text when it failed
 */
public record CelViolation(int index, String expression, boolean error, String message) {

    /** The text the API server puts after {@code denied request: } for this violation. */
    public String admissionText() {
        return error ? "expression '" + expression + "' resulted in error: " + message : message;
    }
}
