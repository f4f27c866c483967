package dev.backstack.panel.model.plan;

import java.util.Objects;

/**
 * The verdict of one preflight check. Immutable; safe on any thread.
 *
 * @param id       stable id, such as {@code rbac} or {@code storage-class}
 * @param title    what was checked
 * @param severity whether a failure stops the plan
 * @param passed   whether the check passed
 * @param detail   what was found (every gap, not just the first)
 * @param hint     what to do when it failed; empty when it passed
 */
public record PreflightFinding(String id, String title, Severity severity, boolean passed, String detail, String hint) {

    /** How much a failed check matters. */
    public enum Severity {
        /** The plan cannot run while this fails. */
        BLOCKING,
        /** The user may go on; the override is recorded in the journal. */
        WARNING
    }

    public PreflightFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        detail = detail == null ? "" : detail;
        hint = hint == null ? "" : hint;
    }

    public static PreflightFinding pass(String id, String title, Severity severity, String detail) {
        return new PreflightFinding(id, title, severity, true, detail, "");
    }

    public static PreflightFinding fail(String id, String title, Severity severity, String detail, String hint) {
        return new PreflightFinding(id, title, severity, false, detail, hint);
    }

    /** True when this check failed and stops the plan. */
    public boolean blocks() {
        return !passed && severity == Severity.BLOCKING;
    }

    /** True when this check failed but the user may go on. */
    public boolean warns() {
        return !passed && severity == Severity.WARNING;
    }
}
