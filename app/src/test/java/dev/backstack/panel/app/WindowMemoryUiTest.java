package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backstack.panel.views.shell.DashboardView;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The window remembers its size, position, dividers and tab between runs, in a Preferences node. */
class WindowMemoryUiTest {

    private final FxRobot robot = new FxRobot();
    private Preferences prefs;
    private Stage stage;

    @BeforeEach
    void ownNode() throws Exception {
        prefs = ThrowawayWindowPreferences.fresh();
        PanelApp.useWindowPreferences(prefs);
        PanelApp.useOptions(Options.parse("--demo"));
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void removeNode() throws Exception {
        FxToolkit.cleanupStages();
        ThrowawayWindowPreferences.remove(prefs);
    }

    @Test
    @DisplayName("a window resized, moved, re-divided and on another tab opens the same way next time")
    void reopensAsItWasLeft() throws Exception {
        PanelApp app = open();
        Rectangle2D screen = FxPoll.onFx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(FxPoll.onFx(() -> stage.getWidth()))
                .as("the first window fits the screen")
                .isLessThanOrEqualTo(screen.getWidth());
        assertOnScreen(screen);

        FxPoll.onFx(() -> {
            stage.setX(120);
            stage.setY(90);
            stage.setWidth(1000);
            stage.setHeight(700);
            DashboardView view = dashboard();
            view.splitPanes().get(0).setDividerPositions(0.55);
            view.splitPanes().get(1).setDividerPositions(0.62);
            view.tabs().getSelectionModel().select(4);
            return null;
        });
        close(app);
        assertThat(prefs.getDouble("width", -1)).isEqualTo(1000);

        FxPoll.onFx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1500);
            stage.setHeight(950);
            return null;
        });
        app = open();
        assertThat(FxPoll.onFx(() -> new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()}))
                .containsExactly(120, 90, 1000, 700);
        FxPoll.until(10, () -> Math.abs(dashboard().splitPanes().get(0).getDividerPositions()[0] - 0.55) < 0.02);
        assertThat(FxPoll.onFx(() -> dashboard().splitPanes().get(1).getDividerPositions()[0]))
                .isCloseTo(0.62, within(0.02));
        assertThat(FxPoll.onFx(() ->
                        dashboard().tabs().getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("Watches");
        close(app);
    }

    @Test
    @DisplayName("a remembered place off every screen is ignored, and a window larger than the screen shrinks to it")
    void offScreenIgnoredAndTooLargeClamped() throws Exception {
        prefs.putDouble("x", 5000);
        prefs.putDouble("y", 4000);
        prefs.putDouble("width", 900);
        prefs.putDouble("height", 600);
        PanelApp app = open();
        Rectangle2D screen = FxPoll.onFx(() -> Screen.getPrimary().getVisualBounds());
        assertOnScreen(screen);
        assertThat(FxPoll.onFx(() -> stage.getWidth()))
                .as("the default size, not the remembered one")
                .isNotEqualTo(900);
        close(app);

        prefs.putDouble("x", -200);
        prefs.putDouble("y", 10);
        prefs.putDouble("width", screen.getWidth() + 800);
        prefs.putDouble("height", screen.getHeight() + 500);
        app = open();
        assertOnScreen(screen);
        assertThat(FxPoll.onFx(() -> new double[] {stage.getWidth(), stage.getHeight()}))
                .containsExactly(screen.getWidth(), screen.getHeight());
        close(app);
    }

    @Test
    @DisplayName("a maximised window opens maximised, and un-maximises to the size it had before")
    void remembersMaximised() throws Exception {
        PanelApp app = open();
        FxPoll.onFx(() -> {
            stage.setX(60);
            stage.setY(50);
            stage.setWidth(900);
            stage.setHeight(640);
            stage.setMaximized(true);
            return null;
        });
        FxPoll.until(10, () -> stage.isMaximized());
        close(app);
        assertThat(prefs.getBoolean("maximized", false)).isTrue();
        assertThat(new double[] {
                    prefs.getDouble("x", -1),
                    prefs.getDouble("y", -1),
                    prefs.getDouble("width", -1),
                    prefs.getDouble("height", -1)
                })
                .as("the normal bounds, not the maximised ones")
                .containsExactly(60, 50, 900, 640);

        FxPoll.onFx(() -> {
            stage.setMaximized(false);
            return null;
        });
        app = open();
        assertThat(FxPoll.onFx(() -> stage.isMaximized())).isTrue();
        close(app);
    }

    private PanelApp open() throws Exception {
        PanelApp app = (PanelApp) FxToolkit.setupApplication(PanelApp.class);
        FxPoll.until(
                10,
                () -> stage.isShowing() && robot.lookup("#dashboard").tryQuery().isPresent());
        return app;
    }

    private void close(PanelApp app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private DashboardView dashboard() {
        return (DashboardView) stage.getScene().getRoot();
    }

    private void assertOnScreen(Rectangle2D screen) throws Exception {
        double[] b = FxPoll.onFx(() -> new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()});
        assertThat(b[0]).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(b[1]).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(b[0] + b[2]).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(b[1] + b[3]).isLessThanOrEqualTo(screen.getMaxY());
    }
}
