package dev.backstack.panel.app.install;

import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import java.io.PrintStream;
import java.util.List;

/**
 * What every plan command (install, uninstall, policies apply) does with a preflight and an
 * outcome: one table of exit codes, one rule for warnings ({@code --accept-warning ID}).
 */
public final class PlanExits {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONNECTION = 3;
    public static final int BLOCKED = 4;
    public static final int CANCELLED = 5;

    private PlanExits() {
    }

    /** {@link #OK} to go on; {@link #BLOCKED} (said on {@code err}) when a check blocks or a warning is not accepted. */
    public static int verdict(PreflightReport report, List<String> accepted, boolean dryRun, PrintStream err) {
        if (report.blocked()) {
            err.println("preflight: blocked; nothing was written");
            return BLOCKED;
        }
        List<String> unaccepted = report.warnings().stream().map(PreflightFinding::id)
                .filter(id -> !accepted.contains(id)).toList();
        if (!unaccepted.isEmpty() && !dryRun) {
            err.println("preflight: warnings " + unaccepted + " need --accept-warning ID to go on; nothing was written");
            return BLOCKED;
        }
        return OK;
    }

    /** The accepted warnings as the journal records them: {@code id: detail}. */
    public static List<String> overrides(PreflightReport report) {
        return report.warnings().stream().map(f -> f.id() + ": " + f.detail()).toList();
    }

    public static int of(PlanOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED, UNCHANGED -> OK;
            case CANCELLED -> CANCELLED;
            case BLOCKED -> BLOCKED;
            case FAILED -> FAILED;
        };
    }
}
