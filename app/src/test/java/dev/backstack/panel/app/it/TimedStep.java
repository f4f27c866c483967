package dev.backstack.panel.app.it;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.plan.DryRunResult;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.StepContext;
import dev.backstack.panel.installer.plan.StepFailure;
import dev.backstack.panel.installer.plan.Wait;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepPreview;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A step that adds the time the engine spends in it, by kind of work, to shared counters (benchmarks). */
final class TimedStep implements Step {

    /** Nanoseconds spent in the steps' own checks and rendering, and in their writes. */
    static final AtomicLong CHECKS = new AtomicLong();
    static final AtomicLong WRITES = new AtomicLong();

    private final Step step;

    TimedStep(Step step) {
        this.step = step;
    }

    @Override
    public StepInfo info() {
        return step.info();
    }

    @Override
    public StepPreview preview() {
        return step.preview();
    }

    @Override
    public String fingerprint() {
        return step.fingerprint();
    }

    @Override
    public List<Permission> permissions() {
        return step.permissions();
    }

    @Override
    public List<Wait> activation() {
        return step.activation();
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

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) throws InterruptedException {
        return step.dryRun(ctx);
    }
}
