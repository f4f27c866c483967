package dev.backstack.panel.app.addon;

import dev.backstack.panel.app.ArgValues;
import dev.backstack.panel.app.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags of {@code addons list|render|apply}. {@code list} and {@code render} reach no cluster;
 * {@code apply} connects to the hub with the shared connection flags ({@code --demo},
 * {@code --kubeconfig}, {@code --context}).
 *
 * @param addons    catalog ids in the order given
 * @param values    {@code id.parameter} to the text as typed ({@code --set})
 * @param selector  labels of the spokes' Argo CD cluster secrets (empty: {@code clusterType=spoke})
 * @param spokes    spokes by name, instead of a selector
 * @param gitops    the GitOps repository: for add-ons that sync a folder of it and, with apply, where to commit
 * @param common    the connection flags (apply)
 * @param branch    apply --gitops: the new branch
 * @param plan      apply: print every object (or file) and stop
 * @param dryRun    apply: run the preflight and stop
 * @param overrides apply: preflight warnings to go on despite
 * @param charts    add-ons the user adds by chart coordinates ({@code --chart ID=REPOSITORY/CHART@VERSION})
 */
public record AddonsOptions(
        String action,
        List<String> addons,
        Map<String, String> values,
        Map<String, String> selector,
        List<String> spokes,
        Optional<String> gitops,
        String base,
        boolean help,
        Options common,
        Optional<String> branch,
        boolean plan,
        boolean dryRun,
        List<String> overrides,
        List<dev.backstack.panel.model.addon.AddonEntry> charts) {

    public static final String USAGE = """
            Usage: backstack-panel addons list|render|apply [options]

              list                   the add-on catalog: id, chart and version, namespace, needs, parameters
              render                 the Argo CD ApplicationSets for the chosen add-ons, as YAML (no cluster needed)
              apply                  the same ApplicationSets: preflight on the hub (server-side dry run), then
                                     server-side apply to the hub's argocd namespace, or commit to the GitOps
                                     repository with --gitops

            Options (render, apply):
              --addon ID             a catalog entry (repeatable)
              --chart ID=REPO/CHART@VERSION
                                     an add-on of your own by chart coordinates, pinned (repeatable), e.g.
                                     --chart trivy=https://aquasecurity.github.io/helm-charts/trivy-operator@0.24.1
              --chart-namespace ID=NS  where that chart is installed on each spoke (default: its ID)
              --set ID.PARAM=VALUE   a parameter (PARAM is the dotted values path `addons list` shows)
              --selector K=V         the spokes whose Argo CD cluster secrets carry this label (repeatable;
                                     default clusterType=spoke)
              --spoke NAME           a spoke by its Argo CD cluster name instead (repeatable)
              --gitops REPO_URL      the GitOps repository (for backstack-policies, which syncs its policies/spokes;
                                     with apply: commit there on a new branch instead of applying)
              --base BRANCH          the branch those add-ons follow and a commit starts from (default main)

            Options (apply):
              --branch NAME          --gitops: the new branch (default backstack-panel/addons-<ids>)
              --plan                 print every object (or file) and stop
              --dry-run              run the preflight and stop
              --accept-warning ID    go on despite the preflight warning ID (repeatable)
              --demo, --kubeconfig FILE, --context NAME   the hub to connect to (see backstack-panel --help)

            The GitOps token comes from GITHUB_TOKEN (never an argument).
            Exit codes: 0 done (or nothing to change), 1 the run failed, 2 usage, 3 no connection,
            4 the preflight blocked (or a warning was not accepted), 5 cancelled.
            """;

    /** Parses {@code addons ACTION [flags]}. */
    public static AddonsOptions parse(String... args) {
        if (args.length >= 2 && List.of("--help", "-h").contains(args[1])) {
            return new AddonsOptions(
                    "list",
                    List.of(),
                    Map.of(),
                    Map.of(),
                    List.of(),
                    Optional.empty(),
                    "main",
                    true,
                    Options.parse(),
                    Optional.empty(),
                    false,
                    false,
                    List.of(),
                    List.of());
        }
        if (args.length < 2 || !List.of("list", "render", "apply").contains(args[1])) {
            throw new IllegalArgumentException("addons needs list, render or apply\n\n" + USAGE);
        }
        boolean apply = args[1].equals("apply");
        List<String> addons = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> selector = new LinkedHashMap<>();
        List<String> spokes = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        Map<String, String> charts = new LinkedHashMap<>();
        Map<String, String> chartNamespaces = new LinkedHashMap<>();
        List<String> common = new ArrayList<>();
        String gitops = null;
        String branch = null;
        String base = "main";
        boolean help = false;
        boolean plan = false;
        boolean dryRun = false;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (!apply
                    && List.of(
                                    "--branch",
                                    "--plan",
                                    "--dry-run",
                                    "--accept-warning",
                                    "--demo",
                                    "--kubeconfig",
                                    "--context")
                            .contains(a)) {
                throw new IllegalArgumentException(a + " is an option of addons apply\n\n" + USAGE);
            }
            switch (a) {
                case "--addon" -> addons.add(ArgValues.value(args, ++i, a, USAGE));
                case "--chart" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, charts);
                case "--chart-namespace" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, chartNamespaces);
                case "--set" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, values);
                case "--selector" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, selector);
                case "--spoke" -> spokes.add(ArgValues.value(args, ++i, a, USAGE));
                case "--gitops" -> gitops = ArgValues.value(args, ++i, a, USAGE);
                case "--base" -> base = ArgValues.value(args, ++i, a, USAGE);
                case "--branch" -> branch = ArgValues.value(args, ++i, a, USAGE);
                case "--plan" -> plan = true;
                case "--dry-run" -> dryRun = true;
                case "--accept-warning" -> overrides.add(ArgValues.value(args, ++i, a, USAGE));
                case "--kubeconfig", "--context" -> {
                    common.add(a);
                    common.add(ArgValues.value(args, ++i, a, USAGE));
                }
                case "--demo" -> common.add(a);
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument: " + a + "\n\n" + USAGE);
            }
        }
        if (!selector.isEmpty() && !spokes.isEmpty()) {
            throw new IllegalArgumentException("choose spokes by --selector or by --spoke, not both");
        }
        if (plan && dryRun) {
            throw new IllegalArgumentException("--plan and --dry-run are separate steps: choose one");
        }
        if (branch != null && gitops == null) {
            throw new IllegalArgumentException("--branch names the branch of a GitOps delivery: give --gitops too");
        }
        for (String id : chartNamespaces.keySet()) {
            if (!charts.containsKey(id)) {
                throw new IllegalArgumentException("--chart-namespace " + id + ": no --chart " + id + "=...");
            }
        }
        List<dev.backstack.panel.model.addon.AddonEntry> added = new ArrayList<>();
        charts.forEach((id, coordinates) -> {
            added.add(dev.backstack.panel.model.addon.AddonEntry.ofChart(id, coordinates, chartNamespaces.get(id)));
            if (!addons.contains(id)) {
                addons.add(id);
            }
        });
        return new AddonsOptions(
                args[1],
                List.copyOf(addons),
                values,
                selector,
                List.copyOf(spokes),
                Optional.ofNullable(gitops),
                base,
                help,
                Options.parse(common.toArray(String[]::new)),
                Optional.ofNullable(branch),
                plan,
                dryRun,
                List.copyOf(overrides),
                List.copyOf(added));
    }
}
