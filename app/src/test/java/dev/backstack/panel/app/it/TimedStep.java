package dev.backstack.panel.app.it;

import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.StepContext;
import dev.backstack.panel.installer.plan.StepFailure;
import dev.backstack.panel.installer.plan.Wait;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A step that adds the time the engine spends in it, by kind of work, to shared counters (benchmarks). */
final class TimedStep extends ForwardingStep {

    /** Nanoseconds spent in the steps' own checks and rendering, and in their writes. */
    static final AtomicLong CHECKS = new AtomicLong();

    static final AtomicLong WRITES = new AtomicLong();

    TimedStep(Step step) {
        super(step);
    }

    @Override
    public List<Wait> readiness(StepContext ctx) throws StepFailure {
        long t = System.nanoTime();
        try {
            return step.readiness(ctx);
        } finally {
            CHECKS.addAndGet(System.nanoTime() - t);
        }
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) throws InterruptedException {
        long t = System.nanoTime();
        try {
            return step.satisfied(ctx, recordedFingerprint);
        } finally {
            CHECKS.addAndGet(System.nanoTime() - t);
        }
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        long t = System.nanoTime();
        try {
            step.apply(ctx);
        } finally {
            WRITES.addAndGet(System.nanoTime() - t);
        }
    }
}
