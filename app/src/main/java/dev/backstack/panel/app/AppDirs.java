package dev.backstack.panel.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the panel keeps its local files: {@code $XDG_CONFIG_HOME/backstack-panel}, else
 * {@code ~/.config/backstack-panel}. The journals and the compliance history live there.
 */
public record AppDirs(Path root) {

    public static AppDirs of(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        return new AppDirs(config.resolve("backstack-panel"));
    }

    /** The plan journals ({@code journals/}). */
    public Path journals() {
        return root.resolve("journals");
    }

    /** The compliance history databases ({@code compliance/}). */
    public Path compliance() {
        return root.resolve("compliance");
    }
}
