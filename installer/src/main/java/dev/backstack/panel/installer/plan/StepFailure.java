package dev.backstack.panel.installer.plan;

/**
 * A step could not finish: what failed and where ({@link #getMessage()}), and what to do next
 * ({@link #hint()}). Messages never carry secret values.
 */
public final class StepFailure extends Exception {

    private final String hint;

    public StepFailure(String reason, String hint) {
        super(reason);
        this.hint = hint == null ? "" : hint;
    }

    public String hint() {
        return hint;
    }
}
