package dev.backstack.panel.app;

import dev.backstack.panel.app.install.PlanExits;
import dev.backstack.panel.app.namespace.NamespaceCommand;
import dev.backstack.panel.app.namespace.NamespaceOptions;
import dev.backstack.panel.app.policy.PoliciesCommand;
import dev.backstack.panel.app.policy.PoliciesOptions;
import dev.backstack.panel.app.spoke.SpokeCommand;
import dev.backstack.panel.app.spoke.SpokeOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The wizards' headless twins, each with its own options: {@code policies}, {@code addons},
 * {@code spoke}, {@code namespace}. Parse, print the usage on {@code --help}, or run; a usage
 * error exits 2 like every other command.
 */
final class Subcommands {

    /** One twin: its usage text and how it runs once its options parsed. */
    private interface Twin {
        /** Runs, or throws IllegalArgumentException for a usage error. */
        int run(String[] args, Map<String, String> env, Path home, PrintStream out, PrintStream err);
    }

    private static final Map<String, Twin> TWINS = Map.of(
            "policies",
                    (args, env, home, out, err) -> {
                        PoliciesOptions o = PoliciesOptions.parse(args);
                        return o.common().help()
                                ? usage(out, PoliciesOptions.USAGE)
                                : new PoliciesCommand(o, env, home, out, err).run();
                    },
            "addons",
                    (args, env, home, out, err) -> {
                        dev.backstack.panel.app.addon.AddonsOptions o =
                                dev.backstack.panel.app.addon.AddonsOptions.parse(args);
                        return o.help()
                                ? usage(out, dev.backstack.panel.app.addon.AddonsOptions.USAGE)
                                : new dev.backstack.panel.app.addon.AddonsCommand(o, env, home, out, err).run();
                    },
            "spoke",
                    (args, env, home, out, err) -> {
                        SpokeOptions o = SpokeOptions.parse(args);
                        return o.common().help()
                                ? usage(out, SpokeOptions.USAGE)
                                : new SpokeCommand(o, env, home, out, err).run();
                    },
            "namespace",
                    (args, env, home, out, err) -> {
                        NamespaceOptions o = NamespaceOptions.parse(args);
                        return o.common().help()
                                ? usage(out, NamespaceOptions.USAGE)
                                : new NamespaceCommand(o, env, home, out, err).run();
                    });

    private Subcommands() {}

    /** Whether {@code args} start with a twin's name. */
    static boolean handles(String[] args) {
        return args.length > 0 && TWINS.containsKey(args[0]);
    }

    /** Runs the twin {@code args[0]} names; its exit code. */
    static Optional<Integer> run(String[] args, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        if (!handles(args)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TWINS.get(args[0]).run(args, env, home, out, err));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Optional.of(PlanExits.USAGE);
        }
    }

    private static int usage(PrintStream out, String text) {
        out.print(text);
        return PlanExits.OK;
    }
}
