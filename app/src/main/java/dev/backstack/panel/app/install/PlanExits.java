package dev.backstack.panel.app.install;

import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import java.io.PrintStream;
import java.util.List;

/**
 * What every plan command (install, uninstall, policies, addons, spoke and namespace apply) does with a preflight and an
 * outcome: one table of exit codes, one rule for warnings ({@code --accept-warning ID}).
 */
public final class PlanExits {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONNECTION = 3;
    public static final int BLOCKED = 4;
    public static final int CANCELLED = 5;

    private PlanExits() {}

    /** {@link #OK} to go on; {@link #BLOCKED} (said on {@code err}) when a check blocks or a warning is not accepted. */
    public static int verdict(PreflightReport report, List<String> accepted, boolean dryRun, PrintStream err) {
        if (report.blocked()) {
            err.println("preflight: blocked; nothing was written");
            return BLOCKED;
        }
        List<String> unaccepted = report.warnings().stream()
                .map(PreflightFinding::id)
                .filter(id -> !accepted.contains(id))
                .toList();
        if (!unaccepted.isEmpty() && !dryRun) {
            err.println(
                    "preflight: warnings " + unaccepted + " need --accept-warning ID to go on; nothing was written");
            return BLOCKED;
        }
        return OK;
    }

    /** Runs a plan once its preflight lets it go: with the accepted warnings, printing its events. */
    @FunctionalInterface
    public interface Run {
        PlanOutcome run(
                List<String> overrides, java.util.function.Consumer<dev.backstack.panel.model.plan.PlanEvent> events)
                throws InterruptedException;
    }

    /**
     * Prints the preflight; unless it blocks, a warning is not accepted, or this is a dry run, runs
     * the plan printing its events. The exit code.
     */
    public static int preflightThenRun(
            PreflightReport report, List<String> accepted, boolean dryRun, PrintStream out, PrintStream err, Run run)
            throws InterruptedException {
        out.print(PlanPrinter.preflight(report));
        int verdict = verdict(report, accepted, dryRun, err);
        if (verdict != OK || dryRun) {
            return verdict;
        }
        return of(run.run(overrides(report), new EventPrinter(out)::print));
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
