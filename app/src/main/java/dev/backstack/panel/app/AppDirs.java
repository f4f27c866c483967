package dev.backstack.panel.app;

import java.nio.file.Path;
import java.util.Map;

/** Where the panel keeps its local files: {@code $XDG_CONFIG_HOME/backstack-panel} or {@code ~/.config/backstack-panel}. */
public final class AppDirs {

    private AppDirs() {}

    public static Path config(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        return config.resolve("backstack-panel");
    }

    /** The local copies of plan journals. */
    public static Path journals(Map<String, String> env, Path home) {
        return config(env, home).resolve("journals");
    }

    /** The compliance history of real fleets (the demo's goes to a temporary folder). */
    public static Path compliance(Map<String, String> env, Path home) {
        return config(env, home).resolve("compliance");
    }
}
