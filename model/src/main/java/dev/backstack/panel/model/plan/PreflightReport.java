package dev.backstack.panel.model.plan;

import java.util.List;

/** Every preflight verdict of a plan, all gaps at once. Immutable; safe on any thread. */
public record PreflightReport(List<PreflightFinding> findings) {

    public PreflightReport {
        findings = List.copyOf(findings);
    }

    /** True when a blocking check failed: the plan must not run. */
    public boolean blocked() {
        return findings.stream().anyMatch(PreflightFinding::blocks);
    }

    public List<PreflightFinding> blocking() {
        return findings.stream().filter(PreflightFinding::blocks).toList();
    }

    public List<PreflightFinding> warnings() {
        return findings.stream().filter(PreflightFinding::warns).toList();
    }

    /** {@code 9 checks: 1 blocking, 2 warnings}. */
    public String summary() {
        return findings.size() + " checks: " + blocking().size() + " blocking, "
                + warnings().size() + " warnings";
    }
}
