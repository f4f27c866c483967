package dev.backstack.panel.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code [status|compliance|install|uninstall] [options]}. Secrets are never accepted as
 * arguments: they come from environment variables or standard input.
 */
public record Options(
        String command,
        boolean demo,
        Optional<Path> kubeconfig,
        Optional<String> context,
        List<String> spokes,
        String output,
        int waitSeconds,
        boolean help,
        Install install) {

    /** The flags of {@code install} and {@code uninstall}. */
    public record Install(
            boolean plan,
            boolean dryRun,
            Optional<Path> profile,
            boolean credentialsStdin,
            List<String> overrides,
            List<String> keep,
            boolean yes,
            int retries) {
        static Install none() {
            return new Install(false, false, Optional.empty(), false, List.of(), List.of(), false, -1);
        }
    }

    public static final String USAGE = """
            Usage: backstack-panel [status|compliance|install|uninstall] [options]

              (no command)        open the control panel window
              status              print the fleet's status and exit (0 = everything Healthy, 1 = not,
                                  2 = usage error, 3 = no usable hub)
              compliance          print the fleet's Kyverno policy compliance and exit (0 = no fail or error,
                                  1 = failures, 3 = a cluster could not be read)
              install             install (or resume, or upgrade) a BACK Stack hub on the --context cluster
              uninstall           remove the hub, in dependency order
              policies ...        the policy catalog, rendering and delivery (policies --help)
              addons ...          the add-on catalog and its ApplicationSets (addons --help)
              spoke ...           a new AKS or EKS spoke through the hub's APIs, or an existing cluster
                                  registered (spoke --help)
              namespace ...       a team's namespace on a spoke: quota, defaults, binding, isolation,
                                  policies (namespace --help)

            Options:
              --demo              use the built-in simulated demo fleet (the default without a kubeconfig);
                                  install and uninstall then target its empty simulated cluster
              --kubeconfig FILE   read contexts from FILE instead of $KUBECONFIG or ~/.kube/config
              --context NAME      the hub's context (default: the kubeconfig's current context)
              --spoke NAME        also connect to context NAME as a spoke (repeatable)
              --output FORMAT     status: table (default) or json; compliance: table, json, csv or html
              --wait SECONDS      status: wait up to SECONDS for the fleet to become Healthy (default 0);
                                  compliance: for no failures
              --help              show this help

            Install and uninstall:
              --plan              print every object the plan would apply (multi-document YAML), write nothing
              --dry-run           run the preflight only; exit 4 when a blocking check fails
              --profile FILE      the install profile (YAML; see docs/install.md); defaults otherwise
              --credentials-stdin read KEY=value lines (GITHUB_TOKEN, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
                                  AZURE_CREDENTIALS) from standard input instead of the environment
              --accept-warning ID go on despite the preflight warning ID (recorded in the journal; repeatable)
              --keep STEP         uninstall: keep crossplane, providers, credentials or spokes (repeatable)
              --retry N           resume a failed run up to N more times (default 0; 1 on the demo, whose
                                  simulation fails one step once)
              --yes               uninstall: do not ask for the typed confirmation
            """;

    /** Parses arguments; throws {@link IllegalArgumentException} with a readable message. */
    public static Options parse(String... args) {
        String command = "window";
        boolean demo = false;
        boolean help = false;
        Path kubeconfig = null;
        String context = null;
        List<String> spokes = new ArrayList<>();
        String output = "table";
        int wait = 0;
        boolean plan = false;
        boolean dryRun = false;
        Path profile = null;
        boolean stdin = false;
        boolean yes = false;
        int retries = -1;
        List<String> overrides = new ArrayList<>();
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "status", "compliance", "install", "uninstall" -> command = a;
                case "--demo" -> demo = true;
                case "--help", "-h" -> help = true;
                case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, a));
                case "--context" -> context = value(args, ++i, a);
                case "--spoke" -> spokes.add(value(args, ++i, a));
                case "--output", "-o" -> output = value(args, ++i, a);
                case "--wait" -> wait = seconds(value(args, ++i, a));
                case "--plan" -> plan = true;
                case "--dry-run" -> dryRun = true;
                case "--profile" -> profile = Path.of(value(args, ++i, a));
                case "--credentials-stdin" -> stdin = true;
                case "--accept-warning" -> overrides.add(value(args, ++i, a));
                case "--keep" -> keep.add(value(args, ++i, a));
                case "--yes" -> yes = true;
                case "--retry" -> retries = count(value(args, ++i, a), a);
                default -> throw new IllegalArgumentException("unknown argument: " + a + "\n\n" + USAGE);
            }
        }
        checkOutput(command, output);
        if (plan && dryRun) {
            throw new IllegalArgumentException("--plan and --dry-run are separate steps: choose one");
        }
        return new Options(
                command,
                demo,
                Optional.ofNullable(kubeconfig),
                Optional.ofNullable(context),
                List.copyOf(spokes),
                output,
                wait,
                help,
                new Install(
                        plan,
                        dryRun,
                        Optional.ofNullable(profile),
                        stdin,
                        List.copyOf(overrides),
                        List.copyOf(keep),
                        yes,
                        retries));
    }

    /** {@code status} prints table or json; {@code compliance} also csv and html. */
    private static void checkOutput(String command, String output) {
        List<String> formats =
                command.equals("compliance") ? List.of("table", "json", "csv", "html") : List.of("table", "json");
        if (!formats.contains(output)) {
            throw new IllegalArgumentException(
                    "--output must be " + String.join(", ", formats.subList(0, formats.size() - 1)) + " or "
                            + formats.get(formats.size() - 1) + ", not " + output);
        }
    }

    public boolean status() {
        return command.equals("status");
    }

    public boolean compliance() {
        return command.equals("compliance");
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value\n\n" + USAGE);
        }
        return args[i];
    }

    private static int seconds(String s) {
        return count(s, "--wait");
    }

    private static int count(String s, String flag) {
        try {
            int v = Integer.parseInt(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, not " + s);
        }
    }
}
