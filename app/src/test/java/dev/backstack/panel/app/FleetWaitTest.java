package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.model.rules.ClusterAssembler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the headless commands decide that the fleet settled, and how long they wait at most. */
class FleetWaitTest {

    private static Fleet fleet(long revision, Reachability hub, WatchState.State... watches) {
        Cluster c = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("hub", "hub", ClusterRole.HUB, "https://hub.example.test", Set.of()),
                hub,
                "",
                ObjectSet.EMPTY);
        List<WatchState> states = java.util.Arrays.stream(watches)
                .map(s -> new WatchState("hub", "Deployments", s, 0, 0, 0, ""))
                .toList();
        return new Fleet(c, List.of(), states, true, revision, 0);
    }

    /** A fake clock that moves 10 ms per reading, and snapshots handed out in order (the last repeats). */
    private static final class Script implements Supplier<Fleet> {
        final AtomicLong now = new AtomicLong();
        final Deque<Fleet> snapshots = new ArrayDeque<>();
        Fleet last;

        Script(Fleet... fleets) {
            snapshots.addAll(List.of(fleets));
        }

        long tick() {
            return now.addAndGet(10);
        }

        @Override
        public Fleet get() {
            if (!snapshots.isEmpty()) {
                last = snapshots.poll();
            }
            return last;
        }
    }

    @Test
    void waitsUntilEveryWatchListsThenForQuiet() throws Exception {
        Fleet behind = fleet(1, Reachability.REACHABLE, WatchState.State.WATCHING, WatchState.State.RECONNECTING);
        Fleet caughtUp = fleet(2, Reachability.REACHABLE, WatchState.State.WATCHING, WatchState.State.WATCHING);
        Script script = new Script(behind, behind, behind, caughtUp);

        Fleet settled = FleetWait.settle(script, FleetWait::allWatching, 300, 5000, script::tick);

        assertThat(settled).isSameAs(caughtUp);
        assertThat(script.now.get())
                .as("quiet for 300 ms after the last new snapshot")
                .isGreaterThanOrEqualTo(300)
                .isLessThan(5000);
    }

    @Test
    void aNewSnapshotRestartsTheQuietPeriod() throws Exception {
        Fleet a = fleet(1, Reachability.REACHABLE, WatchState.State.WATCHING);
        Fleet b = fleet(2, Reachability.REACHABLE, WatchState.State.WATCHING);
        Script script = new Script(a, a, a, a, a, a, a, a, a, b);

        Fleet settled = FleetWait.settle(script, f -> true, 300, 5000, script::tick);

        assertThat(settled).isSameAs(b);
    }

    @Test
    void givesUpAfterTheBoundWithTheLatestSnapshot() throws Exception {
        Fleet never = fleet(1, Reachability.REACHABLE, WatchState.State.RECONNECTING);
        Script script = new Script(never);

        Fleet settled = FleetWait.settle(script, FleetWait::allWatching, 300, 1000, script::tick);

        assertThat(settled).isSameAs(never);
        assertThat(script.now.get()).isBetween(1000L, 1100L);
    }

    @Test
    void onTheDemoEveryWatchMustList() {
        assertThat(FleetWait.allWatching(fleet(1, Reachability.REACHABLE, WatchState.State.WATCHING)))
                .isTrue();
        assertThat(FleetWait.allWatching(
                        fleet(1, Reachability.REACHABLE, WatchState.State.WATCHING, WatchState.State.NOT_INSTALLED)))
                .as("a kind whose CRD the panel has not seen yet")
                .isFalse();
        assertThat(FleetWait.allWatching(fleet(1, Reachability.REACHABLE, WatchState.State.STARTING)))
                .isFalse();
        assertThat(FleetWait.allWatching(fleet(1, Reachability.REACHABLE)))
                .as("no watches yet")
                .isFalse();
    }

    @Test
    void aHubIsSilentWhenNoneOfItsWatchesListed() {
        assertThat(FleetWait.hubSilent(
                        fleet(1, Reachability.CONNECTING, WatchState.State.STARTING, WatchState.State.RECONNECTING)))
                .isTrue();
        assertThat(FleetWait.hubSilent(
                        fleet(1, Reachability.CONNECTING, WatchState.State.WATCHING, WatchState.State.STARTING)))
                .as("a slow hub that answered")
                .isFalse();
        assertThat(FleetWait.hubSilent(fleet(1, Reachability.REACHABLE, WatchState.State.STARTING)))
                .isFalse();
    }

    @Test
    @Timeout(180)
    void theDemoSnapshotShowsTheSettledStoryWithEveryClusterReachable() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (FleetService service = FleetService.demo(FleetWait.DEMO_TICK_MILLIS, 100)) {
            Fleet fleet = FleetWait.await(service, new PrintStream(err, true, StandardCharsets.UTF_8), 0, f -> true);

            assertThat(fleet.hub().reachability().isReachable()).isTrue();
            assertThat(fleet.spokes()).extracting(Cluster::name).contains("spoke-1", "spoke-2", "spoke-3");
            // spoke-3 refuses connections until it is provisioned (tick 14): settled, the panel reads it
            assertThat(fleet.spokes())
                    .allSatisfy(s -> assertThat(s.reachability().isReachable())
                            .as(s.name() + " reachable")
                            .isTrue());
            assertThat(FleetWait.allWatching(fleet)).isTrue();
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("did not");
        }
    }
}
