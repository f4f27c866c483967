package dev.backstack.panel.app.addon;

import dev.backstack.panel.app.ArgValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags of {@code addons list|render}. Nothing here reaches a cluster.
 *
 * @param addons   catalog ids in the order given
 * @param values   {@code id.parameter} to the text as typed ({@code --set})
 * @param selector labels of the spokes' Argo CD cluster secrets (empty: {@code clusterType=spoke})
 * @param spokes   spokes by name, instead of a selector
 * @param gitops   the GitOps repository, for add-ons that sync a folder of it
 */
public record AddonsOptions(String action, List<String> addons, Map<String, String> values,
        Map<String, String> selector, List<String> spokes, Optional<String> gitops, String base, boolean help) {

    public static final String USAGE = """
            Usage: backstack-panel addons list|render [options]

              list                   the add-on catalog: id, chart and version, namespace, needs, parameters
              render                 the Argo CD ApplicationSets for the chosen add-ons, as YAML (no cluster needed)

            Options (render):
              --addon ID             a catalog entry (repeatable)
              --set ID.PARAM=VALUE   a parameter (PARAM is the dotted values path `addons list` shows)
              --selector K=V         the spokes whose Argo CD cluster secrets carry this label (repeatable;
                                     default clusterType=spoke)
              --spoke NAME           a spoke by its Argo CD cluster name instead (repeatable)
              --gitops REPO_URL      the GitOps repository (for backstack-policies, which syncs its policies/spokes)
              --base BRANCH          the branch those add-ons follow (default main)
            """;

    /** Parses {@code addons ACTION [flags]}. */
    public static AddonsOptions parse(String... args) {
        if (args.length >= 2 && List.of("--help", "-h").contains(args[1])) {
            return new AddonsOptions("list", List.of(), Map.of(), Map.of(), List.of(), Optional.empty(), "main", true);
        }
        if (args.length < 2 || !List.of("list", "render").contains(args[1])) {
            throw new IllegalArgumentException("addons needs list or render\n\n" + USAGE);
        }
        List<String> addons = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> selector = new LinkedHashMap<>();
        List<String> spokes = new ArrayList<>();
        String gitops = null;
        String base = "main";
        boolean help = false;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--addon" -> addons.add(ArgValues.value(args, ++i, a, USAGE));
                case "--set" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, values);
                case "--selector" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, selector);
                case "--spoke" -> spokes.add(ArgValues.value(args, ++i, a, USAGE));
                case "--gitops" -> gitops = ArgValues.value(args, ++i, a, USAGE);
                case "--base" -> base = ArgValues.value(args, ++i, a, USAGE);
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument: " + a + "\n\n" + USAGE);
            }
        }
        if (!selector.isEmpty() && !spokes.isEmpty()) {
            throw new IllegalArgumentException("choose spokes by --selector or by --spoke, not both");
        }
        return new AddonsOptions(args[1], List.copyOf(addons), values, selector, List.copyOf(spokes),
                Optional.ofNullable(gitops), base, help);
    }
}
