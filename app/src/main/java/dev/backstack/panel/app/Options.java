package dev.backstack.panel.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code [status] [--demo] [--kubeconfig FILE] [--context NAME] [--spoke NAME]...
 * [--output table|json] [--wait SECONDS]}.
 */
public record Options(boolean status, boolean demo, Optional<Path> kubeconfig, Optional<String> context,
        List<String> spokes, String output, int waitSeconds, boolean help) {

    public static final String USAGE = """
            Usage: backstack-panel [status] [options]

              (no command)        open the control panel window
              status              print the fleet's status and exit (0 = everything Healthy)

            Options:
              --demo              use the built-in simulated demo fleet (the default without a kubeconfig)
              --kubeconfig FILE   read contexts from FILE instead of $KUBECONFIG or ~/.kube/config
              --context NAME      the hub's context (default: the kubeconfig's current context)
              --spoke NAME        also connect to context NAME as a spoke (repeatable)
              --output FORMAT     status output: table (default) or json
              --wait SECONDS      status: wait up to SECONDS for the fleet to become Healthy (default 0)
              --help              show this help
            """;

    /** Parses arguments; throws {@link IllegalArgumentException} with a readable message. */
    public static Options parse(String... args) {
        boolean status = false;
        boolean demo = false;
        boolean help = false;
        Path kubeconfig = null;
        String context = null;
        List<String> spokes = new ArrayList<>();
        String output = "table";
        int wait = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "status" -> status = true;
                case "--demo" -> demo = true;
                case "--help", "-h" -> help = true;
                case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, a));
                case "--context" -> context = value(args, ++i, a);
                case "--spoke" -> spokes.add(value(args, ++i, a));
                case "--output", "-o" -> output = value(args, ++i, a);
                case "--wait" -> wait = seconds(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument: " + a + "\n\n" + USAGE);
            }
        }
        if (!output.equals("table") && !output.equals("json")) {
            throw new IllegalArgumentException("--output must be table or json, not " + output);
        }
        return new Options(status, demo, Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
                List.copyOf(spokes), output, wait, help);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value\n\n" + USAGE);
        }
        return args[i];
    }

    private static int seconds(String s) {
        try {
            int v = Integer.parseInt(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--wait needs a number of seconds, not " + s);
        }
    }
}
