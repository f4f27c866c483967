package dev.backstack.panel.app.namespace;

import dev.backstack.panel.app.AppDirs;
import dev.backstack.panel.app.FleetConnector;
import dev.backstack.panel.app.install.PlanExits;
import dev.backstack.panel.app.install.PlanPrinter;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.namespace.NamespaceService;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code namespace render|apply}, the headless twin of the namespace wizard: the same
 * {@link NamespaceService}, the same bundle and plan. Exit codes are {@link PlanExits}': 0 done
 * (or nothing to change), 1 the run failed, 2 usage (every problem of the request listed), 3 no
 * connection, 4 the preflight blocked (or a warning was not accepted), 5 cancelled.
 */
public final class NamespaceCommand {

    static final String DEFAULT_KYVERNO = "v1.19.0";
    static final long DEMO_TICK_MILLIS = 100;

    private final NamespaceOptions options;
    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    public NamespaceCommand(
            NamespaceOptions options, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    public int run() {
        PolicyCatalog catalog = PolicyCatalog.load();
        NamespaceRequest request = options.request(catalog);
        List<String> problems = offline(catalog, request).problems(request);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return PlanExits.USAGE;
        }
        boolean connected =
                options.common().demo() || options.common().context().isPresent();
        if (options.action().equals("render")
                && (!connected || options.kyverno().isPresent())) {
            return renderOffline(catalog, request);
        }
        return onFleet(catalog, request);
    }

    /** The service without a connection: the request's spoke taken as known, nothing reachable. */
    private NamespaceService offline(PolicyCatalog catalog, NamespaceRequest request) {
        return new NamespaceService(
                catalog,
                new NoClusters(request.spoke()),
                AppDirs.journals(env, home),
                Clock.systemUTC(),
                new GitOpsDelivery());
    }

    private int renderOffline(PolicyCatalog catalog, NamespaceRequest request) {
        String version = options.kyverno().orElse(DEFAULT_KYVERNO);
        KyvernoGeneration g = KyvernoGeneration.forVersion(version).orElse(null);
        if (g == null) {
            err.println("error: --kyverno " + version + " is not a Kyverno version the panel knows (such as v1.19.0)");
            return PlanExits.USAGE;
        }
        NamespaceService service = offline(catalog, request);
        out.println("# " + request.spoke() + "/" + request.name()
                + (request.policies().isEmpty() ? "" : ": policies for Kyverno " + version + ": " + g.kind()));
        out.print(service.render(request, g).yaml());
        return PlanExits.OK;
    }

    /** Connects, reads the spoke's Kyverno, then renders for it or delivers. */
    private int onFleet(PolicyCatalog catalog, NamespaceRequest request) {
        SecretText token = SecretText.of(env.getOrDefault("GITHUB_TOKEN", ""));
        GitCredentials credentials =
                token.isEmpty() ? GitCredentials.none() : GitCredentials.of(GitCredentials.TOKEN_USER, token);
        try (FleetConnector connector = new FleetConnector(options.common(), env, home);
                FleetService fleet = connector.connect(options.common(), DEMO_TICK_MILLIS)) {
            connector.notices().forEach(n -> err.println("note: " + n));
            if (fleet.simulated()) {
                fleet.demoFleet().orElseThrow().awaitSettled(60_000);
            }
            fleet.awaitSynced(30, TimeUnit.SECONDS);
            NamespaceService service = new NamespaceService(
                    catalog,
                    new FleetClusters(fleet),
                    AppDirs.journals(env, home),
                    Clock.systemUTC(),
                    new GitOpsDelivery());
            if (!service.clusters().spokes().contains(request.spoke())) {
                err.println("error: --to " + request.spoke() + ": no such spoke in the fleet (spokes: "
                        + String.join(", ", service.clusters().spokes()) + ")");
                return PlanExits.CONNECTION;
            }
            ClusterFacts facts = service.facts(request.spoke());
            err.println(request.spoke() + ": " + facts.summary() + (fleet.simulated() ? " — SIMULATION" : ""));
            if (options.action().equals("render")) {
                return renderFor(service, request, facts);
            }
            if (options.plan()) {
                out.print(PlanPrinter.yaml(service.preview(request, facts, credentials)));
                return PlanExits.OK;
            }
            return PlanExits.preflightThenRun(
                    service.preflight(request, facts, credentials),
                    options.overrides(),
                    options.dryRun(),
                    out,
                    err,
                    (overrides, events) -> {
                        PolicyService.Delivered done = service.run(request, facts, credentials, overrides, events);
                        done.commit().ifPresent(c -> out.println(c.summary()));
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

    private int renderFor(NamespaceService service, NamespaceRequest request, ClusterFacts facts) {
        if (!request.policies().isEmpty() && facts.generation().isEmpty()) {
            err.println("error: " + request.spoke() + ": " + facts.summary()
                    + "; render with --kyverno VERSION, or choose no policies");
            return PlanExits.BLOCKED;
        }
        KyvernoGeneration g = NamespaceService.generation(facts);
        out.println("# " + request.spoke() + "/" + request.name()
                + (request.policies().isEmpty()
                        ? ""
                        : ": Kyverno " + facts.kyvernoVersion().orElse("?") + ": " + g.kind()));
        out.print(service.render(request, g).yaml());
        return PlanExits.OK;
    }

    /** Rendering without a connection: the named spoke is taken as known, and nothing is reachable. */
    private record NoClusters(String spoke) implements PolicyClusters {
        @Override
        public String hub() {
            return "hub";
        }

        @Override
        public List<String> spokes() {
            return List.of(spoke);
        }

        @Override
        public Optional<PlanTarget> target(String cluster) {
            return Optional.empty();
        }
    }
}
