package dev.backstack.panel.installer.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.apply.ServerSideApplier;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.StepState;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanRunnerTest {

    private final KubernetesClient unused =
            new KubernetesClientBuilder().withConfig(unreachable()).build();
    private final MemoryJournal journal = new MemoryJournal();
    private final List<PlanEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        unused.close();
    }

    private static Config unreachable() {
        Config c = Config.empty();
        c.setMasterUrl("https://127.0.0.1:1");
        return c;
    }

    private PlanRunner runner() {
        StepContext ctx = new StepContext(
                unused,
                KindRegistry.standard(),
                new ServerSideApplier(unused),
                new Waiter(unused),
                null,
                null,
                m -> {},
                false);
        return new PlanRunner(ctx, journal, Clock.systemUTC());
    }

    private PlanOutcome run(Plan plan) {
        return runner().run(plan, List.of(), events::add);
    }

    @Test
    @DisplayName("runs the steps after their dependencies, whatever order they were given in")
    void ordersByDependencies() {
        FakeStep c = new FakeStep("c", "b");
        FakeStep a = new FakeStep("a");
        FakeStep b = new FakeStep("b", "a");
        Plan plan = new Plan("p", "P", List.of(c, a, b));
        assertThat(plan.steps()).extracting(Step::id).containsExactly("a", "b", "c");
        assertThat(run(plan)).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(finishedStates()).containsExactly("a=DONE", "b=DONE", "c=DONE");
    }

    @Test
    @DisplayName("refuses a plan whose dependencies form a cycle or name an unknown step")
    void refusesBadGraphs() {
        assertThatThrownBy(() -> new Plan("p", "P", List.of(new FakeStep("a", "b"), new FakeStep("b", "a"))))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> new Plan("p", "P", List.of(new FakeStep("a", "x"))))
                .hasMessageContaining("unknown step x");
        assertThatThrownBy(() -> new Plan("p", "P", List.of(new FakeStep("a"), new FakeStep("a"))))
                .hasMessageContaining("two steps");
    }

    @Test
    @DisplayName("a failed step stops the plan with its reason and hint; the next run resumes from it")
    void failureThenResume() {
        FakeStep a = new FakeStep("a");
        FakeStep b = new FakeStep("b", "a").failingTimes(1);
        FakeStep c = new FakeStep("c", "b");
        Plan plan = new Plan("p", "P", List.of(a, b, c));

        assertThat(run(plan)).isEqualTo(PlanOutcome.FAILED);
        assertThat(events)
                .filteredOn(e -> e instanceof PlanEvent.StepFailed)
                .singleElement()
                .satisfies(e -> {
                    assertThat(((PlanEvent.StepFailed) e).reason()).isEqualTo("step b refused");
                    assertThat(((PlanEvent.StepFailed) e).hint()).isEqualTo("retry it");
                });
        assertThat(finishedStates()).containsExactly("a=DONE", "c=BLOCKED");
        assertThat(journal.load().orElseThrow().steps().get("b").state()).isEqualTo(StepState.FAILED);

        events.clear();
        assertThat(run(plan)).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(a.applies).hasValue(1);
        assertThat(b.applies).hasValue(2);
        assertThat(c.applies).hasValue(1);
        assertThat(finishedStates()).containsExactly("a=UNCHANGED", "b=DONE", "c=DONE");
        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        PlanEvent.PlanStarted.class,
                        s -> assertThat(s.resumed()).containsExactly("a"));
    }

    @Test
    @DisplayName("a second run of a finished plan applies nothing and writes nothing, and says so")
    void rerunWritesNothing() {
        Plan plan = new Plan("p", "P", List.of(new FakeStep("a"), new FakeStep("b", "a")));
        assertThat(run(plan)).isEqualTo(PlanOutcome.SUCCEEDED);
        int saves = journal.saves.get();
        events.clear();

        assertThat(run(plan)).isEqualTo(PlanOutcome.UNCHANGED);
        assertThat(journal.saves).hasValue(saves);
        assertThat(plan.steps())
                .allSatisfy(s -> assertThat(((FakeStep) s).applies).hasValue(1));
        assertThat(events.get(events.size() - 1))
                .isInstanceOfSatisfying(
                        PlanEvent.PlanFinished.class,
                        f -> assertThat(f.summary())
                                .contains("Nothing to change")
                                .contains("nothing was written"));
    }

    @Test
    @DisplayName("cancelling (interrupting the plan's thread) stops inside the running step; a new run resumes there")
    void cancelThenResume() throws Exception {
        FakeStep a = new FakeStep("a");
        FakeStep b = new FakeStep("b", "a");
        b.blockInApply = new CountDownLatch(1);
        Plan plan = new Plan("p", "P", List.of(a, b, new FakeStep("c", "b")));
        AtomicReference<PlanOutcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> outcome.set(run(plan)));
        t.start();
        assertThat(b.blockInApply.await(10, TimeUnit.SECONDS)).isTrue();
        t.interrupt();
        t.join(10_000);

        assertThat(outcome.get()).isEqualTo(PlanOutcome.CANCELLED);
        assertThat(finishedStates()).containsExactly("a=DONE", "b=CANCELLED", "c=CANCELLED");
        assertThat(journal.load().orElseThrow().steps().get("b").state()).isEqualTo(StepState.CANCELLED);

        b.blockInApply = null;
        events.clear();
        assertThat(run(plan)).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(finishedStates()).containsExactly("a=UNCHANGED", "b=DONE", "c=DONE");
    }

    @Test
    @DisplayName(
            "a process killed mid-step leaves the step recorded as applying; a new runner resumes from the journal")
    void killedProcessResumes() {
        FakeStep a = new FakeStep("a");
        FakeStep b = new FakeStep("b", "a");
        Plan plan = new Plan("p", "P", List.of(a, b));
        // What a killed run leaves behind: a done, b started (journal says APPLYING), nothing more.
        a.present = true;
        journal.save(JournalRecord.empty("p")
                .with("a", new JournalRecord.Entry(StepState.DONE, a.fingerprint(), "t0", "", "Step a"))
                .with("b", new JournalRecord.Entry(StepState.APPLYING, b.fingerprint(), "t1", "", "Step b")));

        assertThat(run(plan)).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(a.applies).hasValue(0);
        assertThat(b.applies).hasValue(1);
        assertThat(journal.load().orElseThrow().steps().get("b").state()).isEqualTo(StepState.DONE);
    }

    @Test
    @DisplayName("every event carries a timestamp, and sub-status lines name their step")
    void eventsAreTimestamped() {
        run(new Plan("p", "P", List.of(new FakeStep("a"))));
        assertThat(events).allSatisfy(e -> assertThat(e.at()).isNotNull());
        assertThat(events)
                .filteredOn(e -> e instanceof PlanEvent.StepStatus)
                .extracting(PlanEvent::stepId)
                .containsOnly("a");
    }

    @Test
    @DisplayName("overridden preflight warnings are recorded in the journal")
    void overridesRecorded() {
        runner().run(new Plan("p", "P", List.of(new FakeStep("a"))), List.of("storage-class: no default"), events::add);
        assertThat(journal.load().orElseThrow().overrides()).containsExactly("storage-class: no default");
    }

    private List<String> finishedStates() {
        return events.stream()
                .filter(e -> e instanceof PlanEvent.StepFinished || e instanceof PlanEvent.StepFailed)
                .filter(e -> e instanceof PlanEvent.StepFinished)
                .map(e -> e.stepId() + "=" + ((PlanEvent.StepFinished) e).state())
                .toList();
    }
}
