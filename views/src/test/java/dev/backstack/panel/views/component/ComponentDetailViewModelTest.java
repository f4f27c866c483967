package dev.backstack.panel.views.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.ClusterInspector;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Health;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The detail's events and logs on the demo fleet: spoke-2's crash-looping Kyverno admission pod,
 * read through the same inspector as a real cluster. A single thread stands in for the FX thread.
 */
@Timeout(90)
class ComponentDetailViewModelTest {

    private FleetService service;
    private ExecutorService background;
    private ExecutorService fx;
    private ComponentDetailViewModel vm;
    private String admission;

    @BeforeEach
    void start() throws Exception {
        service = FleetService.demo(100, 100);
        background = Executors.newCachedThreadPool();
        fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        vm = new ComponentDetailViewModel(background, fx);
        vm.setInspectors(service::inspector);
        Component kyverno = until(
                        () -> spoke2Kyverno()
                                .filter(c -> c.pods().stream().anyMatch(p -> p.contains("admission"))
                                        && c.health() == Health.DEGRADED
                                        && c.assessment().oneLine().contains("CrashLoopBackOff")),
                        Optional::isPresent)
                .orElseThrow();
        admission = kyverno.pods().stream()
                .filter(p -> p.contains("admission"))
                .findFirst()
                .orElseThrow();
        fx.submit(() -> vm.show(spoke2().id(), kyverno)).get();
    }

    @AfterEach
    void stop() {
        fx.submit(vm::stopFollowing);
        service.close();
        background.shutdownNow();
        fx.shutdownNow();
    }

    @Test
    @DisplayName(
            "Load log on the crash-looping admission pod shows the crash, for the current and the previous container")
    void crashLoopingPodShowsTheCrash() throws Exception {
        for (boolean previous : new boolean[] {false, true}) {
            fx.submit(() -> vm.loadLog(admission, previous)).get();
            String says = "log lines of " + (previous ? "the previous container of " : "") + admission;
            until(() -> onFx(() -> vm.logStatusProperty().get()), s -> s.contains(says));
            List<String> lines = onFx(() -> List.copyOf(vm.logLines()));
            assertThat(lines)
                    .anyMatch(s -> s.contains("failed to start webhook server"))
                    .noneMatch(s -> s.contains("CustomResourceDefinition"));
        }
    }

    @Test
    @DisplayName("the crash-looping Kyverno's detail and card show the hint to read the previous container's log")
    void crashLoopingKyvernoShowsTheLoadLogHint() throws Exception {
        Component kyverno = onFx(() -> vm.componentProperty().get());
        assertThat(kyverno.assessment().reason().orElseThrow().message()).contains("CrashLoopBackOff");
        assertThat(ComponentDetailViewModel.hintText(kyverno))
                .isEqualTo("Hint: read the previous container's log (Load log)");
        assertThat(ComponentDetailViewModel.hintText(null)).isEmpty();
    }

    @Test
    @DisplayName("a healthy pod has no previous container: the status says so in the API server's words")
    void noPreviousContainer() throws Exception {
        String other = onFx(() -> vm.pods().stream()
                .filter(p -> p.contains("background"))
                .findFirst()
                .orElseThrow());
        fx.submit(() -> vm.loadLog(other, true)).get();

        String status = until(() -> onFx(() -> vm.logStatusProperty().get()), s -> s.startsWith("cannot"));
        assertThat(status).contains("previous terminated container").contains("not found");
        assertThat(onFx(() -> vm.logLines().size())).isZero();
    }

    @Test
    @DisplayName("events: the namespace's when the component opens, then only the chosen pod's (BackOff for the crash)")
    void namespaceThenPodEvents() throws Exception {
        List<ClusterInspector.EventLine> ns = until(() -> onFx(() -> List.copyOf(vm.events())), l -> !l.isEmpty());
        assertThat(ns).extracting(ClusterInspector.EventLine::object).anyMatch(o -> o.contains("background"));
        assertThat(ns)
                .extracting(ClusterInspector.EventLine::reason)
                .contains("Scheduled")
                .anyMatch(r -> r.startsWith("BackOff"));

        fx.submit(() -> vm.loadEventsOf(admission)).get();

        List<ClusterInspector.EventLine> pod = until(
                () -> onFx(() -> List.copyOf(vm.events())),
                l -> !l.isEmpty()
                        && l.stream()
                                .allMatch(e -> admission.endsWith(e.object().substring(4))));
        assertThat(pod.get(0).reason()).startsWith("BackOff");
        assertThat(pod.get(0).type()).isEqualTo("Warning");
        assertThat(onFx(() -> vm.eventStatusProperty().get())).contains("recent events of pod " + admission);
    }

    @Test
    @DisplayName("follow reads the log to its end on the demo and says it ended")
    void followEnds() throws Exception {
        fx.submit(() -> vm.follow(admission)).get();

        String status = until(() -> onFx(() -> vm.logStatusProperty().get()), s -> s.contains("follow ended"));
        assertThat(status).contains("the log stream ended");
        assertThat(onFx(() -> vm.followingProperty().get())).isFalse();
        assertThat(onFx(() -> List.copyOf(vm.logLines()))).anyMatch(s -> s.contains("failed to start webhook server"));
    }

    private Cluster spoke2() {
        return service.latest().spokes().stream()
                .filter(s -> s.name().equals("spoke-2"))
                .findFirst()
                .orElseThrow();
    }

    private Optional<Component> spoke2Kyverno() {
        return service.latest().spokes().stream()
                .filter(s -> s.name().equals("spoke-2"))
                .findFirst()
                .flatMap(s -> s.component(ComponentKind.KYVERNO));
    }

    private <T> T onFx(Callable<T> read) throws Exception {
        return fx.submit(read).get(10, TimeUnit.SECONDS);
    }

    private static <T> T until(Callable<T> probe, Predicate<T> ok) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> {
                                T v = probe.call();
                                last.set(v);
                                return v;
                            },
                            v -> v != null && ok.test(v));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out; last seen: " + last.get(), e);
        }
    }
}
