package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.apply.PermissionCheck;
import dev.backstack.panel.installer.apply.PermissionReport;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightFinding.Severity;
import dev.backstack.panel.model.plan.PreflightReport;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every gap at once, before any write: the API server answers and its version is in the
 * supported range; one SelfSubjectAccessReview per permission the plan's steps need (and the
 * journal's); a server-side dry run of every object; then the plan's own checks. Reads only.
 * Blocking; call from a background thread; interrupting it cancels.
 */
public final class Preflight {

    private static final String NO_ANSWER = "no answer: ";

    private final StepContext context;
    private final VersionRange supported;

    public Preflight(StepContext context, VersionRange supported) {
        this.context = context;
        this.supported = supported;
    }

    public PreflightReport run(Plan plan, List<PreflightCheck> checks) throws InterruptedException {
        List<PreflightFinding> out = new ArrayList<>();
        PreflightFinding api = apiServer();
        out.add(api);
        if (api.detail().startsWith(NO_ANSWER)) {
            out.add(PreflightFinding.fail(
                    "not-checked",
                    "Permissions, dry run and cluster checks",
                    Severity.BLOCKING,
                    "not checked: the API server did not answer",
                    "Fix the connection first; the other checks run then."));
            return new PreflightReport(out);
        }
        out.add(permissions(plan));
        out.add(dryRun(plan));
        for (PreflightCheck c : checks) {
            out.addAll(c.check(context.client()));
        }
        return new PreflightReport(out);
    }

    private PreflightFinding apiServer() {
        String title = "API server reachable, Kubernetes " + supported;
        try {
            VersionInfo v = context.client().getKubernetesVersion();
            String version = v == null ? null : v.getGitVersion();
            if (version == null || version.isBlank()) {
                return PreflightFinding.fail(
                        "api",
                        title,
                        Severity.WARNING,
                        "the API server did not say its version",
                        "Check that the context points at a Kubernetes API server.");
            }
            if (supported.isOlder(version)) {
                return PreflightFinding.fail(
                        "api",
                        title,
                        Severity.BLOCKING,
                        "Kubernetes " + version + " is older than the supported range " + supported,
                        "Upgrade the cluster, or use one within "
                                + "the supported range (docs/install.md lists the version lock).");
            }
            if (!supported.contains(version)) {
                return PreflightFinding.fail(
                        "api",
                        title,
                        Severity.WARNING,
                        "Kubernetes " + version + " is newer than the versions this lock was tested with (" + supported
                                + ")",
                        "Go on if the components' release notes support it; the override is recorded in the journal.");
            }
            return PreflightFinding.pass("api", title, Severity.BLOCKING, "Kubernetes " + version);
        } catch (KubernetesClientException e) {
            return PreflightFinding.fail(
                    "api",
                    title,
                    Severity.BLOCKING,
                    NO_ANSWER + (e.getCode() > 0 ? "HTTP " + e.getCode() : String.valueOf(rootMessage(e))),
                    "Check the context, the network and the credentials (see docs/troubleshooting.md).");
        }
    }

    private PreflightFinding permissions(Plan plan) throws InterruptedException {
        LinkedHashSet<Permission> needed = new LinkedHashSet<>();
        plan.steps().forEach(s -> needed.addAll(s.permissions()));
        for (String verb : List.of("get", "create", "patch")) {
            needed.add(Permission.namespaced(verb, "", "configmaps", ConfigMapJournal.NAMESPACE));
        }
        needed.add(Permission.cluster("get", "", "namespaces"));
        needed.add(Permission.cluster("create", "", "namespaces"));
        PermissionReport report = new PermissionCheck(context.client()).check(List.copyOf(needed));
        String title = "Permissions (" + needed.size() + " checked with SelfSubjectAccessReview)";
        if (report.clean()) {
            return PreflightFinding.pass("rbac", title, Severity.BLOCKING, "every permission granted");
        }
        String missing =
                report.missing().stream().map(p -> "  missing: " + p.describe()).collect(Collectors.joining("\n"));
        String unchecked =
                report.unchecked().stream().map(u -> "  could not check: " + u).collect(Collectors.joining("\n"));
        return PreflightFinding.fail(
                "rbac",
                title,
                Severity.BLOCKING,
                (missing + "\n" + unchecked).strip(),
                "Ask a cluster administrator for these permissions (or use a context with cluster-admin), then run "
                        + "the preflight again.");
    }

    private PreflightFinding dryRun(Plan plan) throws InterruptedException {
        List<DryRunResult> all = new ArrayList<>();
        for (Step s : plan.steps()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            all.addAll(s.dryRun(context));
        }
        long accepted = all.stream()
                .filter(r -> r.verdict() == DryRunResult.Verdict.ACCEPTED)
                .count();
        long deferred = all.stream()
                .filter(r -> r.verdict() == DryRunResult.Verdict.DEFERRED)
                .count();
        List<DryRunResult> refused = all.stream()
                .filter(r -> r.verdict() == DryRunResult.Verdict.REFUSED)
                .toList();
        String title = "Server-side dry run of " + all.size() + " objects and releases";
        String counts =
                accepted + " accepted, " + deferred + " checked later (their kind arrives with an earlier step)";
        if (refused.isEmpty()) {
            return PreflightFinding.pass("dry-run", title, Severity.BLOCKING, counts);
        }
        String lines = refused.stream()
                .map(r -> "  " + r.subject() + ": " + r.message())
                .collect(Collectors.joining("\n"));
        return PreflightFinding.fail(
                "dry-run",
                title,
                Severity.BLOCKING,
                refused.size() + " refused:\n" + lines + "\n" + counts,
                "Each refusal names the object and why (an admission webhook, a policy, an invalid field): "
                        + "fix the cause, then run the preflight again.");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
