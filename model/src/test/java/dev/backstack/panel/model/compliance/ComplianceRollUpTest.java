package dev.backstack.panel.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ComplianceResult;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.ResourceRef;
import dev.backstack.panel.model.Verdict;
import dev.backstack.panel.model.rules.KyvernoRules;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One cluster's reports of both API groups, summed once: the table of ReportRules. */
class ComplianceRollUpTest {

    private static ComplianceSummary summarize(String reports) {
        return KyvernoRules.summarize(Reports.of(reports.split(" ")));
    }

    @ParameterizedTest(name = "{0}: total {1}/{2}/{3}/{4}/{5}, {6} reports, {7} shadowed, {8} results")
    @CsvSource(
            delimiter = '|',
            value = {
                // reports                               | pass | fail | warn | error | skip | reports | shadowed |
                // results
                "WG_WEB                                  | 1    | 2    | 0    | 0     | 0    | 1       | 0        | 3",
                "OR_WEB_1                                | 0    | 1    | 0    | 0     | 0    | 1       | 0        | 1",
                // the same fail in both groups counts once: openreports wins, WG_WEB falls back to its kept results
                "WG_WEB OR_WEB_1                         | 1    | 2    | 0    | 0     | 0    | 2       | 1        | 3",
                "OR_WEB_1 WG_WEB                         | 1    | 2    | 0    | 0     | 0    | 2       | 1        | 3",
                // a report object read twice counts once
                "WG_WEB WG_WEB                           | 1    | 2    | 0    | 0     | 0    | 1       | 0        | 3",
                "OR_WEB_1 OR_WEB_1 WG_WEB                | 1    | 2    | 0    | 0     | 0    | 2       | 1        | 3",
                // another policy about the same resource is not a duplicate
                "WG_WEB OR_WEB_2                         | 1    | 2    | 1    | 0     | 0    | 2       | 0        | 4",
                "OR_CLUSTER                              | 0    | 0    | 0    | 1     | 1    | 1       | 0        | 2",
                // a result with an unknown verdict is not counted
                "WG_CLUSTER                              | 1    | 0    | 0    | 0     | 0    | 1       | 0        | 1",
                "WG_WEB OR_WEB_1 OR_WEB_2 OR_CLUSTER WG_CLUSTER | 2 | 2  | 1    | 1     | 1    | 5       | 1        | 7",
            })
    void sumsBothGroupsCountingEachResultOnce(
            String reports,
            long pass,
            long fail,
            long warn,
            long error,
            long skip,
            int count,
            int shadowed,
            int results) {
        ComplianceSummary s = summarize(reports.trim());
        assertThat(s.total()).isEqualTo(new ReportCounts(pass, fail, warn, error, skip));
        assertThat(s.reports()).isEqualTo(count);
        assertThat(s.shadowed()).isEqualTo(shadowed);
        assertThat(s.results()).hasSize(results);
    }

    @ParameterizedTest(name = "{0}: policy {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "WG_WEB                      | require-ro-rootfs       | pass 1, fail 1, warn 0, error 0, skip 0",
                "WG_WEB OR_WEB_1             | require-ro-rootfs       | pass 1, fail 1, warn 0, error 0, skip 0",
                "WG_WEB OR_WEB_1             | disallow-host-path      | pass 0, fail 1, warn 0, error 0, skip 0",
                "WG_WEB OR_WEB_2             | require-requests-limits | pass 0, fail 0, warn 1, error 0, skip 0",
                "OR_CLUSTER                  | require-ns-owner        | pass 0, fail 0, warn 0, error 1, skip 1",
            })
    void countsPerPolicyFromTheCountedResults(String reports, String policy, String counts) {
        assertThat(summarize(reports.trim()).byPolicy().get(policy)).hasToString(counts);
    }

    @ParameterizedTest(name = "{0}: namespace ''{1}'' = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "WG_WEB OR_WEB_1 OR_WEB_2    | web | pass 1, fail 2, warn 1, error 0, skip 0",
                "OR_CLUSTER WG_CLUSTER       | ''  | pass 1, fail 0, warn 0, error 1, skip 1",
            })
    void countsPerNamespaceOfTheReport(String reports, String namespace, String counts) {
        assertThat(summarize(reports.trim()).byNamespace().get(namespace)).hasToString(counts);
    }

    @Test
    @DisplayName("a result is about its resources[], else the report's scope; the openreports copy is the one kept")
    void resultsNameTheirResource() {
        ComplianceSummary s = summarize("WG_WEB OR_WEB_1 OR_CLUSTER");
        assertThat(s.results())
                .contains(
                        new ComplianceResult(
                                "openreports.io",
                                "web",
                                "require-ro-rootfs",
                                "ro-rootfs",
                                Verdict.FAIL,
                                "root filesystem must be read-only",
                                new ResourceRef("Pod", "web", "web-1")),
                        new ComplianceResult(
                                "wgpolicyk8s.io",
                                "web",
                                "disallow-host-path",
                                "host-path",
                                Verdict.FAIL,
                                "hostPath volumes are forbidden",
                                new ResourceRef("Pod", "web", "web-2")),
                        new ComplianceResult(
                                "openreports.io",
                                "",
                                "require-ns-owner",
                                "owner-label",
                                Verdict.ERROR,
                                "context lookup failed",
                                new ResourceRef("Namespace", "", "payments")));
        assertThat(s.results())
                .filteredOn(r -> r.resource().name().equals("web-1"))
                .hasSize(1);
    }

    @Test
    @DisplayName("the four-argument summary stays a counts-only summary for existing callers")
    void countsOnlySummary() {
        ComplianceSummary s = new ComplianceSummary(ReportCounts.ZERO, java.util.Map.of(), java.util.Map.of(), 0);
        assertThat(s.results()).isEmpty();
        assertThat(s.shadowed()).isZero();
        assertThat(ComplianceSummary.EMPTY.results()).isEqualTo(List.of());
    }
}
