package dev.backstack.panel.model;

import java.util.Locale;
import java.util.Optional;

/**
 * One policy result as Kyverno reports it ({@code results[].result} of a {@code wgpolicyk8s.io}
 * PolicyReport or an {@code openreports.io} Report), ordered from least to most severe so the
 * worst of several is the greatest.
 */
public enum Verdict {
    SKIP,
    PASS,
    WARN,
    FAIL,
    ERROR;

    /** The verdict of a result string ({@code pass}, {@code fail}, ...), empty for anything else. */
    public static Optional<Verdict> of(String result) {
        if (result == null) {
            return Optional.empty();
        }
        return switch (result.trim().toLowerCase(Locale.ROOT)) {
            case "pass" -> Optional.of(PASS);
            case "fail" -> Optional.of(FAIL);
            case "warn" -> Optional.of(WARN);
            case "error" -> Optional.of(ERROR);
            case "skip" -> Optional.of(SKIP);
            default -> Optional.empty();
        };
    }

    /** Fail and error: what makes compliance Degraded and the headless command exit 1. */
    public boolean failing() {
        return this == FAIL || this == ERROR;
    }

    /** What the drill-down lists: everything but pass and skip. */
    public boolean finding() {
        return this == FAIL || this == ERROR || this == WARN;
    }

    /** The result string Kyverno writes: {@code pass}, {@code fail}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where a result goes in a list of failing results: fail first, then error (the policy could
     * not be evaluated), then warn; pass and skip after them (they are not listed).
     */
    public int listingRank() {
        return switch (this) {
            case FAIL -> 0;
            case ERROR -> 1;
            case WARN -> 2;
            case PASS -> 3;
            case SKIP -> 4;
        };
    }

    public ReportCounts counts() {
        return ReportCounts.ofResult(label());
    }

    public Verdict worst(Verdict other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }
}
