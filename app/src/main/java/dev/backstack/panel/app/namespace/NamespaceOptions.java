package dev.backstack.panel.app.namespace;

import dev.backstack.panel.app.ArgValues;
import dev.backstack.panel.app.Options;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.model.namespace.ContainerDefaults;
import dev.backstack.panel.model.namespace.NamespaceQuota;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.TeamPolicy;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest.GitOpsChoice;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The flags of {@code namespace render|apply}; the connection flags ({@code --demo},
 * {@code --kubeconfig}, {@code --context}, {@code --spoke}) are the shared {@link Options}'.
 *
 * @param base     the namespace as asked, without its policies (validated by the command, which reports every problem)
 * @param policies catalog ids in the order given
 * @param modes    id to the mode given with {@code --mode}
 * @param kyverno  render: the Kyverno version to render for without a connection
 */
public record NamespaceOptions(
        String action,
        Options common,
        NamespaceRequest base,
        List<String> policies,
        Map<String, PolicyMode> modes,
        Optional<String> kyverno,
        boolean plan,
        boolean dryRun,
        List<String> overrides) {

    /** The request with its policies, each in the mode given or the catalog entry's default mode. */
    public NamespaceRequest request(PolicyCatalog catalog) {
        List<TeamPolicy> chosen = policies.stream()
                .map(id -> new TeamPolicy(
                        id,
                        modes.getOrDefault(
                                id, catalog.entry(id).map(e -> e.defaultMode()).orElse(PolicyMode.AUDIT))))
                .toList();
        return base.withPolicies(chosen);
    }

    public static final String USAGE = """
            Usage: backstack-panel namespace render|apply --to SPOKE --name NAME --team GROUP [options]

              render               the namespace's objects: for --kyverno VERSION (no cluster needed), or
                                   with --demo/--context for the spoke's Kyverno
              apply                preflight, then apply to the spoke or commit to the GitOps repository

            The namespace:
              --to SPOKE           the spoke it goes to
              --name NAME          its name (a DNS-1123 label, such as team-a-dev)
              --team GROUP         the group bound to the ClusterRole edit in it
              --cpu QUANTITY       CPU quota (default 4)
              --memory QUANTITY    memory quota (default 8Gi)
              --pods N             pods quota (default 20)
              --request-cpu Q      a container's default CPU request (default 100m)
              --request-memory Q   a container's default memory request (default 128Mi)
              --limit-cpu Q        a container's default CPU limit (default 500m)
              --limit-memory Q     a container's default memory limit (default 512Mi)
              --isolate            deny ingress except from the namespace itself and the ingress namespace
              --ingress-namespace NS  the ingress controller's namespace (default ingress-nginx)
              --policy ID          a catalog policy its workloads must pass (repeatable; policies list)
              --mode ID=MODE       audit or enforce (default: the entry's)
              --kyverno VERSION    render: the Kyverno version to render for (default v1.19.0)

            Delivery (apply):
              --gitops REPO_URL    commit to a new branch of the GitOps repository instead of applying
              --base BRANCH        the branch to start from (default main)
              --branch NAME        the new branch (default backstack/namespace-NAME-<time>)
              --plan               print every object (or file) and stop
              --dry-run            run the preflight and stop
              --accept-warning ID  go on despite the preflight warning ID (repeatable)

            Connection: --demo, --kubeconfig FILE, --context NAME, --spoke NAME (see backstack-panel --help).
            The GitOps token comes from GITHUB_TOKEN (never an argument).
            """;

    private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Parses {@code namespace ACTION [flags]}. */
    public static NamespaceOptions parse(String... args) {
        if (args.length < 2 || !List.of("render", "apply").contains(args[1])) {
            throw new IllegalArgumentException("namespace needs render or apply\n\n" + USAGE);
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
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> policies = new ArrayList<>();
        private final Map<String, String> modes = new LinkedHashMap<>();
        private final List<String> overrides = new ArrayList<>();
        private boolean isolate;
        private boolean plan;
        private boolean dryRun;

        Builder(String action) {
            this.action = action;
        }

        int take(String[] args, int i, List<String> common) {
            String a = args[i];
            switch (a) {
                case "--to",
                        "--name",
                        "--team",
                        "--cpu",
                        "--memory",
                        "--pods",
                        "--request-cpu",
                        "--request-memory",
                        "--limit-cpu",
                        "--limit-memory",
                        "--ingress-namespace",
                        "--kyverno",
                        "--gitops",
                        "--base",
                        "--branch" -> values.put(a, ArgValues.value(args, ++i, a, USAGE));
                case "--policy" -> policies.add(ArgValues.value(args, ++i, a, USAGE));
                case "--mode" -> ArgValues.pair(ArgValues.value(args, ++i, a, USAGE), a, modes);
                case "--isolate" -> isolate = true;
                case "--plan" -> plan = true;
                case "--dry-run" -> dryRun = true;
                case "--accept-warning" -> overrides.add(ArgValues.value(args, ++i, a, USAGE));
                case "--kubeconfig", "--context", "--spoke" -> {
                    common.add(a);
                    common.add(ArgValues.value(args, ++i, a, USAGE));
                }
                case "--demo", "--help", "-h" -> common.add(a);
                default -> throw new IllegalArgumentException("unknown argument: " + a + "\n\n" + USAGE);
            }
            return i;
        }

        NamespaceOptions build(Options common) {
            if (plan && dryRun) {
                throw new IllegalArgumentException("--plan and --dry-run are separate steps: choose one");
            }
            for (String required : List.of("--to", "--name", "--team")) {
                if (!values.containsKey(required) && !common.help()) {
                    throw new IllegalArgumentException("namespace " + action + " needs " + required + "\n\n" + USAGE);
                }
            }
            modes.keySet().stream()
                    .filter(k -> !policies.contains(k))
                    .findFirst()
                    .ifPresent(k -> {
                        throw new IllegalArgumentException(
                                "--mode " + k + ": that policy is not chosen (add --policy " + k + ")");
                    });
            Map<String, PolicyMode> chosenModes = new LinkedHashMap<>();
            modes.forEach((id, m) -> chosenModes.put(id, mode(id, m)));
            NamespaceQuota d = NamespaceQuota.DEFAULT;
            ContainerDefaults c = ContainerDefaults.DEFAULT;
            String name = values.getOrDefault("--name", "");
            GitOpsChoice gitops = values.containsKey("--gitops")
                    ? new GitOpsChoice(
                            values.get("--gitops"),
                            values.getOrDefault("--base", "main"),
                            values.getOrDefault(
                                    "--branch",
                                    "backstack/namespace-" + name + "-"
                                            + LocalDateTime.now().format(BRANCH_TIME)))
                    : null;
            NamespaceRequest r = new NamespaceRequest(
                    values.getOrDefault("--to", ""),
                    name,
                    values.getOrDefault("--team", ""),
                    new NamespaceQuota(
                            values.getOrDefault("--cpu", d.cpu()),
                            values.getOrDefault("--memory", d.memory()),
                            values.getOrDefault("--pods", d.pods())),
                    new ContainerDefaults(
                            values.getOrDefault("--request-cpu", c.requestCpu()),
                            values.getOrDefault("--request-memory", c.requestMemory()),
                            values.getOrDefault("--limit-cpu", c.limitCpu()),
                            values.getOrDefault("--limit-memory", c.limitMemory())),
                    isolate,
                    values.getOrDefault("--ingress-namespace", NamespaceRequest.DEFAULT_INGRESS_NAMESPACE),
                    List.of(),
                    gitops);
            return new NamespaceOptions(
                    action,
                    common,
                    r,
                    List.copyOf(policies),
                    Map.copyOf(chosenModes),
                    Optional.ofNullable(values.get("--kyverno")),
                    plan,
                    dryRun,
                    List.copyOf(overrides));
        }

        private static PolicyMode mode(String id, String m) {
            try {
                return PolicyMode.valueOf(m.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(id + ": mode must be audit or enforce, not " + m);
            }
        }
    }
}
