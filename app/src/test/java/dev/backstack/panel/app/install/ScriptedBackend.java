package dev.backstack.panel.app.install;

import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.InstallOutputs;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightFinding.Severity;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.model.plan.StepState;
import dev.backstack.panel.views.install.InstallBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A hub install played from a script on the wizard's worker thread: the first run stops at the
 * providers step (when the test opens {@link #failGate}), the second resumes and succeeds.
 */
final class ScriptedBackend implements InstallBackend {

    static final List<StepInfo> STEPS = List.of(
            step("namespaces", "Create the namespaces", StepKind.APPLY, Duration.ofSeconds(30)),
            step("crossplane", "Install Crossplane 2.3.4", StepKind.HELM, Duration.ofMinutes(5)),
            step("ingress", "Install Envoy Gateway 1.6.1", StepKind.HELM, Duration.ofMinutes(5)),
            step(
                    "runtime-config",
                    "Give provider-kubernetes and provider-helm cluster access",
                    StepKind.APPLY,
                    Duration.ofSeconds(30)),
            step("functions", "Install the composition function", StepKind.APPLY, Duration.ofMinutes(5)),
            step("providers", "Install the Crossplane providers", StepKind.APPLY, Duration.ofMinutes(10)),
            step("credentials", "Store the credentials as Kubernetes Secrets", StepKind.APPLY, Duration.ofSeconds(30)),
            step("provider-configs", "Configure the providers", StepKind.APPLY, Duration.ofMinutes(2)),
            step("apis", "Install the BACK Stack APIs", StepKind.APPLY, Duration.ofMinutes(2)),
            step(
                    "hub",
                    "Create the Hub claim and wait for Backstage, Argo CD and Kyverno",
                    StepKind.APPLY,
                    Duration.ofMinutes(20)));

    final CountDownLatch failGate = new CountDownLatch(1);
    final CountDownLatch atProviders = new CountDownLatch(1);
    final AtomicInteger installs = new AtomicInteger();
    final List<List<String>> overrides = new ArrayList<>();
    volatile boolean closed;
    private Consumer<PlanEvent> out;

    private static StepInfo step(String id, String title, StepKind kind, Duration budget) {
        return new StepInfo(id, title, "", kind, List.of(), budget);
    }

    @Override
    public PlanPreview preview(InstallProfile profile, Credentials credentials) {
        List<StepPreview> steps = new ArrayList<>();
        for (StepInfo s : STEPS) {
            if (s.kind() == StepKind.HELM) {
                steps.add(new StepPreview(
                        s,
                        List.of(),
                        new StepPreview.HelmPreview(
                                s.id(), s.id(), s.id(), "1.0.0", "https://charts.example.org/stable"),
                        "replicas: 1\nargs:\n  - --debug\n"));
            } else {
                steps.add(new StepPreview(
                        s,
                        List.of(new ObjectPreview(
                                "v1",
                                "Namespace",
                                null,
                                s.id(),
                                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + s.id()
                                        + "\n  labels:\n    app.kubernetes.io/part-of: backstack\n")),
                        null,
                        ""));
            }
        }
        return new PlanPreview("back-hub", "Install a BACK Stack hub (lock 2026.05)", steps);
    }

    @Override
    public PreflightReport preflight(InstallProfile profile, Credentials credentials) throws InterruptedException {
        Thread.sleep(300);
        return new PreflightReport(List.of(
                PreflightFinding.pass("api", "API server reachable", Severity.BLOCKING, "Kubernetes v1.33.1"),
                PreflightFinding.pass(
                        "rbac",
                        "Permissions for every object of the plan",
                        Severity.BLOCKING,
                        "all 38 verbs and resources allowed"),
                PreflightFinding.pass("dry-run", "Server-side dry run", Severity.BLOCKING, "41 objects accepted"),
                PreflightFinding.fail(
                        "storage-class",
                        "Default StorageClass",
                        Severity.WARNING,
                        "no StorageClass is marked default",
                        "Mark one default, or volumes that Backstage's database asks for stay Pending.")));
    }

    @Override
    public PlanOutcome install(
            InstallProfile profile, Credentials credentials, List<String> ov, Consumer<PlanEvent> events) {
        out = events;
        overrides.add(ov);
        int attempt = installs.incrementAndGet();
        Instant t0 = Instant.now().minusSeconds(attempt == 1 ? 240 : 60);
        emit(new PlanEvent.PlanStarted(
                t0,
                "back-hub",
                STEPS,
                attempt == 1
                        ? List.of()
                        : STEPS.subList(0, 5).stream().map(StepInfo::id).toList()));
        int done = 0;
        for (StepInfo s : STEPS) {
            Instant at = t0.plusSeconds(done * 25L);
            if (attempt == 1 && s.id().equals("providers")) {
                return failProviders(at);
            }
            emit(new PlanEvent.StepChanged(at, s.id(), StepState.APPLYING));
            boolean inPlace = attempt > 1 && done < 5;
            emit(new PlanEvent.StepFinished(
                    at.plusSeconds(inPlace ? 1 : 23),
                    s.id(),
                    inPlace ? StepState.UNCHANGED : StepState.DONE,
                    inPlace ? "already in place; nothing written" : "done in 23s"));
            done++;
        }
        emit(new PlanEvent.PlanFinished(Instant.now(), PlanOutcome.SUCCEEDED, "5 steps applied, 5 already in place."));
        return PlanOutcome.SUCCEEDED;
    }

    private PlanOutcome failProviders(Instant at) {
        emit(new PlanEvent.StepChanged(at, "providers", StepState.APPLYING));
        emit(new PlanEvent.StepStatus(at.plusSeconds(2), "providers", "Provider provider-helm Installed"));
        emit(new PlanEvent.StepChanged(at.plusSeconds(3), "providers", StepState.WAITING));
        emit(new PlanEvent.StepStatus(at.plusSeconds(40), "providers", "providers healthy 4/9"));
        atProviders.countDown();
        try {
            failGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = Instant.now();
        emit(new PlanEvent.StepFailed(
                now,
                "providers",
                "Provider upbound-provider-aws-ec2 is not Healthy: "
                        + "cannot pull xpkg.upbound.io/upbound/provider-aws-ec2:v2.3.0 (connection timed out)",
                "Check that the cluster can reach xpkg.upbound.io, or set a chart mirror on the profile page."));
        for (StepInfo s : STEPS.subList(6, STEPS.size())) {
            emit(new PlanEvent.StepFinished(now, s.id(), StepState.BLOCKED, "not run"));
        }
        emit(new PlanEvent.PlanFinished(
                now,
                PlanOutcome.FAILED,
                "Stopped at step [providers]; 5 applied, 0 already "
                        + "in place. Fix the cause and run again to resume from there."));
        return PlanOutcome.FAILED;
    }

    private void emit(PlanEvent e) {
        out.accept(e);
    }

    @Override
    public InstallOutputs outputs(InstallProfile profile) {
        return InstallOutputs.of(profile);
    }

    @Override
    public Optional<SecretText> adminPassword() {
        return Optional.of(SecretText.of("Xk3v-demo-9QpL2"));
    }

    @Override
    public void close() {
        closed = true;
    }
}
