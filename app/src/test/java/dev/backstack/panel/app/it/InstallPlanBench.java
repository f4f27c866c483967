package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.install.InstallService;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not part of the test suite; it asserts no timing): the hub install plan on a fresh
 * real API server with the test playing the controllers, measuring
 * <ul>
 * <li>the engine's own work (the steps' "already in place" checks and Helm rendering, the journal,
 *     the hand-off from one step to the next) against the whole run;</li>
 * <li>the hand-off: from the moment a controller turns a step's last condition True to the moment
 *     the next step starts (p50, p99);</li>
 * <li>the preflight of the whole plan.</li>
 * </ul>
 * Run: {@code ./mvnw -B -pl app -am verify -Dit.test=InstallPlanBench -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; results in {@code app/target/bench/install-plan.txt}.
 */
class InstallPlanBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 10);
    /** How long the simulated controllers take per object; 0 = as fast as they can (a 25 ms tick). */
    private static final Map<String, List<Long>> BY_STEP = new java.util.TreeMap<>();

    private static final long DELAY = Long.getLong("bench.controllerDelayMillis", 0);
    /** The object whose readiness gates each step, as InstallControllers records it. */
    private static final Map<String, String> GATE = Map.of(
            "crossplane",
            "Deployment/crossplane-web",
            "functions",
            "Function/crossplane-contrib-function-patch-and-transform",
            "apis",
            "CompositeResourceDefinition/",
            "hub",
            "Hub/hub",
            "providers",
            "Provider/");

    @Test
    void measure() throws Exception {
        try (InstallFixture fx = new InstallFixture();
                InstallControllers controllers = new InstallControllers(fx.admin)) {
            controllers.delayMillis = DELAY;
            controllers.start();
            InstallService service = fx.service();
            List<Long> preflight = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                assertThat(service.preflight(fx.profile(), InstallFixture.credentials())
                                .blocked())
                        .isFalse();
                preflight.add((System.nanoTime() - t) / 1_000_000);
            }
            Plan plan = service.installPlan(fx.profile(), InstallFixture.credentials());
            Plan timed = new Plan(
                    plan.id(),
                    plan.title(),
                    plan.steps().stream()
                            .map(s -> (dev.backstack.panel.installer.plan.Step) new TimedStep(s))
                            .toList());
            List<Long> handoffs = new ArrayList<>();
            long total = 0;
            long engine = 0;
            long writes = 0;
            for (int run = 0; run < RUNS; run++) {
                assertThat(service.uninstall(Set.of(), e -> {})).isIn(PlanOutcome.SUCCEEDED, PlanOutcome.UNCHANGED);
                controllers.readyAt.clear();
                TimedStep.CHECKS.set(0);
                TimedStep.WRITES.set(0);
                List<PlanEvent> events = new CopyOnWriteArrayList<>();
                long t = System.nanoTime();
                assertThat(service.run(timed, List.of("api"), events::add)).isEqualTo(PlanOutcome.SUCCEEDED);
                long took = System.nanoTime() - t;
                List<Long> mine = handoffs(events, controllers.readyAt);
                handoffs.addAll(mine);
                total += took;
                engine += TimedStep.CHECKS.get()
                        + mine.stream().mapToLong(x -> x * 1_000_000L).sum();
                writes += TimedStep.WRITES.get();
            }
            String report = report(preflight, handoffs, total, engine, writes);
            System.err.print(report);
            Path out = Path.of("target/bench");
            Files.createDirectories(out);
            Files.writeString(out.resolve("install-plan-" + DELAY + "ms.txt"), report);
        }
    }

    /** Milliseconds from each gating object turning ready to the next step (or the plan's end) starting. */
    private static List<Long> handoffs(List<PlanEvent> events, Map<String, Instant> readyAt) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof PlanEvent.StepFinished f)
                    || f.state() != StepState.DONE
                    || !GATE.containsKey(f.stepId())) {
                continue;
            }
            String prefix = GATE.get(f.stepId());
            Instant ready = readyAt.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .map(Map.Entry::getValue)
                    .max(Instant::compareTo)
                    .orElse(null);
            Instant next = events.stream()
                    .skip(i + 1)
                    .filter(e -> e instanceof PlanEvent.StepChanged || e instanceof PlanEvent.PlanFinished)
                    .map(PlanEvent::at)
                    .findFirst()
                    .orElse(null);
            if (ready != null && next != null) {
                out.add(Duration.between(ready, next).toMillis());
                BY_STEP.computeIfAbsent(f.stepId(), k -> new ArrayList<>())
                        .add(Duration.between(ready, next).toMillis());
            }
        }
        return out;
    }

    private static String report(List<Long> preflight, List<Long> handoffs, long total, long engine, long writes) {
        List<Long> sorted = new ArrayList<>(handoffs);
        Collections.sort(sorted);
        List<Long> pf = new ArrayList<>(preflight);
        Collections.sort(pf);
        return String.format(
                        "install plan on a real API server, %d runs, controllers taking %d ms per object%n"
                                + "  whole run: %.2f s mean%n"
                                + "  engine's own work (checks, rendering, hand-offs incl. journal writes): %.1f%% of the run%n"
                                + "  writes (server-side apply, Helm): %.1f%% of the run; the rest is waiting for the controllers%n"
                                + "  condition True -> next step started: n=%d p50=%d ms p99=%d ms max=%d ms%n"
                                + "  preflight of the whole plan: n=%d p50=%d ms max=%d ms%n",
                        RUNS,
                        DELAY,
                        total / 1e9 / RUNS,
                        100.0 * engine / total,
                        100.0 * writes / total,
                        sorted.size(),
                        pct(sorted, 50),
                        pct(sorted, 99),
                        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                        pf.size(),
                        pct(pf, 50),
                        pf.get(pf.size() - 1))
                + "  hand-off by step (ms): " + BY_STEP + "\n";
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
