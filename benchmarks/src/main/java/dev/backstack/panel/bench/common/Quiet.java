package dev.backstack.panel.bench.common;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps logging out of the measurement: fabric8's mock server logs every request through
 * java.util.logging at INFO (see STACK.md), which at 200 requests/s would cost more than the
 * panel. SLF4J output (logback, the app's logback.xml) is left as the app configures it.
 */
public final class Quiet {

    private Quiet() {}

    public static void julWarningsOnly() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {
            h.setLevel(Level.WARNING);
        }
    }
}
