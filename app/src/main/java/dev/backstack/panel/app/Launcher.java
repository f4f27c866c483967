package dev.backstack.panel.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code main}: the window, or {@code status}, {@code compliance}, {@code install}, {@code uninstall} and the wizards' twins ({@link Subcommands}) without one. Not the Application class (see STACK.md). */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        java.util.List<String> argList = java.util.Arrays.asList(args);
        boolean headless = Subcommands.handles(args)
                || argList.contains("status")
                || argList.contains("compliance")
                || argList.contains("install")
                || argList.contains("uninstall");
        if (headless && System.getProperty("panel.log.level") == null) {
            System.setProperty("panel.log.level", "WARN");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // The command line's own output (usage, status report), not logging.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        java.util.OptionalInt exit =
                runWithoutWindow(args, System.getenv(), Path.of(System.getProperty("user.home")), out, err);
        if (exit.isPresent()) {
            System.exit(exit.getAsInt());
            return;
        }
        Options options = Options.parse(args);
        Logger log = LoggerFactory.getLogger(Launcher.class);
        log.info("Starting the BACK Stack control panel");
        PanelApp.launchWith(options);
        // The window is closed: do not wait for connections still closing in the background.
        System.exit(0);
    }

    /**
     * Runs a command line that needs no window: a twin, {@code --help}, a usage error (exit
     * {@link StatusCommand#EXIT_USAGE}, as every command), or a headless command; its exit code.
     * Empty when the arguments ask for the window.
     */
    static java.util.OptionalInt runWithoutWindow(
            String[] args, java.util.Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        java.util.Optional<Integer> twin = Subcommands.run(args, env, home, out, err);
        if (twin.isPresent()) {
            return java.util.OptionalInt.of(twin.get());
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return java.util.OptionalInt.of(StatusCommand.EXIT_USAGE);
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return java.util.OptionalInt.of(0);
        }
        if (options.command().equals("window")) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(runHeadless(options, env, home, out, err));
    }

    /** Runs a command without a window; its exit code. */
    private static int runHeadless(
            Options options, java.util.Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        return switch (options.command()) {
            case "install", "uninstall" ->
                new dev.backstack.panel.app.install.InstallCommand(options, env, System.in, out, err).run();
            case "compliance" -> new ComplianceCommand(options, env, home, out, err).run();
            default -> new StatusCommand(options, env, home, out, err).run();
        };
    }
}
