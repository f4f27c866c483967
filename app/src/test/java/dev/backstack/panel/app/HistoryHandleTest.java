package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the window and the command keep the compliance history. */
class HistoryHandleTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("a real fleet's history lives next to the journals, under XDG_CONFIG_HOME or ~/.config")
    void realFleetHistoryInTheConfigFolder() throws Exception {
        Path dir = AppDirs.compliance(Map.of(), home);
        assertThat(dir).isEqualTo(home.resolve(".config/backstack-panel/compliance"));
        assertThat(AppDirs.compliance(
                        Map.of("XDG_CONFIG_HOME", home.resolve("x").toString()), home))
                .isEqualTo(home.resolve("x/backstack-panel/compliance"));
        try (HistoryHandle h = HistoryHandle.open(dir, false, 0)) {
            assertThat(h.history().snapshot().samples()).isEmpty();
        }
        assertThat(dir.resolve("history.mv.db")).exists();
    }

    @Test
    @DisplayName("the demo's history goes to a temporary folder, deleted on close, never the user's")
    void demoHistoryIsTemporary() throws Exception {
        Path dir = AppDirs.compliance(Map.of(), home);
        try (HistoryHandle h = HistoryHandle.open(dir, true, 0)) {
            assertThat(h.history().snapshot()).isNotNull();
        }
        assertThat(dir).doesNotExist();
    }
}
