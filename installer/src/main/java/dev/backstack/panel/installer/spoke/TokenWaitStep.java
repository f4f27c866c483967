package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.plan.DryRunResult;
import dev.backstack.panel.installer.plan.Previews;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.StepContext;
import dev.backstack.panel.installer.plan.StepFailure;
import dev.backstack.panel.installer.plan.Wait;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.model.spoke.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * On the spoke: waits until the token controller has written the ServiceAccount's token into the
 * token Secret (polling one GET every half second, up to the step's budget). Writes nothing.
 */
final class TokenWaitStep implements Step {

    static final Duration BUDGET = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 500;

    private final Registration registration;
    private final StepInfo info;

    TokenWaitStep(String id, Registration registration, String dependsOn) {
        this.registration = registration;
        this.info = new StepInfo(
                id,
                "Wait for the token of ServiceAccount " + registration.namespace() + "/"
                        + registration.serviceAccount(),
                "The spoke's token controller writes the token into Secret " + registration.namespace() + "/"
                        + registration.tokenSecret() + "; Argo CD will use it.",
                StepKind.APPLY,
                List.of(dependsOn),
                BUDGET);
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
        return Previews.digest(List.of(info.id(), registration.namespace(), registration.tokenSecret()));
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission("get", "", "secrets", registration.namespace(), null));
    }

    @Override
    public List<Wait> readiness(StepContext ctx) {
        return List.of();
    }

    @Override
    public boolean satisfied(StepContext ctx, String recordedFingerprint) {
        Optional<SpokeToken> t = SpokeToken.read(ctx.client(), registration);
        t.ifPresent(x -> x.token().clear());
        return t.isPresent();
    }

    @Override
    public void apply(StepContext ctx) throws StepFailure, InterruptedException {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        ctx.status()
                .accept("waiting for the token controller to fill Secret " + registration.namespace() + "/"
                        + registration.tokenSecret());
        while (true) {
            Optional<SpokeToken> t = SpokeToken.read(ctx.client(), registration);
            if (t.isPresent()) {
                t.get().token().clear();
                ctx.status().accept("token present");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StepFailure(
                        "no token in Secret " + registration.namespace() + "/" + registration.tokenSecret()
                                + " after " + BUDGET.toSeconds() + " s: the spoke's token controller (part of "
                                + "kube-controller-manager) did not fill it",
                        "Check that kube-controller-manager runs on the spoke with --service-account-private-key-file, "
                                + "then retry the step.");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Override
    public List<DryRunResult> dryRun(StepContext ctx) {
        return List.of();
    }
}
