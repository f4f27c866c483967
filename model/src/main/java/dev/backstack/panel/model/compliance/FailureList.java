package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ComplianceResult;
import dev.backstack.panel.model.ComplianceSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The failing results a compliance summary lists next to its counts: the worst first (fail, then
 * error, then warn; {@link FailingResource#WORST_FIRST}), cut at a limit, with how many there are
 * in all so a list can say "and K more". Pure and immutable.
 *
 * @param shown the results listed, worst first
 * @param total how many failing results there are in all ({@code >= shown.size()})
 */
public record FailureList(List<FailingResource> shown, int total) {

    public static final FailureList NONE = new FailureList(List.of(), 0);

    public FailureList {
        shown = List.copyOf(shown);
        if (total < shown.size()) {
            throw new IllegalArgumentException("total " + total + " < " + shown.size() + " shown");
        }
    }

    /** The worst {@code limit} of {@code failing} (results that are not fail, error or warn are left out). */
    public static FailureList of(Collection<FailingResource> failing, int limit) {
        List<FailingResource> findings = new ArrayList<>(failing.size());
        for (FailingResource f : failing) {
            if (f.result().finding()) {
                findings.add(f);
            }
        }
        findings.sort(FailingResource.WORST_FIRST);
        return new FailureList(findings.size() > limit ? findings.subList(0, limit) : findings, findings.size());
    }

    /**
     * One cluster's worst failing results, from those its summary kept when its reports were read
     * ({@link ComplianceSummary#worst()}; at most {@link ComplianceSummary#WORST_KEPT}). Cheap: no
     * pass through every result.
     */
    public static FailureList of(Cluster cluster, int limit) {
        ComplianceSummary s = cluster.compliance();
        List<FailingResource> shown = new ArrayList<>();
        for (ComplianceResult r : s.worst()) {
            if (shown.size() == limit) {
                break;
            }
            shown.add(FailingResource.of(cluster.id(), r));
        }
        return new FailureList(shown, Math.max(s.findings(), shown.size()));
    }

    /** How many failing results are not listed. */
    public int more() {
        return total - shown.size();
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** {@code and 12 more}, or {@code ""} when every failing result is listed. */
    public String moreText() {
        return more() == 0 ? "" : "and " + more() + " more";
    }
}
