package dev.backstack.panel.app;

import java.util.Map;

/** How the commands read a flag's value and a {@code KEY=VALUE} pair, with the same messages everywhere. */
public final class ArgValues {

    private ArgValues() {}

    /** The value after a flag; {@code usage} ends the message when it is missing. */
    public static String value(String[] args, int i, String flag, String usage) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value\n\n" + usage);
        }
        return args[i];
    }

    /** Puts {@code KEY=VALUE} (both stripped) into {@code into}. */
    public static void pair(String text, String flag, Map<String, String> into) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(flag + " needs KEY=VALUE, not " + text);
        }
        into.put(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }
}
