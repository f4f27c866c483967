package dev.backstack.panel.model;

/** PolicyReport result counts, in the order Kyverno prints them. */
public record ReportCounts(long pass, long fail, long warn, long error, long skip) {

    public static final ReportCounts ZERO = new ReportCounts(0, 0, 0, 0, 0);

    public ReportCounts plus(ReportCounts o) {
        return new ReportCounts(pass + o.pass, fail + o.fail, warn + o.warn, error + o.error, skip + o.skip);
    }

    public long total() {
        return pass + fail + warn + error + skip;
    }

    /** Counts one result string ({@code pass}, {@code fail}, {@code warn}, {@code error}, {@code skip}). */
    public static ReportCounts ofResult(String result) {
        return switch (result == null ? "" : result) {
            case "pass" -> new ReportCounts(1, 0, 0, 0, 0);
            case "fail" -> new ReportCounts(0, 1, 0, 0, 0);
            case "warn" -> new ReportCounts(0, 0, 1, 0, 0);
            case "error" -> new ReportCounts(0, 0, 0, 1, 0);
            case "skip" -> new ReportCounts(0, 0, 0, 0, 1);
            default -> ZERO;
        };
    }

    /** Health of compliance: failures and errors are Degraded, warnings alone are still Healthy. */
    public Health health() {
        return fail + error > 0 ? Health.DEGRADED : Health.HEALTHY;
    }

    @Override
    public String toString() {
        return "pass " + pass + ", fail " + fail + ", warn " + warn + ", error " + error + ", skip " + skip;
    }
}
