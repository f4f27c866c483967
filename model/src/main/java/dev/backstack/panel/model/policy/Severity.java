package dev.backstack.panel.model.policy;

/** How much a violation matters, as Kyverno's {@code policies.kyverno.io/severity} annotation says it. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
