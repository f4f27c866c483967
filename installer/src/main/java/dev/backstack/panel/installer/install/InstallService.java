package dev.backstack.panel.installer.install;

import dev.backstack.panel.installer.apply.KindOps;
import dev.backstack.panel.installer.plan.DeleteStep;
import dev.backstack.panel.installer.plan.JournalRecord;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.PlanService;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.plan.PreflightCheck;
import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.InstallOutputs;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.plan.PlanDiff;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the install wizard and the {@code install}/{@code uninstall} commands call: the hub plan
 * for one target cluster, its preview, its preflight, its run, and the uninstall likewise. The
 * screen and the command line go through these same methods, so what the screen previews is
 * what the command prints and what gets applied. Methods other than the previews block: call
 * them from a background task; interrupting the caller cancels.
 */
public final class InstallService {

    private final PlanTarget target;
    private final VersionLock lock;
    private final PlanService plans;

    public InstallService(PlanTarget target, VersionLock lock, Path journalDir, Clock clock) {
        this.target = target;
        this.lock = lock;
        this.plans = new PlanService(target, journalDir, clock);
    }

    public PlanTarget target() {
        return target;
    }

    public VersionLock lock() {
        return lock;
    }

    public Plan installPlan(InstallProfile profile, Credentials credentials) {
        return HubPlan.build(lock, profile, credentials);
    }

    /** Everything the install would do, secret values redacted. Pure; any thread. */
    public PlanPreview preview(InstallProfile profile, Credentials credentials) {
        return installPlan(profile, credentials).preview();
    }

    /** The plan against what the cluster's journal says is installed: the upgrade view. */
    public PlanDiff compareWithInstalled(InstallProfile profile, Credentials credentials) {
        Plan plan = installPlan(profile, credentials);
        JournalRecord installed = plans.journal(plan.id()).load().orElse(JournalRecord.empty(plan.id()));
        List<PlanDiff.Change> changes = new ArrayList<>();
        for (var step : plan.steps()) {
            JournalRecord.Entry e = installed.steps().get(step.id());
            PlanDiff.Kind kind = e == null || !e.state().succeeded()
                    ? PlanDiff.Kind.NEW
                    : e.fingerprint().equals(step.fingerprint()) ? PlanDiff.Kind.SAME : PlanDiff.Kind.CHANGED;
            changes.add(new PlanDiff.Change(
                    step.id(), step.info().title(), e == null || e.title() == null ? "" : e.title(), kind));
        }
        return new PlanDiff(installed.title(), plan.title(), changes);
    }

    /** Every gap at once, before any write. */
    public PreflightReport preflight(InstallProfile profile, Credentials credentials) throws InterruptedException {
        List<PreflightCheck> checks = new ArrayList<>(HubChecks.of(profile, credentials));
        checks.add(c -> List.of(upgradeFinding(compareWithInstalled(profile, credentials))));
        return plans.preflight(
                installPlan(profile, credentials), lock.kubernetes().range(), checks);
    }

    /** What this run would change in an installed hub: a warning to confirm when it changes installed steps. */
    static PreflightFinding upgradeFinding(PlanDiff diff) {
        String title = "Compared with what is installed";
        if (diff.nothingInstalled()) {
            return PreflightFinding.pass(
                    "upgrade", title, PreflightFinding.Severity.WARNING, "nothing recorded: a fresh install");
        }
        String head = "installed: " + diff.installed() + "\nthis run: " + diff.next();
        boolean changes = diff.steps().stream().anyMatch(c -> c.kind() == PlanDiff.Kind.CHANGED);
        if (!changes) {
            return PreflightFinding.pass(
                    "upgrade",
                    title,
                    PreflightFinding.Severity.WARNING,
                    head
                            + (diff.lines().isEmpty()
                                    ? "\nevery step as installed"
                                    : "\n" + String.join("\n", diff.lines())));
        }
        return PreflightFinding.fail(
                "upgrade",
                title,
                PreflightFinding.Severity.WARNING,
                head + "\n" + String.join("\n", diff.lines()),
                "This run changes an installed hub (an upgrade or a changed profile): "
                        + "read the steps above, then go on to apply them.");
    }

    /** Runs (or resumes) the install; a finished install run again writes nothing. */
    public PlanOutcome install(
            InstallProfile profile, Credentials credentials, List<String> overrides, Consumer<PlanEvent> events) {
        return run(installPlan(profile, credentials), overrides, events);
    }

    /** The uninstall plan; {@code keep} lists step ids to leave out. Reads the spoke claims on the cluster. */
    public Plan uninstallPlan(Set<String> keep) {
        return UninstallPlan.build(lock, spokeClaims(), keep);
    }

    public PreflightReport uninstallPreflight(Set<String> keep) throws InterruptedException {
        List<DeleteStep.Target> spokes = spokeClaims();
        PreflightCheck cloud = c -> List.of(
                spokes.isEmpty() || !keep.contains("spokes")
                        ? PreflightFinding.pass(
                                "spokes",
                                "Spoke clusters provisioned in a cloud",
                                PreflightFinding.Severity.WARNING,
                                spokes.isEmpty()
                                        ? "none"
                                        : spokes.size() + " claims are deleted first, with their clusters")
                        : PreflightFinding.fail(
                                "spokes",
                                "Spoke clusters provisioned in a cloud",
                                PreflightFinding.Severity.WARNING,
                                spokes.size()
                                        + " spoke clusters would keep running (and costing) with no hub to manage them",
                                "Delete the spoke claims too, unless you will delete those clusters yourself."));
        return plans.preflight(uninstallPlan(keep), lock.kubernetes().range(), List.of(cloud));
    }

    public PlanOutcome uninstall(Set<String> keep, Consumer<PlanEvent> events) {
        return run(uninstallPlan(keep), List.of(), events);
    }

    public InstallOutputs outputs(InstallProfile profile) {
        return InstallOutputs.of(profile);
    }

    /** Argo CD's initial admin password, read from the cluster on request only; never logged. */
    public Optional<SecretText> argoCdAdminPassword() {
        try {
            Secret s = target.client()
                    .secrets()
                    .inNamespace("argocd")
                    .withName("argocd-initial-admin-secret")
                    .get();
            if (s == null || s.getData() == null || s.getData().get("password") == null) {
                return Optional.empty();
            }
            return Optional.of(SecretText.of(
                    new String(Base64.getDecoder().decode(s.getData().get("password")), StandardCharsets.UTF_8)));
        } catch (KubernetesClientException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Runs (or resumes) any plan on this target, with its journal on the cluster and locally. */
    public PlanOutcome run(Plan plan, List<String> overrides, Consumer<PlanEvent> events) {
        return plans.run(plan, overrides, events);
    }

    private List<DeleteStep.Target> spokeClaims() {
        List<DeleteStep.Target> out = new ArrayList<>();
        for (String kind : List.of("AKSCluster", "EKSCluster")) {
            KindInfo k = KindRegistry.standard().require("backstack.dev/v1alpha1", kind);
            try {
                KindOps.op(target.client(), k, null)
                        .list()
                        .getItems()
                        .forEach(o -> out.add(new DeleteStep.Target(
                                k,
                                o.getMetadata().getNamespace(),
                                o.getMetadata().getName())));
            } catch (KubernetesClientException e) {
                // kind not served: no spoke claims of it
            }
        }
        return out;
    }
}
