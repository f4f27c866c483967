package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.ReportCounts;
import java.util.Objects;

/**
 * One row of the compliance table.
 *
 * @param grouping what {@code key} is: a policy, a namespace or a cluster id
 * @param cluster  the cluster id; {@code ""} for policy rows, which sum the whole fleet
 * @param key      the policy name, the namespace ({@code ""} for cluster-scoped reports) or the cluster id
 * @param note     why the counts may be incomplete (an unreachable cluster, no reports), or {@code ""}
 */
public record ComplianceRow(Grouping grouping, String cluster, String key, ReportCounts counts, String note) {

    public ComplianceRow {
        cluster = Objects.requireNonNullElse(cluster, "");
        key = Objects.requireNonNullElse(key, "");
        note = Objects.requireNonNullElse(note, "");
    }

    /** What the user reads in the first column. */
    public String label() {
        return switch (grouping) {
            case POLICY, CLUSTER -> key;
            case NAMESPACE -> cluster + " / " + (key.isEmpty() ? "(cluster-scoped)" : key);
        };
    }

    /** Degraded with a fail or error; Unknown when there is nothing to go on (no reports, unreachable). */
    public Health health() {
        return counts.total() == 0 && !note.isEmpty() ? Health.UNKNOWN : counts.health();
    }

    /** Whether a finding belongs to this row (the drill-down). */
    public boolean covers(FailingResource f) {
        return switch (grouping) {
            case POLICY -> f.policy().equals(key);
            case NAMESPACE -> f.cluster().equals(cluster) && f.reportNamespace().equals(key);
            case CLUSTER -> f.cluster().equals(key);
        };
    }
}
