package dev.backstack.panel.model.compliance;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ComplianceResult;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Verdict;
import dev.backstack.panel.model.rules.KyvernoRules;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a compliance summary lists next to its counts: the worst failing results, cut, with "and K more". */
class FailureListTest {

    private static String line(FailingResource f) {
        return f.cluster() + " " + f.result().label() + " " + f.policy() + "/" + f.rule() + " " + f.kind() + " "
                + f.namespace() + "/" + f.name() + " " + f.group() + ": " + f.message();
    }

    @Test
    @DisplayName("a cluster's summary keeps its failing results of both report groups: fail, then error, then warn")
    void summaryKeepsTheWorstOfBothGroups() {
        Cluster c = Fleets.reachable("spoke-1", "WG_WEB", "OR_WEB_1", "OR_WEB_2", "OR_CLUSTER", "WG_CLUSTER");
        assertThat(c.compliance().findings()).isEqualTo(4);
        assertThat(c.compliance().moreFindings()).isZero();
        assertThat(FailureList.of(c, 10).shown())
                .map(FailureListTest::line)
                .containsExactly(
                        // the openreports.io result wins over the same wgpolicyk8s.io one (counted once)
                        "spoke-1 fail require-ro-rootfs/ro-rootfs Pod web/web-1 openreports.io: root filesystem must be read-only",
                        "spoke-1 fail disallow-host-path/host-path Pod web/web-2 wgpolicyk8s.io: hostPath volumes are forbidden",
                        // error ranks below fail in the list, although it is the worse verdict for health
                        "spoke-1 error require-ns-owner/owner-label Namespace /payments openreports.io: context lookup failed",
                        "spoke-1 warn require-requests-limits/limits Pod web/web-2 openreports.io: set memory limits");
    }

    @Test
    @DisplayName("cut at a limit, the list says how many more there are")
    void cutWithMore() {
        Cluster c = Fleets.reachable("spoke-1", "WG_WEB", "OR_WEB_2", "OR_CLUSTER");
        FailureList list = FailureList.of(c, 2);
        assertThat(list.shown())
                .map(f -> f.result().label() + " " + f.policy())
                .containsExactly("fail require-ro-rootfs", "fail disallow-host-path"); // Pod web-1, then web-2
        assertThat(list.total()).isEqualTo(4);
        assertThat(list.more()).isEqualTo(2);
        assertThat(list.moreText()).isEqualTo("and 2 more");
        assertThat(FailureList.of(c, 4).moreText()).isEmpty();
    }

    @Test
    @DisplayName("no reports or only passes: an empty list")
    void nothingFails() {
        assertThat(FailureList.of(Fleets.reachable("spoke-1", "WG_CLUSTER"), 5))
                .isEqualTo(new FailureList(List.of(), 0));
        assertThat(FailureList.of(Fleets.reachable("spoke-1"), 5).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a summary keeps at most WORST_KEPT failing results, the fails before the warns, and counts them all")
    void summaryKeepsABoundedList() {
        StringBuilder report = new StringBuilder("""
                apiVersion: wgpolicyk8s.io/v1alpha2
                kind: PolicyReport
                metadata: {name: polr-many, namespace: team}
                results:
                """);
        int warns = ComplianceSummary.WORST_KEPT;
        int fails = 7;
        for (int i = 0; i < warns; i++) {
            report.append("- {policy: a-warn, rule: r, result: warn, message: w, resources: [{kind: Pod, name: p")
                    .append(String.format("%03d", i))
                    .append("}]}\n");
        }
        for (int i = 0; i < fails; i++) {
            report.append("- {policy: z-fail, rule: r, result: fail, message: f, resources: [{kind: Pod, name: q")
                    .append(i)
                    .append("}]}\n");
        }
        report.append("- {policy: z-fail, rule: r, result: pass, resources: [{kind: Pod, name: ok}]}\n");
        ComplianceSummary s = KyvernoRules.summarize(List.of(yaml(report.toString())));
        assertThat(s.findings()).isEqualTo(warns + fails);
        assertThat(s.worst()).hasSize(ComplianceSummary.WORST_KEPT);
        assertThat(s.worst().subList(0, fails)).allMatch(r -> r.verdict() == Verdict.FAIL);
        assertThat(s.worst().get(fails).resource().name()).isEqualTo("p000");
        assertThat(s.moreFindings()).isEqualTo(fails);
        assertThat(s.worst()).isSortedAccordingTo(ComplianceResult.WORST_FIRST);
    }

    @Test
    @DisplayName("the fleet's list merges every cluster: all fails (by cluster) before any error or warn")
    void fleetListAcrossClusters() {
        FleetCompliance fc = FleetCompliance.of(Fleets.fleet(
                Fleets.reachable("hub", "OR_CLUSTER", "OR_WEB_2"),
                Fleets.reachable("spoke-1", "WG_WEB"),
                Fleets.reachable("spoke-2", "OR_WEB_1")));
        FailureList list = fc.worst(4);
        assertThat(list.shown())
                .map(f -> f.result().label() + " " + f.cluster() + " " + f.kindName())
                .containsExactly(
                        "fail spoke-1 Pod/web-1",
                        "fail spoke-1 Pod/web-2",
                        "fail spoke-2 Pod/web-1",
                        "error hub Namespace/payments");
        assertThat(list.total()).isEqualTo(5);
        assertThat(list.moreText()).isEqualTo("and 1 more");
        assertThat(fc.worst(100).shown().get(4).result()).isEqualTo(Verdict.WARN);
    }

    @Test
    @DisplayName("a failing result's detail says what failed, where and why, the whole message kept")
    void detail() {
        FailingResource f = FailureList.of(Fleets.reachable("spoke-1", "OR_CLUSTER", "WG_WEB"), 10)
                .shown()
                .get(1);
        assertThat(f.detail())
                .isEqualTo(
                        "fail: policy disallow-host-path, rule host-path\n"
                                + "Pod/web-2 in namespace web on cluster spoke-1 (wgpolicyk8s.io)\nhostPath volumes are forbidden");
        FailingResource ns = FailureList.of(Fleets.reachable("hub", "OR_CLUSTER"), 10)
                .shown()
                .get(0);
        assertThat(ns.detail()).contains("Namespace/payments (cluster-scoped) on cluster hub (openreports.io)");
    }

    @Test
    @DisplayName(
            "one line for a tooltip or a header: the rule only when it is not the policy, the message on one line and cut")
    void oneLine() {
        FailingResource f = new FailingResource(
                "spoke-1",
                "Pod",
                "web",
                "web-1",
                "p",
                "r",
                Verdict.FAIL,
                "first line\n  second " + "x".repeat(200),
                "openreports.io",
                "web");
        assertThat(f.oneLine(true))
                .startsWith("fail p/r: Pod/web-1 in web on spoke-1: first line second xxx")
                .endsWith("x\u2026")
                .hasSize("fail p/r: Pod/web-1 in web on spoke-1: ".length() + 120);
        FailingResource ns = new FailingResource(
                "hub", "Namespace", "", "payments", "owner", "owner", Verdict.WARN, "", "wgpolicyk8s.io", "");
        assertThat(ns.oneLine(false)).isEqualTo("warn owner: Namespace/payments");
    }
}
