package dev.backstack.panel.model.policy;

/**
 * One CEL rule: the object is valid when {@code expression} evaluates to true.
 *
 * @param message the message given to the user when it does not hold
 */
public record CelValidation(String expression, String message) {}
