package dev.backstack.panel.views.install;

import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.InstallOutputs;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.model.plan.StepState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A backend that plays a scripted install: three steps, events stamped with the test's clock. */
class FakeBackend implements InstallBackend {

    /** One scripted run: emits events, returns the outcome. {@code attempt} counts from 1. */
    interface Script {
        PlanOutcome play(Emitter emit, int attempt);
    }

    static final StepInfo NAMESPACES = new StepInfo(
            "namespaces",
            "Create the namespaces",
            "Namespaces first.",
            StepKind.APPLY,
            List.of(),
            Duration.ofSeconds(30));
    static final StepInfo CROSSPLANE = new StepInfo(
            "crossplane",
            "Install Crossplane 2.3.4",
            "Crossplane v2 core.",
            StepKind.HELM,
            List.of("namespaces"),
            Duration.ofMinutes(5));
    static final StepInfo HUB = new StepInfo(
            "hub",
            "Create the Hub claim",
            "The hub itself.",
            StepKind.APPLY,
            List.of("crossplane"),
            Duration.ofMinutes(20));
    static final List<StepInfo> STEPS = List.of(NAMESPACES, CROSSPLANE, HUB);

    final Clock clock;
    PreflightReport report = new PreflightReport(List.of());
    Script script = (emit, attempt) -> emit.succeedAll();
    Optional<SecretText> password = Optional.of(SecretText.of("s3cret-admin-pw"));
    final List<List<String>> overridesSeen = new ArrayList<>();
    final List<Credentials> credentialsSeen = new ArrayList<>();
    int previews;
    int preflights;
    int installs;
    boolean closed;

    FakeBackend(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PlanPreview preview(InstallProfile profile, Credentials credentials) {
        previews++;
        return new PlanPreview(
                "back-hub",
                "Install a BACK Stack hub",
                List.of(
                        new StepPreview(
                                NAMESPACES,
                                List.of(new ObjectPreview(
                                        "v1",
                                        "Namespace",
                                        null,
                                        "argocd",
                                        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: argocd\n")),
                                null,
                                ""),
                        new StepPreview(
                                CROSSPLANE,
                                List.of(),
                                new StepPreview.HelmPreview(
                                        "crossplane",
                                        "crossplane-system",
                                        "crossplane",
                                        "2.3.4",
                                        "https://charts.crossplane.io/stable"),
                                "args:\n- --enable-usages\n"),
                        new StepPreview(
                                HUB,
                                List.of(new ObjectPreview(
                                        "backstack.dev/v1alpha1",
                                        "Hub",
                                        "default",
                                        "hub",
                                        "kind: Hub\nspec:\n  repository: " + profile.repository() + "\n")),
                                null,
                                "")));
    }

    @Override
    public PreflightReport preflight(InstallProfile profile, Credentials credentials) {
        preflights++;
        return report;
    }

    @Override
    public PlanOutcome install(
            InstallProfile profile, Credentials credentials, List<String> overrides, Consumer<PlanEvent> events) {
        installs++;
        overridesSeen.add(overrides);
        credentialsSeen.add(credentials);
        return script.play(new Emitter(events, clock), installs);
    }

    @Override
    public InstallOutputs outputs(InstallProfile profile) {
        return InstallOutputs.of(profile);
    }

    @Override
    public Optional<SecretText> adminPassword() {
        return password;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Emits events with the clock's time. */
    static final class Emitter {
        private final Consumer<PlanEvent> events;
        private final Clock clock;

        Emitter(Consumer<PlanEvent> events, Clock clock) {
            this.events = events;
            this.clock = clock;
        }

        void started(List<String> resumed) {
            events.accept(new PlanEvent.PlanStarted(clock.instant(), "back-hub", STEPS, resumed));
        }

        void changed(String step, StepState state) {
            events.accept(new PlanEvent.StepChanged(clock.instant(), step, state));
        }

        void status(String step, String message) {
            events.accept(new PlanEvent.StepStatus(clock.instant(), step, message));
        }

        void finished(String step, StepState state, String summary) {
            events.accept(new PlanEvent.StepFinished(clock.instant(), step, state, summary));
        }

        void failed(String step, String reason, String hint) {
            events.accept(new PlanEvent.StepFailed(clock.instant(), step, reason, hint));
        }

        PlanOutcome planFinished(PlanOutcome outcome, String summary) {
            events.accept(new PlanEvent.PlanFinished(clock.instant(), outcome, summary));
            return outcome;
        }

        PlanOutcome succeedAll() {
            started(List.of());
            for (StepInfo s : STEPS) {
                changed(s.id(), StepState.APPLYING);
                finished(s.id(), StepState.DONE, "done in 1s");
            }
            return planFinished(PlanOutcome.SUCCEEDED, "3 steps applied, 0 already in place.");
        }
    }
}
