package dev.backstack.panel.app.it;

import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.StepContext;
import dev.backstack.panel.installer.plan.StepFailure;
import java.util.concurrent.atomic.AtomicBoolean;

/** A step that fails the first time it would write, then behaves as the step it wraps. */
final class FailOnce extends ForwardingStep {

    static final String REASON = "injected failure";
    private final AtomicBoolean failed = new AtomicBoolean();

    FailOnce(Step step) {
        super(step);
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) throws InterruptedException {
        return failed.get() && step.satisfied(ctx, recordedFingerprint);
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        if (failed.compareAndSet(false, true)) {
            throw new StepFailure(REASON + " in " + step.id(), "retry");
        }
        step.apply(ctx);
    }
}
