package dev.backstack.panel.views.fleet;

/** Human durations: "4 s ago", "3 min ago", "2 h ago". */
public final class Ages {

    private Ages() {}

    public static String ago(long millis) {
        long s = Math.max(0, millis / 1000);
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        return s / 3600 + " h ago";
    }
}
