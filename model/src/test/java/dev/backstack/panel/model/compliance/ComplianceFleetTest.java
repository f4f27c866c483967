package dev.backstack.panel.model.compliance;

import static dev.backstack.panel.model.compliance.Fleets.fleet;
import static dev.backstack.panel.model.compliance.Fleets.reachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fleet's compliance: by policy, by namespace, by cluster, and the failing resources. */
class ComplianceFleetTest {

    private static final Fleet FLEET = fleet(
            reachable("hub", "WG_CLUSTER"),
            reachable("spoke-1", "WG_WEB", "OR_WEB_1", "OR_WEB_2"),
            reachable("spoke-2", "WG_WEB", "OR_CLUSTER"));

    @ParameterizedTest(name = "{0} {1} / {2} = {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CLUSTER   | hub     | hub                     | pass 1, fail 0, warn 0, error 0, skip 0",
                "CLUSTER   | spoke-1 | spoke-1                 | pass 1, fail 2, warn 1, error 0, skip 0",
                "CLUSTER   | spoke-2 | spoke-2                 | pass 1, fail 2, warn 0, error 1, skip 1",
                "POLICY    | ''      | require-ro-rootfs       | pass 2, fail 2, warn 0, error 0, skip 0",
                "POLICY    | ''      | disallow-host-path      | pass 0, fail 2, warn 0, error 0, skip 0",
                "POLICY    | ''      | require-ns-owner        | pass 0, fail 0, warn 0, error 1, skip 1",
                "POLICY    | ''      | limit-node-count        | pass 1, fail 0, warn 0, error 0, skip 0",
                "NAMESPACE | spoke-1 | web                     | pass 1, fail 2, warn 1, error 0, skip 0",
                "NAMESPACE | spoke-2 | ''                      | pass 0, fail 0, warn 0, error 1, skip 1",
                "NAMESPACE | hub     | ''                      | pass 1, fail 0, warn 0, error 0, skip 0",
            })
    void rowsPerGrouping(Grouping grouping, String cluster, String key, String counts) {
        FleetCompliance fc = FleetCompliance.of(FLEET);
        assertThat(fc.rows(grouping))
                .filteredOn(r -> r.cluster().equals(cluster) && r.key().equals(key))
                .singleElement()
                .extracting(r -> r.counts().toString())
                .isEqualTo(counts);
    }

    @ParameterizedTest(name = "drill-down of {0} {1} / {2}: {3} findings")
    @CsvSource(
            delimiter = '|',
            value = {
                "CLUSTER   | spoke-1 | spoke-1            | 3",
                "CLUSTER   | hub     | hub                | 0",
                "POLICY    | ''      | disallow-host-path | 2",
                "POLICY    | ''      | require-ns-owner   | 1",
                "NAMESPACE | spoke-2 | web                | 2",
            })
    void drillDownListsTheRowsFindings(Grouping grouping, String cluster, String key, int findings) {
        FleetCompliance fc = FleetCompliance.of(FLEET);
        ComplianceRow row = fc.rows(grouping).stream()
                .filter(r -> r.cluster().equals(cluster) && r.key().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(fc.failing(row)).hasSize(findings);
    }

    @Test
    @DisplayName("failing resources carry cluster, kind, namespace, name, policy, rule, message and result, sorted")
    void failingResources() {
        FleetCompliance fc = FleetCompliance.of(FLEET);
        assertThat(fc.failing()).isSortedAccordingTo(FailingResource.ORDER);
        assertThat(fc.failing())
                .contains(new FailingResource(
                        "spoke-1",
                        "Pod",
                        "web",
                        "web-1",
                        "require-ro-rootfs",
                        "ro-rootfs",
                        Verdict.FAIL,
                        "root filesystem must be read-only",
                        "openreports.io",
                        "web"));
        assertThat(fc.failing()).extracting(FailingResource::result).doesNotContain(Verdict.PASS, Verdict.SKIP);
        assertThat(fc.total()).isEqualTo(new ReportCounts(3, 4, 1, 1, 1));
        assertThat(fc.hasFailures()).isTrue();
        assertThat(fc.reports()).isEqualTo(6);
        assertThat(fc.shadowed()).isEqualTo(1);
    }

    @Test
    @DisplayName("warnings alone are not failures")
    void warningsAreNotFailures() {
        FleetCompliance fc = FleetCompliance.of(fleet(reachable("hub", "OR_WEB_2")));
        assertThat(fc.hasFailures()).isFalse();
        assertThat(fc.failing())
                .singleElement()
                .extracting(FailingResource::result)
                .isEqualTo(Verdict.WARN);
    }

    @Test
    @DisplayName("an unreachable cluster keeps its last known counts with a note; the placeholder hub is left out")
    void notes() {
        FleetCompliance fc = FleetCompliance.of(fleet(
                Fleets.cluster("hub", ClusterRole.HUB, Reachability.notConnected("no hub"), "WG_WEB"),
                Fleets.cluster(
                        "spoke-1", ClusterRole.SPOKE, Reachability.unreachable("connection refused"), "OR_WEB_1"),
                reachable("spoke-2")));
        assertThat(fc.byCluster())
                .extracting(ComplianceRow::key, ComplianceRow::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spoke-1", "unreachable: last known"),
                        org.assertj.core.groups.Tuple.tuple("spoke-2", "no policy reports"));
        assertThat(fc.byCluster())
                .extracting(ComplianceRow::health)
                .containsExactly(dev.backstack.panel.model.Health.DEGRADED, dev.backstack.panel.model.Health.UNKNOWN);
    }
}
