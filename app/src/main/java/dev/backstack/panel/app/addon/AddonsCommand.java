package dev.backstack.panel.app.addon;

import dev.backstack.panel.app.AppDirs;
import dev.backstack.panel.app.FleetConnector;
import dev.backstack.panel.app.install.PlanExits;
import dev.backstack.panel.app.install.PlanPrinter;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.addon.AddonCatalog;
import dev.backstack.panel.installer.addon.AddonRenderer;
import dev.backstack.panel.installer.addon.AddonService;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.addon.AddonSource;
import dev.backstack.panel.model.install.SecretText;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code addons list|render|apply}, the headless twin of the add-on wizard: the catalog, its
 * ApplicationSets as YAML (no cluster needed), and the same {@link AddonService} plan the wizard
 * runs (preflight, then apply to the hub or commit to the GitOps repository). Exit codes are the
 * plan commands' ({@link PlanExits}): 0 done (or nothing to change), 1 the run failed, 2 usage,
 * 3 no connection, 4 the preflight blocked (or a warning was not accepted), 5 cancelled.
 */
public final class AddonsCommand {

    static final long DEMO_TICK_MILLIS = 100;

    private final AddonsOptions options;
    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    public AddonsCommand(AddonsOptions options, PrintStream out, PrintStream err) {
        this(options, System.getenv(), Path.of(System.getProperty("user.home")), out, err);
    }

    public AddonsCommand(AddonsOptions options, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    public int run() {
        AddonCatalog catalog;
        try {
            catalog = AddonCatalog.load().with(options.charts());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return PlanExits.USAGE;
        }
        if (options.action().equals("list")) {
            out.print(table(catalog));
            return PlanExits.OK;
        }
        AddonRequest request;
        try {
            List<AddonSelection> selections = selections(catalog);
            if (options.action().equals("render")) {
                AddonRenderer.render(catalog, selections, options.gitops().orElse(null), options.base())
                        .forEach(a -> out.print(Serialization.asYaml(a)));
                return PlanExits.OK;
            }
            request = request(selections);
            List<String> problems = request.problems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems));
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return PlanExits.USAGE;
        }
        if (!options.common().demo()
                && options.common().context().isEmpty()
                && options.common().kubeconfig().isEmpty()) {
            err.println("error: addons apply needs the hub: --demo, or --kubeconfig FILE / --context NAME");
            return PlanExits.USAGE;
        }
        return apply(catalog, request);
    }

    private AddonRequest request(List<AddonSelection> selections) {
        boolean gitops = options.gitops().isPresent();
        return new AddonRequest(
                selections,
                gitops ? AddonRequest.Delivery.GITOPS : AddonRequest.Delivery.APPLY,
                options.gitops().orElse(""),
                options.base(),
                gitops ? options.branch().orElse(AddonRequest.defaultBranch(selections)) : "");
    }

    private int apply(AddonCatalog catalog, AddonRequest request) {
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
            AddonService service = new AddonService(
                    catalog,
                    new FleetClusters(fleet),
                    AppDirs.journals(env, home),
                    Clock.systemUTC(),
                    new GitOpsDelivery());
            for (AddonSelection s : request.selections()) {
                err.println(s.entry().id() + ": " + AddonService.targets(s)
                        + (s.spokes().isEmpty()
                                ? " (now: " + String.join(", ", service.matchingSpokes(s.selector())) + ")"
                                : "")
                        + (fleet.simulated() ? " \u2014 SIMULATION" : ""));
            }
            if (options.plan()) {
                out.print(PlanPrinter.yaml(service.preview(request, credentials)));
                return PlanExits.OK;
            }
            return PlanExits.preflightThenRun(
                    service.preflight(request, credentials),
                    options.overrides(),
                    options.dryRun(),
                    out,
                    err,
                    (overrides, events) -> {
                        AddonService.Delivered done = service.run(request, credentials, overrides, events);
                        done.commit().ifPresent(c -> out.println(c.summary()));
                        return done.outcome();
                    });
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return PlanExits.CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PlanExits.CANCELLED;
        } finally {
            token.clear();
        }
    }

    private List<AddonSelection> selections(AddonCatalog catalog) {
        if (options.addons().isEmpty()) {
            throw new IllegalArgumentException("choose add-ons with --addon ID (addons list shows them)");
        }
        for (String key : options.values().keySet()) {
            String id = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!options.addons().contains(id)) {
                throw new IllegalArgumentException("--set " + key + ": not ID.PARAM of a chosen --addon");
            }
        }
        List<AddonSelection> out = new ArrayList<>();
        for (String id : options.addons()) {
            AddonEntry entry = catalog.entry(id)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no add-on " + id + " in the catalog (addons list shows them)"));
            AddonSelection s = AddonSelection.ofDefaults(entry);
            if (!options.spokes().isEmpty()) {
                s = s.withSpokes(options.spokes());
            } else if (!options.selector().isEmpty()) {
                s = s.withSelector(options.selector());
            }
            for (Map.Entry<String, String> v : options.values().entrySet()) {
                if (v.getKey().startsWith(id + ".")) {
                    s = s.withText(v.getKey().substring(id.length() + 1), v.getValue());
                }
            }
            out.add(s);
        }
        return out;
    }

    static String table(AddonCatalog catalog) {
        String row = "%-22s %-50s %-21s %-18s %s%n";
        StringBuilder s =
                new StringBuilder(String.format(row, "ID", "SOURCE", "NAMESPACE", "NEEDS", "PARAMETERS (defaults)"));
        for (AddonEntry e : catalog.entries()) {
            String source = e.source() instanceof AddonSource.Chart c
                    ? c.name() + " " + c.version()
                    : "git: " + ((AddonSource.Git) e.source()).path();
            s.append(String.format(
                    row,
                    e.id(),
                    source,
                    e.namespace(),
                    e.needs().isEmpty() ? "-" : String.join(",", e.needs()),
                    String.join(
                            "; ",
                            e.parameters().stream()
                                    .map(p -> p.name() + "=" + p.format(p.defaultValue()))
                                    .toList())));
        }
        return s.toString();
    }
}
