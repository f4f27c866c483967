package dev.backstack.panel.app.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the real-API-server tier runs: it always runs when the binaries can be had. Without
 * them it is skipped with one line saying how to enable it, unless {@code -Dit.require=true}
 * (CI), where a missing tier is a failure.
 */
final class RealApiServerTier {

    private static boolean announced;

    private RealApiServerTier() {}

    static void requireOrSkip(KubeBinaries.Result found) {
        if (found.dir().isPresent()) {
            return;
        }
        String line = "Real API server tier skipped: " + found.problem()
                + ". Enable it with tools/kube-binaries/build.sh (needs Go 1.26 and the Go module proxy).";
        if (Boolean.getBoolean("it.require") || found.buildable()) {
            Assertions.fail("Real API server tier required but unavailable: " + found.problem());
        }
        synchronized (RealApiServerTier.class) {
            if (!announced) {
                announced = true;
                System.err.println(line);
            }
        }
        Assumptions.abort(line);
    }
}
