package dev.backstack.panel.app.spoke;

import dev.backstack.panel.app.ArgValues;
import dev.backstack.panel.app.Options;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flags of {@code spoke render|apply}; the connection flags ({@code --demo},
 * {@code --kubeconfig}, {@code --context} for the hub) are the shared {@link Options}'.
 *
 * @param register the kubeconfig context of an existing cluster to register, instead of a new claim
 */
public record SpokeOptions(
        String action,
        Options common,
        Optional<ClusterKind> kind,
        String id,
        String namespace,
        String region,
        String version,
        int nodes,
        String nodeSize,
        String iamRole,
        Optional<String> register,
        Optional<String> gitops,
        String base,
        Optional<String> branch,
        boolean plan,
        boolean dryRun,
        List<String> overrides) {

    public static final String USAGE = """
            Usage: backstack-panel spoke render|apply [options]

              render               print the claim (no cluster needed), or with --register the objects a
                                   registration writes (the ServiceAccount token redacted)
              apply                guardrails and preflight on the hub, then apply the claim on the hub or
                                   commit it to the GitOps repository; or register an existing cluster

            A new cluster (clusters-as-a-service):
              --kind aks|eks       the claim kind: AKSCluster or EKSCluster
              --id ID              the spoke's id (also the claim's name)
              --region REGION      the cloud region
              --version MINOR      the Kubernetes version (default: the API's default)
              --nodes N            the node count (default 2)
              --node-size SIZE     instance type or VM size (default: the API's default)
              --namespace NS       the claim's namespace on the hub (default default)
              --iam-role ARN       EKS: the IAM role to connect as cluster admin

            An existing cluster:
              --register CONTEXT   the kubeconfig context of the cluster to register; a ServiceAccount is
                                   created on it and Argo CD gets its token, never your credentials
              --id NAME            the spoke's name in Argo CD (default: the context's name)

            Delivery (apply):
              --gitops REPO_URL    commit the claim to demo/clusters on a new branch instead of applying it
              --base BRANCH        the branch to start from (default main)
              --branch NAME        the new branch (default backstack/spoke-<id>)
              --plan               print every object (or file) and stop
              --dry-run            run the guardrails and the preflight and stop
              --accept-warning ID  go on despite the preflight warning ID (repeatable)

            Connection: --demo, --kubeconfig FILE, --context NAME (the hub; see backstack-panel --help).
            The GitOps token comes from GITHUB_TOKEN (never an argument).
            Exit codes: 0 done, 1 failed, 2 usage, 3 no connection, 4 blocked by the preflight, 5 cancelled.
            """;

    /** Parses {@code spoke ACTION [flags]}. */
    public static SpokeOptions parse(String... args) {
        if (args.length < 2 || !List.of("render", "apply").contains(args[1])) {
            if (args.length >= 2 && List.of("--help", "-h").contains(args[1])) {
                return new Builder("help").build(Options.parse("--help"));
            }
            throw new IllegalArgumentException("spoke needs render or apply\n\n" + USAGE);
        }
        Builder b = new Builder(args[1]);
        List<String> common = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            i = b.take(args, i, common);
        }
        return b.build(Options.parse(common.toArray(String[]::new)));
    }

    /** True for a registration of an existing cluster. */
    public boolean registers() {
        return register.isPresent();
    }

    /** The request for a new cluster; the defaults of the claim schema are filled in by the command. */
    public SpokeRequest request(String defaultVersion, String defaultSize) {
        SpokeRequest r = new SpokeRequest(
                kind.orElseThrow(),
                id,
                namespace,
                region,
                version.isEmpty() ? defaultVersion : version,
                nodes,
                nodeSize.isEmpty() ? defaultSize : nodeSize,
                iamRole,
                SpokeRequest.Delivery.APPLY,
                null);
        return gitops.map(repo -> r.withDelivery(
                        SpokeRequest.Delivery.GITOPS,
                        new SpokeRequest.GitOps(repo, base, branch.orElse("backstack/spoke-" + id))))
                .orElse(r);
    }

    public Registration registration() {
        String context = register.orElseThrow();
        return Registration.of(context, id.isEmpty() ? context : id);
    }

    private static final class Builder {
        private final String action;
        private final List<String> overrides = new ArrayList<>();
        private ClusterKind kind;
        private String id = "";
        private String namespace = SpokeRequest.DEFAULT_NAMESPACE;
        private String region = "";
        private String version = "";
        private int nodes = 2;
        private String nodeSize = "";
        private String iamRole = "";
        private String register;
        private String gitops;
        private String base = "main";
        private String branch;
        private boolean plan;
        private boolean dryRun;

        Builder(String action) {
            this.action = action;
        }

        int take(String[] args, int i, List<String> common) {
            String a = args[i];
            switch (a) {
                case "--kind" -> kind = ClusterKind.parse(ArgValues.value(args, ++i, a, USAGE));
                case "--id" -> id = ArgValues.value(args, ++i, a, USAGE);
                case "--namespace" -> namespace = ArgValues.value(args, ++i, a, USAGE);
                case "--region" -> region = ArgValues.value(args, ++i, a, USAGE);
                case "--version" -> version = ArgValues.value(args, ++i, a, USAGE);
                case "--nodes" -> {
                    String n = ArgValues.value(args, ++i, a, USAGE);
                    try {
                        nodes = Integer.parseInt(n);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--nodes needs a whole number, not " + n);
                    }
                }
                case "--node-size" -> nodeSize = ArgValues.value(args, ++i, a, USAGE);
                case "--iam-role" -> iamRole = ArgValues.value(args, ++i, a, USAGE);
                case "--register" -> register = ArgValues.value(args, ++i, a, USAGE);
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
                case "--demo", "--help", "-h" -> common.add(a);
                default -> throw new IllegalArgumentException("unknown argument: " + a + "\n\n" + USAGE);
            }
            return i;
        }

        SpokeOptions build(Options common) {
            if (!action.equals("help") && !common.help()) {
                if (plan && dryRun) {
                    throw new IllegalArgumentException("--plan and --dry-run are separate steps: choose one");
                }
                if (register != null && (kind != null || gitops != null)) {
                    throw new IllegalArgumentException(
                            "--register registers an existing cluster: it takes no --kind " + "and no --gitops");
                }
                if (register == null && kind == null) {
                    throw new IllegalArgumentException(
                            "choose --kind aks|eks for a new cluster, or --register CONTEXT " + "for an existing one");
                }
                if (register == null && id.isBlank()) {
                    throw new IllegalArgumentException("a new cluster needs --id ID");
                }
            }
            return new SpokeOptions(
                    action,
                    common,
                    Optional.ofNullable(kind),
                    id,
                    namespace,
                    region,
                    version,
                    nodes,
                    nodeSize,
                    iamRole,
                    Optional.ofNullable(register),
                    Optional.ofNullable(gitops),
                    base,
                    Optional.ofNullable(branch),
                    plan,
                    dryRun,
                    List.copyOf(overrides));
        }
    }
}
