package dev.backstack.panel.app.spoke;

import dev.backstack.panel.app.AppDirs;
import dev.backstack.panel.app.FleetConnector;
import dev.backstack.panel.app.install.PlanExits;
import dev.backstack.panel.app.install.PlanPrinter;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClientRegistry;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.plan.Previews;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.spoke.ClaimRenderer;
import dev.backstack.panel.installer.spoke.ClaimSchema;
import dev.backstack.panel.installer.spoke.GuardrailFinding;
import dev.backstack.panel.installer.spoke.RegistrationObjects;
import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code spoke render|apply}, the headless twin of the spoke wizard: the same claim renderer, the
 * same {@link SpokeService}, the same plans. Exit codes are {@link PlanExits}': 0 done (or nothing
 * to change), 1 the run failed, 2 usage (including a claim the API would refuse), 3 no connection,
 * 4 the preflight blocked (a guardrail refuses, or a warning was not accepted), 5 cancelled.
 */
public final class SpokeCommand {

    static final long DEMO_TICK_MILLIS = 100;

    private final SpokeOptions options;
    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    public SpokeCommand(SpokeOptions options, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    public int run() {
        if (options.registers()) {
            return register();
        }
        SpokeRequest request = request();
        List<String> problems = ClaimRenderer.problems(request, ClaimSchema.of(request.kind()));
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return PlanExits.USAGE;
        }
        if (options.action().equals("render")) {
            out.print(ClaimRenderer.yaml(request));
            return PlanExits.OK;
        }
        SecretText token = SecretText.of(env.getOrDefault("GITHUB_TOKEN", ""));
        GitCredentials credentials =
                token.isEmpty() ? GitCredentials.none() : GitCredentials.of(GitCredentials.TOKEN_USER, token);
        try (FleetConnector connector = new FleetConnector(options.common(), env, home);
                FleetService fleet = connector.connect(options.common(), DEMO_TICK_MILLIS)) {
            connector.notices().forEach(n -> err.println("note: " + n));
            awaitFleet(fleet);
            SpokeService service = service(fleet);
            if (options.plan()) {
                out.print(PlanPrinter.yaml(service.preview(request, credentials)));
                return PlanExits.OK;
            }
            List<GuardrailFinding> guardrails = service.guardrails(request);
            guardrails.forEach(g -> out.println("guardrail: " + g.line()));
            return PlanExits.preflightThenRun(
                    service.preflight(request, guardrails, credentials),
                    options.overrides(),
                    options.dryRun(),
                    out,
                    err,
                    (overrides, events) -> {
                        SpokeService.Delivered done = service.run(request, credentials, overrides, events);
                        done.commit().ifPresent(c -> out.println(c.summary()));
                        if (done.outcome() == PlanOutcome.SUCCEEDED || done.outcome() == PlanOutcome.UNCHANGED) {
                            out.println("follow " + request.id() + " in the lineage view (Lineage tab) or with "
                                    + "`backstack-panel status`" + (fleet.simulated() ? " — SIMULATION" : ""));
                        }
                        return done.outcome();
                    });
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return PlanExits.CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PlanExits.CANCELLED;
        } finally {
            token.clear();
        }
    }

    /** The request, with the API's defaults for the version and the node size when not given. */
    SpokeRequest request() {
        ClaimSchema schema = ClaimSchema.of(options.kind().orElseThrow());
        return options.request(
                schema.defaultOf("version").orElse(""),
                schema.defaultOf("nodes.instanceType").orElse(""));
    }

    private int register() {
        Registration reg = options.registration();
        List<String> problems = reg.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return PlanExits.USAGE;
        }
        try (FleetConnector connector = new FleetConnector(options.common(), env, home);
                ClientRegistry spokeClients = new ClientRegistry(new ClientFactory(env))) {
            ContextEntry spoke = connector.kubeconfig().find(reg.context()).orElse(null);
            if (spoke == null) {
                err.println("error: no context named " + reg.context() + " in the kubeconfig ($KUBECONFIG, "
                        + "~/.kube/config or --kubeconfig)");
                return PlanExits.CONNECTION;
            }
            if (options.action().equals("render")) {
                printRegistration(reg, spoke.server());
                return PlanExits.OK;
            }
            try (FleetService fleet = connector.connect(options.common(), DEMO_TICK_MILLIS)) {
                connector.notices().forEach(n -> err.println("note: " + n));
                awaitFleet(fleet);
                SpokeService service = service(fleet);
                PlanTarget target = new PlanTarget(
                        spoke.name(),
                        spoke.server(),
                        spokeClients.acquire(spoke).client(),
                        null,
                        null,
                        false);
                if (options.plan()) {
                    out.print(PlanPrinter.yaml(service.previewRegistration(reg, target)));
                    return PlanExits.OK;
                }
                return PlanExits.preflightThenRun(
                        service.preflightRegistration(reg, target),
                        options.overrides(),
                        options.dryRun(),
                        out,
                        err,
                        (overrides, events) -> service.register(reg, target, overrides, events));
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return PlanExits.CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PlanExits.CANCELLED;
        }
    }

    /** The spoke's objects, then the hub's cluster secret with every value redacted. */
    private void printRegistration(Registration reg, String server) {
        out.println("# on " + reg.context() + " (the cluster registered)");
        RegistrationObjects.spokeObjects(reg).forEach(o -> out.print("---\n" + Previews.yaml(Previews.redacted(o))));
        out.println("# on the hub: the Argo CD cluster secret for " + server
                + "; config holds the ServiceAccount's token, read when applied");
        out.print("---\n" + Previews.yaml(Previews.redacted(RegistrationObjects.clusterSecretPreview(reg, server))));
    }

    private void awaitFleet(FleetService fleet) throws InterruptedException {
        if (fleet.simulated()) {
            fleet.demoFleet().orElseThrow().awaitSettled(60_000);
        }
        fleet.awaitSynced(30, TimeUnit.SECONDS);
    }

    private SpokeService service(FleetService fleet) {
        return new SpokeService(
                new FleetClusters(fleet), AppDirs.journals(env, home), Clock.systemUTC(), new GitOpsDelivery());
    }
}
