package dev.backstack.panel.model.policy;

/** Audit reports violations; Enforce also refuses them at admission. */
public enum PolicyMode {
    AUDIT("Audit"),
    ENFORCE("Enforce");

    private final String title;

    PolicyMode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
