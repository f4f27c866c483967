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

/** A step that does what the step it wraps does; tests override the part they change. */
abstract class ForwardingStep implements Step {

    protected final Step step;

    ForwardingStep(Step step) {
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
        return step.readiness(ctx);
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) throws InterruptedException {
        return step.satisfied(ctx, recordedFingerprint);
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        step.apply(ctx);
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) throws InterruptedException {
        return step.dryRun(ctx);
    }
}
