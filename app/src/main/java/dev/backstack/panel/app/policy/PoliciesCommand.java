package dev.backstack.panel.app.policy;

import dev.backstack.panel.app.AppDirs;
import dev.backstack.panel.app.FleetConnector;
import dev.backstack.panel.app.install.PlanExits;
import dev.backstack.panel.app.install.PlanPrinter;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyImpact;
import dev.backstack.panel.installer.policy.PolicyRenderer;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.installer.policy.Selections;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyRequest;
import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code policies list|render|apply}, the headless twin of the policy wizard: the same catalog,
 * the same {@link PolicyService}, the same plan. Exit codes are the install command's: 0 done
 * (or nothing to change), 1 the run failed, 2 usage, 3 no connection, 4 the preflight blocked
 * (or a warning was not accepted), 5 cancelled.
 */
public final class PoliciesCommand {

    static final String DEFAULT_KYVERNO = "v1.19.0";
    static final long DEMO_TICK_MILLIS = 100;

    private final PoliciesOptions options;
    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    public PoliciesCommand(
            PoliciesOptions options, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    public int run() {
        PolicyCatalog catalog = PolicyCatalog.load();
        if (options.action().equals("list")) {
            out.print(options.output().equals("json") ? CatalogPrinter.json(catalog) : CatalogPrinter.table(catalog));
            return PlanExits.OK;
        }
        List<PolicySelection> selections;
        try {
            if (options.policies().isEmpty()) {
                throw new IllegalArgumentException("choose policies with --policy ID (policies list shows them)");
            }
            selections = Selections.of(
                    catalog,
                    options.policies(),
                    options.modes(),
                    options.values(),
                    options.exclude().isEmpty() ? Selections.DEFAULT_EXCLUDED : options.exclude());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return PlanExits.USAGE;
        }
        boolean connected =
                options.common().demo() || options.common().context().isPresent();
        if (options.action().equals("render")) {
            return connected && options.kyverno().isEmpty() ? onFleet(catalog, selections, true) : render(selections);
        }
        return onFleet(catalog, selections, false);
    }

    /** Each target's objects, in the kind its Kyverno runs. */
    private int renderFor(Map<String, ClusterFacts> facts, List<PolicySelection> selections) {
        int exit = PlanExits.OK;
        for (ClusterFacts f : facts.values()) {
            if (f.generation().isEmpty()) {
                err.println("error: " + f.cluster() + ": " + f.summary());
                exit = PlanExits.BLOCKED;
                continue;
            }
            out.println("# " + f.cluster() + ": Kyverno " + f.kyvernoVersion().orElse("?") + ": "
                    + f.generation().get().kind());
            selections.forEach(s -> out.print(
                    Serialization.asYaml(PolicyRenderer.render(s, f.generation().get()))));
        }
        return exit;
    }

    private int render(List<PolicySelection> selections) {
        String version = options.kyverno().orElse(DEFAULT_KYVERNO);
        KyvernoGeneration g = KyvernoGeneration.forVersion(version).orElse(null);
        if (g == null) {
            err.println("error: --kyverno " + version + " is not a Kyverno version the panel knows (such as v1.19.0)");
            return PlanExits.USAGE;
        }
        out.println("# Kyverno " + version + ": " + g.kind());
        selections.forEach(s -> out.print(Serialization.asYaml(PolicyRenderer.render(s, g))));
        return PlanExits.OK;
    }

    /** Connects to the fleet, reads each target's Kyverno, then renders for each target or delivers. */
    private int onFleet(PolicyCatalog catalog, List<PolicySelection> selections, boolean renderOnly) {
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
            PolicyService service = new PolicyService(
                    catalog,
                    new FleetClusters(fleet),
                    AppDirs.journals(env, home),
                    Clock.systemUTC(),
                    new GitOpsDelivery());
            PolicyRequest request = RequestBuilder.of(options, selections, service.clusters());
            Map<String, ClusterFacts> facts = new LinkedHashMap<>();
            for (String cluster : service.targetClusters(request)) {
                ClusterFacts f = service.facts(cluster);
                facts.put(cluster, f);
                err.println(cluster + ": " + f.summary() + (fleet.simulated() ? " — SIMULATION" : ""));
            }
            if (renderOnly) {
                return renderFor(facts, selections);
            }
            if (options.plan()) {
                out.print(PlanPrinter.yaml(service.preview(request, facts, credentials)));
                return PlanExits.OK;
            }
            List<PolicyImpact> impact = service.impact(request);
            if (options.impact()) {
                out.print(ImpactPrinter.table(impact));
            }
            return PlanExits.preflightThenRun(
                    service.preflight(request, facts, impact, credentials),
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
}
