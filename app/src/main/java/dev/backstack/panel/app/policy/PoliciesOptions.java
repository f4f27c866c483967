package dev.backstack.panel.app.policy;

import dev.backstack.panel.app.ArgValues;
import dev.backstack.panel.app.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags of {@code policies list|render|apply}; the connection flags ({@code --demo},
 * {@code --kubeconfig}, {@code --context}, {@code --spoke}) are the shared {@link Options}'.
 *
 * @param policies catalog ids in the order given
 * @param modes    id to {@code audit} or {@code enforce}
 * @param values   {@code id.parameter} to the text as typed ({@code --set})
 * @param to       {@code hub}, {@code spokes} or a spoke's name (repeatable)
 */
public record PoliciesOptions(
        String action,
        Options common,
        List<String> policies,
        Map<String, String> modes,
        Map<String, String> values,
        List<String> exclude,
        List<String> to,
        Map<String, String> selector,
        Optional<String> kyverno,
        Optional<String> gitops,
        String base,
        Optional<String> branch,
        boolean plan,
        boolean dryRun,
        boolean impact,
        List<String> overrides,
        String output) {

    public static final String USAGE = """
            Usage: backstack-panel policies list|render|apply [options]

              list                 the catalog: id, category, severity, default mode, parameters
              render               the Kyverno objects for the chosen policies: for --kyverno VERSION (no
                                   cluster needed), or with --demo/--context for each --to target's Kyverno
              apply                preflight (with the Enforce impact), then apply or commit to the fleet

            Choosing policies:
              --policy ID          a catalog entry (repeatable)
              --mode ID=MODE       audit or enforce (default: the entry's)
              --set ID.PARAM=VALUE a parameter (lists comma-separated)
              --exclude NAMESPACE  leave this namespace alone (repeatable)
              --kyverno VERSION    render: the Kyverno version to render for (default v1.19.0)

            Targets and delivery (apply):
              --to hub|spokes|NAME where the policies go (repeatable; default hub)
              --gitops REPO_URL    commit to a new branch of the GitOps repository instead of applying
              --base BRANCH        the branch to start from (default main)
              --branch NAME        the new branch (default backstack/policies-<time>)
              --selector K=V       GitOps: the spokes' ApplicationSet selector (default clusterType=spoke)
              --impact             print the impact preview: what Enforce would refuse today
              --plan               print every object (or file) and stop
              --dry-run            run the preflight and stop
              --accept-warning ID  go on despite the preflight warning ID (repeatable)
              --output table|json  list: the output format

            Connection: --demo, --kubeconfig FILE, --context NAME, --spoke NAME (see backstack-panel --help).
            The GitOps token comes from GITHUB_TOKEN (never an argument).
            """;

    /** Parses {@code policies ACTION [flags]}. */
    public static PoliciesOptions parse(String... args) {
        if (args.length < 2 || !List.of("list", "render", "apply").contains(args[1])) {
            throw new IllegalArgumentException("policies needs list, render or apply\n\n" + USAGE);
        }
        Builder b = new Builder(args[1]);
        List<String> common = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            i = b.take(args, i, common);
        }
        return b.build(Options.parse(common.toArray(String[]::new)));
    }

    private static final class Builder {
        private final String action;
        private final List<String> policies = new ArrayList<>();
        private final Map<String, String> modes = new LinkedHashMap<>();
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> exclude = new ArrayList<>();
        private final List<String> to = new ArrayList<>();
        private final Map<String, String> selector = new LinkedHashMap<>();
        private final List<String> overrides = new ArrayList<>();
        private String kyverno;
        private String gitops;
        private String base = "main";
        private String branch;
        private boolean plan;
        private boolean dryRun;
        private boolean impact;
        private String output = "table";

        Builder(String action) {
            this.action = action;
        }

        int take(String[] args, int i, List<String> common) {
            String a = args[i];
            switch (a) {
                case "--policy" -> policies.add(ArgValues.value(args, ++i, a, USAGE));
                case "--mode" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, modes);
                case "--set" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, values);
                case "--exclude" -> exclude.add(ArgValues.value(args, ++i, a, USAGE));
                case "--kyverno" -> kyverno = ArgValues.value(args, ++i, a, USAGE);
                case "--to" -> to.add(ArgValues.value(args, ++i, a, USAGE));
                case "--selector" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, selector);
                case "--gitops" -> gitops = ArgValues.value(args, ++i, a, USAGE);
                case "--base" -> base = ArgValues.value(args, ++i, a, USAGE);
                case "--branch" -> branch = ArgValues.value(args, ++i, a, USAGE);
                case "--plan" -> plan = true;
                case "--dry-run" -> dryRun = true;
                case "--impact" -> impact = true;
                case "--accept-warning" -> overrides.add(ArgValues.value(args, ++i, a, USAGE));
                case "--output", "-o" -> output = ArgValues.value(args, ++i, a, USAGE);
                case "--kubeconfig", "--context", "--spoke" -> {
                    common.add(a);
                    common.add(ArgValues.value(args, ++i, a, USAGE));
                }
                case "--demo", "--help", "-h" -> common.add(a);
                default -> throw new IllegalArgumentException("unknown argument: " + a + "\n\n" + USAGE);
            }
            return i;
        }

        PoliciesOptions build(Options common) {
            if (!List.of("table", "json").contains(output)) {
                throw new IllegalArgumentException("--output must be table or json, not " + output);
            }
            if (plan && dryRun) {
                throw new IllegalArgumentException("--plan and --dry-run are separate steps: choose one");
            }
            return new PoliciesOptions(
                    action,
                    common,
                    List.copyOf(policies),
                    modes,
                    values,
                    List.copyOf(exclude),
                    to.isEmpty() ? List.of("hub") : List.copyOf(to),
                    selector,
                    Optional.ofNullable(kyverno),
                    Optional.ofNullable(gitops),
                    base,
                    Optional.ofNullable(branch),
                    plan,
                    dryRun,
                    impact,
                    List.copyOf(overrides),
                    output);
        }
    }
}
