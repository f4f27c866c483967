package dev.backstack.panel.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ReportCounts;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fleet-wide series the chart draws from per-cluster samples. */
class ComplianceHistorySeriesTest {

    private static ComplianceSample s(String cluster, int minute, int fail) {
        return new ComplianceSample(cluster, minute * ComplianceSample.MINUTE, new ReportCounts(10, fail, 0, 0, 0));
    }

    @Test
    @DisplayName("a cluster's totals hold until its next sample; each minute sums every cluster's latest")
    void carriesEachClusterForward() {
        HistorySnapshot h =
                new HistorySnapshot(List.of(s("a", 1, 1), s("b", 2, 2), s("a", 4, 0), s("b", 4, 5)), List.of());
        assertThat(h.fleetSeries())
                .extracting(
                        x -> x.minuteMillis() / ComplianceSample.MINUTE,
                        x -> x.counts().fail())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(2L, 3L),
                        org.assertj.core.groups.Tuple.tuple(4L, 5L));
    }

    @ParameterizedTest(name = "{0} ms is in the minute starting at {1}")
    @CsvSource({"0,0", "59999,0", "60000,60000", "125000,120000", "-1,-60000"})
    void minuteOf(long millis, long minute) {
        assertThat(ComplianceSample.minuteOf(millis)).isEqualTo(minute);
    }
}
