package dev.backstack.panel.app.install;

import dev.backstack.panel.app.Options;
import dev.backstack.panel.installer.install.HubPlan;
import dev.backstack.panel.installer.install.InstallService;
import dev.backstack.panel.installer.install.VersionLock;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code install} and {@code uninstall}, the headless twins of the install wizard: the same
 * {@link InstallService}, the same plan. {@code --plan} prints it, {@code --dry-run} runs the
 * preflight, otherwise the preflight then the run, its events printed as lines.
 */
public final class InstallCommand {

    public static final int EXIT_OK = PlanExits.OK;
    public static final int EXIT_FAILED = PlanExits.FAILED;
    public static final int EXIT_USAGE = PlanExits.USAGE;
    public static final int EXIT_CONNECTION = PlanExits.CONNECTION;
    public static final int EXIT_BLOCKED = PlanExits.BLOCKED;
    public static final int EXIT_CANCELLED = PlanExits.CANCELLED;
    /** The GitOps repository a profile-less install on the simulated cluster uses. */
    static final String DEMO_REPOSITORY = "https://github.com/example/backstack-gitops";

    private final Options options;
    private final Map<String, String> env;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    public InstallCommand(
            Options options, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    public int run() {
        Options.Install flags = options.install();
        InstallProfile profile;
        Credentials credentials;
        try {
            profile = flags.profile().map(ProfileFile::read).orElseGet(InstallProfile::defaults);
            credentials = flags.credentialsStdin()
                    ? CredentialSource.fromStdin(stdin)
                    : CredentialSource.fromEnvironment(env);
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (options.demo() && flags.profile().isEmpty()) {
            profile = profile.withRepository(DEMO_REPOSITORY);
            err.println("note: no --profile: the simulation uses the repository " + DEMO_REPOSITORY);
        }
        try (TargetConnector targets = new TargetConnector(env, Path.of(System.getProperty("user.home")))) {
            boolean uninstall = options.command().equals("uninstall");
            if (flags.plan() && !uninstall) {
                return printPlan(HubPlan.build(VersionLock.shipped(), profile, credentials));
            }
            InstallService service = targets.open(options, TargetConnector.DEMO_TICK_MILLIS);
            if (flags.plan()) {
                return printPlan(service.uninstallPlan(Set.copyOf(flags.keep())));
            }
            err.println("target: " + service.target().name() + (service.target().simulated() ? " — SIMULATION" : ""));
            return uninstall ? uninstall(service, flags) : install(service, profile, credentials, flags);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_CANCELLED;
        } finally {
            credentials.clear();
        }
    }

    private int printPlan(Plan plan) {
        out.print(PlanPrinter.yaml(plan.preview()));
        return EXIT_OK;
    }

    private int install(InstallService service, InstallProfile profile, Credentials credentials, Options.Install flags)
            throws InterruptedException {
        PreflightReport report = service.preflight(profile, credentials);
        out.print(PlanPrinter.preflight(report));
        int verdict = verdict(report, flags);
        if (verdict != EXIT_OK || flags.dryRun()) {
            return verdict;
        }
        EventPrinter printer = new EventPrinter(out);
        int retries = flags.retries() >= 0 ? flags.retries() : service.target().simulated() ? 1 : 0;
        PlanOutcome outcome = service.install(profile, credentials, overrides(report), printer::print);
        for (int i = 1; outcome == PlanOutcome.FAILED && i <= retries; i++) {
            out.println("retrying (" + i + " of " + retries + "): resuming from the failed step");
            outcome = service.install(profile, credentials, overrides(report), printer::print);
        }
        if (outcome == PlanOutcome.SUCCEEDED || outcome == PlanOutcome.UNCHANGED) {
            service.outputs(profile).links().forEach(l -> out.println(l.name() + ": " + l.url()));
            out.println("Argo CD's initial admin password: kubectl -n argocd get secret argocd-initial-admin-secret "
                    + "-o jsonpath='{.data.password}' | base64 -d   (or \"Reveal\" in the wizard's summary)");
        }
        return exit(outcome);
    }

    private int uninstall(InstallService service, Options.Install flags) throws InterruptedException {
        Set<String> keep = new HashSet<>(flags.keep());
        Plan plan = service.uninstallPlan(keep);
        out.println("The uninstall deletes, in this order:");
        plan.preview().steps().forEach(s -> {
            out.println("  " + s.info().title());
            s.objects().forEach(o -> out.println("      " + o.title()));
        });
        PreflightReport report = service.uninstallPreflight(keep);
        out.print(PlanPrinter.preflight(report));
        int verdict = verdict(report, flags);
        if (verdict != EXIT_OK || flags.dryRun()) {
            return verdict;
        }
        if (!flags.yes() && !confirmed(service.target().name())) {
            err.println("not confirmed: nothing was deleted");
            return EXIT_CANCELLED;
        }
        return exit(service.uninstall(keep, new EventPrinter(out)::print));
    }

    private boolean confirmed(String target) {
        out.println("Type the target's name (" + target + ") to delete the hub from it:");
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return target.equals(line == null ? "" : line.trim());
        } catch (IOException e) {
            return false;
        }
    }

    private int verdict(PreflightReport report, Options.Install flags) {
        return PlanExits.verdict(report, flags.overrides(), flags.dryRun(), err);
    }

    private static List<String> overrides(PreflightReport report) {
        return PlanExits.overrides(report);
    }

    private static int exit(PlanOutcome outcome) {
        return PlanExits.of(outcome);
    }
}
