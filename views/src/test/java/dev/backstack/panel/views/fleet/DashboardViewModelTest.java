package dev.backstack.panel.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.views.fx.Styles;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DashboardViewModelTest {

    static Stream<Arguments> connections() {
        return Stream.of(
                Arguments.of(Reachability.CONNECTING, WatchState.State.STARTING, "connecting", Styles.BADGE_PENDING),
                Arguments.of(
                        Reachability.REACHABLE, WatchState.State.WATCHING, "reachable \u00b7 v1.33.4", Styles.BADGE_OK),
                Arguments.of(
                        Reachability.REACHABLE,
                        WatchState.State.RECONNECTING,
                        "reconnecting \u00b7 v1.33.4",
                        Styles.BADGE_WARNING),
                Arguments.of(
                        Reachability.unreachable("connection refused"),
                        WatchState.State.RECONNECTING,
                        "unreachable",
                        Styles.BADGE_DANGER),
                Arguments.of(
                        Reachability.notConnected("no context for spoke-4"),
                        WatchState.State.STARTING,
                        "not connected",
                        Styles.BADGE_NEUTRAL));
    }

    @ParameterizedTest(name = "{0} with a {1} watch: {2} in {3}")
    @MethodSource("connections")
    @DisplayName(
            "the connection badge's text and colour follow the selected cluster's connection (never green unless live)")
    void connectionBadgeFollowsTheState(Reachability reachability, WatchState.State watch, String text, String style) {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        String version = reachability.isReachable() ? "v1.33.4" : "";

        vm.apply(fleet(reachability, version, watch));

        assertThat(vm.connectionBadgeProperty().get()).isEqualTo(text);
        assertThat(vm.connectionStyleProperty().get()).isEqualTo(style).isIn((Object[]) Styles.CONNECTION_BADGES);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a hub that goes from reachable to unreachable turns the badge from green to red")
    void badgeChangesWithTheNextSnapshot() {
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        vm.apply(fleet(Reachability.REACHABLE, "v1.33.4", WatchState.State.WATCHING));
        vm.apply(fleet(Reachability.unreachable("connection refused"), "v1.33.4", WatchState.State.RECONNECTING));

        assertThat(vm.connectionStyleProperty().get()).isEqualTo(Styles.BADGE_DANGER);
    }

    private static Fleet fleet(Reachability reachability, String version, WatchState.State watch) {
        Cluster hub = new Cluster(
                "hub-ctx",
                "backstack-hub",
                ClusterRole.HUB,
                "https://127.0.0.1:6443",
                Set.of("test"),
                reachability,
                version,
                List.of(),
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                reachability.isReachable()
                        ? Assessment.healthy("all healthy")
                        : Assessment.of(Health.UNKNOWN, "Cluster backstack-hub", reachability.message()));
        WatchState w = new WatchState(
                "hub-ctx", "Deployments", watch, watch == WatchState.State.RECONNECTING ? 2 : 0, 0, 0, "");
        return new Fleet(hub, List.of(), List.of(w), false, 1, 1_000L);
    }

    @org.junit.jupiter.api.Test
    @DisplayName(
            "a spoke shows what it runs and Kyverno, never the hub's own components as Not installed; the hub shows all")
    void spokeCardsAreWhatASpokeShouldHave() {
        List<dev.backstack.panel.model.Component> all = List.of(
                component(dev.backstack.panel.model.ComponentKind.BACKSTAGE, false),
                component(dev.backstack.panel.model.ComponentKind.KYVERNO, false),
                component(dev.backstack.panel.model.ComponentKind.CERT_MANAGER, true));
        Cluster spoke = new Cluster(
                "spoke-1",
                "spoke-1",
                ClusterRole.SPOKE,
                "https://spoke-1",
                Set.of("test"),
                Reachability.REACHABLE,
                "v1.33.4",
                all,
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                Assessment.healthy("ok"));
        Cluster hub = new Cluster(
                "hub",
                "hub",
                ClusterRole.HUB,
                "https://hub",
                Set.of("test"),
                Reachability.REACHABLE,
                "v1.33.4",
                all,
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                Assessment.healthy("ok"));

        assertThat(DashboardViewModel.shownComponents(spoke))
                .extracting(dev.backstack.panel.model.Component::kind)
                .containsExactly(
                        dev.backstack.panel.model.ComponentKind.KYVERNO,
                        dev.backstack.panel.model.ComponentKind.CERT_MANAGER);
        assertThat(DashboardViewModel.shownComponents(hub)).hasSize(3);
    }

    private static dev.backstack.panel.model.Component component(
            dev.backstack.panel.model.ComponentKind kind, boolean installed) {
        return new dev.backstack.panel.model.Component(
                kind,
                installed,
                installed
                        ? Assessment.healthy("running")
                        : Assessment.of(Health.MISSING, kind.displayName(), "not installed"),
                "",
                "",
                "",
                List.of(),
                List.of(),
                List.of());
    }

    private static dev.backstack.panel.model.KubeObject report(
            String pod, String policy, String result, String message) {
        return new dev.backstack.panel.model.KubeObject(
                "wgpolicyk8s.io/v1alpha2",
                "PolicyReport",
                "web",
                "polr-" + pod + "-" + policy,
                "u",
                1,
                "",
                null,
                java.util.Map.of(),
                java.util.Map.of(),
                List.of(),
                java.util.Map.of(
                        "results",
                        List.of(java.util.Map.of(
                                "policy",
                                policy,
                                "rule",
                                policy + "-rule",
                                "result",
                                result,
                                "message",
                                message,
                                "resources",
                                List.of(java.util.Map.of("kind", "Pod", "namespace", "web", "name", pod))))));
    }

    private static Cluster withReports(
            String id, ClusterRole role, List<dev.backstack.panel.model.KubeObject> reports) {
        return dev.backstack.panel.model.rules.ClusterAssembler.assemble(
                new dev.backstack.panel.model.rules.ClusterAssembler.Identity(id, id, role, "", Set.of()),
                Reachability.REACHABLE,
                "v1.33.4",
                dev.backstack.panel.model.ObjectSet.of(reports));
    }

    @org.junit.jupiter.api.Test
    @DisplayName(
            "the selected cluster's failing results are listed under its counts, worst first; a fleet row's tooltip names its worst")
    void failuresOfTheSelectedCluster() {
        List<dev.backstack.panel.model.KubeObject> reports = new java.util.ArrayList<>(List.of(
                report("web-1", "limits", "warn", "set memory limits"),
                report("web-2", "latest-tag", "fail", "use a pinned tag"),
                report("web-3", "owner", "error", "lookup failed")));
        Cluster hub = withReports("hub", ClusterRole.HUB, List.of());
        Cluster spoke = withReports("spoke-1", ClusterRole.SPOKE, reports);
        DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
        vm.apply(new Fleet(hub, List.of(spoke), List.of(), false, 1, 1_000L));
        assertThat(vm.failures()).isEmpty();
        assertThat(vm.failuresTitleProperty().get()).isEqualTo("Failing results: none read (no policy reports on hub)");

        vm.selectCluster("spoke-1");
        assertThat(vm.failures())
                .extracting(f -> f.result().label() + " " + f.policy() + " " + f.rule() + " " + f.kindName() + " "
                        + f.namespace() + " " + f.cluster() + " " + f.message())
                .containsExactly(
                        "fail latest-tag latest-tag-rule Pod/web-2 web spoke-1 use a pinned tag",
                        "error owner owner-rule Pod/web-3 web spoke-1 lookup failed",
                        "warn limits limits-rule Pod/web-1 web spoke-1 set memory limits");
        assertThat(vm.failuresTitleProperty().get())
                .isEqualTo("Failing results on spoke-1, fail then error then warn: 3");
        assertThat(vm.clusters().get(1).failuresHint()).isEqualTo("""
                fail latest-tag/latest-tag-rule: Pod/web-2 in web: use a pinned tag
                error owner/owner-rule: Pod/web-3 in web: lookup failed
                warn limits/limits-rule: Pod/web-1 in web: set memory limits""");
        assertThat(vm.clusters().get(0).failuresHint()).isEmpty();

        for (int i = 0; i < DashboardViewModel.SHOWN_FAILURES + 2; i++) {
            reports.add(report(String.format("pod-%03d", i), "latest-tag", "fail", "use a pinned tag"));
        }
        vm.apply(new Fleet(
                hub, List.of(withReports("spoke-1", ClusterRole.SPOKE, reports)), List.of(), false, 2, 1_000L));
        int total = DashboardViewModel.SHOWN_FAILURES + 5;
        assertThat(vm.failures()).hasSize(DashboardViewModel.SHOWN_FAILURES);
        assertThat(vm.failuresTitleProperty().get())
                .isEqualTo("Failing results on spoke-1, fail then error then warn: " + "the worst "
                        + DashboardViewModel.SHOWN_FAILURES + " of " + total
                        + ", and 5 more in the Compliance tab (Ctrl+6)");
        assertThat(List.of(vm.clusters().get(1).failuresHint().split("\n")))
                .hasSize(ClusterRow.HINTED_FAILURES + 1)
                .last()
                .isEqualTo("and " + (total - ClusterRow.HINTED_FAILURES) + " more (select the cluster: Policies tab)");
    }
}
