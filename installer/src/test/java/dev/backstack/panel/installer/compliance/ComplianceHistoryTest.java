package dev.backstack.panel.installer.compliance;

import static dev.backstack.panel.installer.compliance.ComplianceFixtures.hubWith;
import static dev.backstack.panel.installer.compliance.ComplianceFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.Verdict;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.model.compliance.ComplianceSample;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.model.compliance.Transition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local compliance history: what it records, what it survives, what it forgets. */
class ComplianceHistoryTest {

    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(T0);

    private ComplianceHistory open(HistoryRetention retention) throws HistoryException {
        return ComplianceHistory.open(dir, "history", retention, clock::get, 0);
    }

    private static void record(ComplianceHistory h, Fleet f) throws Exception {
        h.offer(f);
        h.flush().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("samples and transitions are written, the file closed, and read back after reopening")
    void survivesARestart() throws Exception {
        try (ComplianceHistory h = open(HistoryRetention.DEFAULT)) {
            record(h, hubWith(1, r("ro-rootfs", "web-1", "pass", "ok"), r("host-path", "web-1", "pass", "ok")));
            clock.addAndGet(Duration.ofMinutes(2).toMillis());
            record(
                    h,
                    hubWith(
                            2,
                            r("ro-rootfs", "web-1", "fail", "root filesystem must be read-only"),
                            r("host-path", "web-1", "pass", "ok")));
        }
        assertThat(dir.resolve("history.mv.db")).exists();
        try (ComplianceHistory h = open(HistoryRetention.DEFAULT)) {
            HistorySnapshot s = h.snapshot();
            assertThat(s.samples()).extracting(x -> x.counts().fail()).containsExactly(0L, 1L);
            assertThat(s.transitions()).singleElement().satisfies(t -> {
                assertThat(t.change()).isEqualTo("pass \u2192 fail");
                assertThat(t.message()).isEqualTo("root filesystem must be read-only");
                assertThat(t.resource().display()).isEqualTo("Pod web/web-1");
                assertThat(t.atMillis()).isEqualTo(T0 + Duration.ofMinutes(2).toMillis());
            });
            // the state survived too: the same fleet again is no new failure
            clock.addAndGet(Duration.ofMinutes(1).toMillis());
            record(
                    h,
                    hubWith(
                            3,
                            r("ro-rootfs", "web-1", "fail", "root filesystem must be read-only"),
                            r("host-path", "web-1", "pass", "ok")));
            assertThat(h.snapshot().transitions()).hasSize(1);
            record(h, hubWith(4, r("ro-rootfs", "web-1", "pass", "ok"), r("host-path", "web-1", "pass", "ok")));
            assertThat(h.snapshot().transitions())
                    .extracting(Transition::change)
                    .containsExactly("fail \u2192 pass", "pass \u2192 fail");
        }
    }

    @Test
    @DisplayName("at most one sample per cluster and minute, and none while the totals stay the same")
    void samplesAreCoalesced() throws Exception {
        try (ComplianceHistory h = open(HistoryRetention.DEFAULT)) {
            record(h, hubWith(1, r("p", "a", "pass", "")));
            record(h, hubWith(2, r("p", "a", "pass", "")));
            clock.addAndGet(10_000);
            record(h, hubWith(3, r("p", "a", "fail", "x")));
            assertThat(h.count("sample").get()).isEqualTo(1);
            assertThat(h.snapshot().samples())
                    .singleElement()
                    .extracting(s -> s.counts().fail())
                    .isEqualTo(1L);
            clock.addAndGet(Duration.ofMinutes(5).toMillis());
            record(h, hubWith(4, r("p", "a", "fail", "x")));
            assertThat(h.count("sample").get()).isEqualTo(1);
            record(h, hubWith(5, r("p", "a", "pass", "")));
            assertThat(h.count("sample").get()).isEqualTo(2);
            assertThat(h.snapshot().samples())
                    .extracting(ComplianceSample::minuteMillis)
                    .containsExactly(ComplianceSample.minuteOf(T0), ComplianceSample.minuteOf(clock.get()));
        }
    }

    @Test
    @DisplayName("a cluster that is unreachable, has no reports or has not listed its reports is not recorded")
    void unsettledClustersAreNotRecorded() throws Exception {
        try (ComplianceHistory h = open(HistoryRetention.DEFAULT)) {
            record(h, hubWith(1, r("p", "a", "fail", "x")));
            var reports = ComplianceFixtures.openReports(List.of(r("p", "a", "pass", "")));
            record(
                    h,
                    ComplianceFixtures.fleet(
                            2,
                            ComplianceFixtures.cluster("hub", Reachability.unreachable("refused"), reports),
                            ComplianceFixtures.watching("hub")));
            record(
                    h,
                    ComplianceFixtures.fleet(
                            3,
                            ComplianceFixtures.cluster("hub", Reachability.REACHABLE, List.of()),
                            ComplianceFixtures.watching("hub")));
            record(
                    h,
                    ComplianceFixtures.fleet(
                            4,
                            ComplianceFixtures.cluster("hub", Reachability.REACHABLE, reports),
                            List.of(new WatchState("hub", "Reports", WatchState.State.STARTING, 0, 0, 0, ""))));
            assertThat(h.snapshot().transitions())
                    .singleElement()
                    .extracting(Transition::to)
                    .isEqualTo(java.util.Optional.of(Verdict.FAIL));
            assertThat(h.count("sample").get()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("rows older than the retention, and beyond its row limits, are pruned on open and on schedule")
    void retentionPrunes() throws Exception {
        HistoryRetention keepTwoDays = new HistoryRetention(Duration.ofDays(2), 1000, 3, Duration.ofHours(1));
        try (ComplianceHistory h = open(keepTwoDays)) {
            for (int i = 0; i < 6; i++) {
                clock.addAndGet(Duration.ofHours(12).toMillis());
                record(h, hubWith(i, r("p", "a", i % 2 == 0 ? "fail" : "pass", "m" + i)));
            }
            assertThat(h.count("transition").get()).isEqualTo(6);
            h.pruneNow().get(10, TimeUnit.SECONDS);
            assertThat(h.count("transition").get()).isEqualTo(3);
            assertThat(h.count("sample").get()).isEqualTo(5); // the one at 12 h is older than two days
        }
        clock.addAndGet(Duration.ofDays(3).toMillis());
        try (ComplianceHistory h = open(keepTwoDays)) {
            assertThat(h.count("sample").get()).isZero();
            assertThat(h.count("transition").get()).isZero();
        }
    }

    @Test
    @DisplayName("only names, counts and redacted messages are stored: a token quoted in a message is masked")
    void storesNoSecrets() throws Exception {
        try (ComplianceHistory h = open(HistoryRetention.DEFAULT)) {
            record(h, hubWith(1, r("p", "a", "fail", "env API_TOKEN: s3cr3t-value-123 must come from a Secret")));
        }
        try (ComplianceHistory h = open(HistoryRetention.DEFAULT)) {
            assertThat(h.snapshot().transitions())
                    .singleElement()
                    .extracting(Transition::message)
                    .asString()
                    .doesNotContain("s3cr3t-value-123")
                    .contains("[REDACTED]");
        }
        String raw = new String(
                Files.readAllBytes(dir.resolve("history.mv.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("must come from a Secret").doesNotContain("s3cr3t-value-123");
    }

    @Test
    @DisplayName("offer never blocks and keeps only the newest fleet; the writer is a thread of its own")
    void offerHandsOff() throws Exception {
        try (ComplianceHistory h = ComplianceHistory.open(dir, "history", HistoryRetention.DEFAULT, clock::get, 200)) {
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                h.offer(hubWith(i, r("p", "a", i == 999 ? "fail" : "pass", "")));
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
            h.flush().get(10, TimeUnit.SECONDS);
            assertThat(h.snapshot().samples())
                    .singleElement()
                    .extracting(s -> s.counts().fail())
                    .isEqualTo(1L);
        }
    }
}
