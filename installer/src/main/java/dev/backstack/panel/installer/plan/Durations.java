package dev.backstack.panel.installer.plan;

import java.time.Duration;

/** Durations as a person reads them: {@code 45s}, {@code 3m}, {@code 2m 30s}. */
public final class Durations {

    private Durations() {}

    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + "ms";
        }
        if (s < 60) {
            return s + "s";
        }
        return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m " + s % 60 + "s";
    }
}
