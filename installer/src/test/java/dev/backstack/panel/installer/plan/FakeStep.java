package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A step over an in-memory "cluster" flag, with scripted failures and blocking, for runner tests. */
final class FakeStep implements Step {

    final AtomicInteger applies = new AtomicInteger();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile boolean present;
    volatile CountDownLatch blockInApply;
    private final StepInfo info;

    FakeStep(String id, String... dependsOn) {
        this.info = new StepInfo(id, "Step " + id, "", StepKind.APPLY, List.of(dependsOn), Duration.ofSeconds(5));
    }

    FakeStep failingTimes(int n) {
        failuresLeft.set(n);
        return this;
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public StepPreview preview() {
        return new StepPreview(info, List.of(), null, "");
    }

    @Override
    public String fingerprint() {
        return "fp-" + info.id();
    }

    @Override
    public List<Permission> permissions() {
        return List.of();
    }

    @Override
    public List<Wait> readiness(StepContext ctx) {
        return List.of();
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) {
        return present;
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        applies.incrementAndGet();
        CountDownLatch block = blockInApply;
        if (block != null) {
            block.countDown();
            Thread.sleep(60_000);
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw new StepFailure("step " + info.id() + " refused", "retry it");
        }
        ctx.status().accept("applied " + info.id());
        present = true;
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) {
        return List.of(DryRunResult.accepted(info.id()));
    }
}
