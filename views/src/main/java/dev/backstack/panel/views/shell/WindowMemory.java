package dev.backstack.panel.views.shell;

import dev.backstack.panel.views.shell.WindowPlacement.Rect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.event.EventHandler;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the main window between runs in a {@link Preferences} node: its size and position
 * (the normal, not the maximised, bounds), whether it was maximised, the split-pane dividers and
 * the selected tab. Places the window with {@link WindowPlacement} before it is shown, and saves
 * when it closes. Nothing secret is stored. Call on the FX thread.
 */
public final class WindowMemory {

    /** The node the window uses unless told otherwise. */
    public static final String NODE = "dev/backstack/panel/window";

    static final double DEFAULT_WIDTH = 1360;
    static final double DEFAULT_HEIGHT = 860;
    private static final Logger LOG = LoggerFactory.getLogger(WindowMemory.class);
    private static final String X = "x";
    private static final String Y = "y";
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";
    private static final String MAXIMIZED = "maximized";
    private static final String DIVIDERS = "dividers.";
    private static final String TAB = "tab";

    private final Stage stage;
    private final List<SplitPane> splits;
    private final TabPane tabs;
    private final Preferences prefs;
    private Rect normal;

    private WindowMemory(Stage stage, List<SplitPane> splits, TabPane tabs, Preferences prefs) {
        this.stage = stage;
        this.splits = List.copyOf(splits);
        this.tabs = tabs;
        this.prefs = prefs;
    }

    /** The user's own node. */
    public static Preferences userNode() {
        return Preferences.userRoot().node(NODE);
    }

    /**
     * Restores what {@code prefs} remembers onto the (not yet shown) stage, and saves there when
     * it is asked to close and when it hides; after hiding it lets go of the stage.
     */
    public static WindowMemory attach(Stage stage, List<SplitPane> splits, TabPane tabs, Preferences prefs) {
        WindowMemory memory = new WindowMemory(stage, splits, tabs, prefs);
        memory.restore();
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, memory.onCloseRequest);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, memory.onHiding);
        return memory;
    }

    private final EventHandler<WindowEvent> onCloseRequest = e -> save();
    private final EventHandler<WindowEvent> onHiding = e -> {
        save();
        detach();
    };
    private final InvalidationListener tracker = o -> track();

    private void detach() {
        stage.removeEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, onCloseRequest);
        stage.removeEventHandler(WindowEvent.WINDOW_HIDING, onHiding);
        for (ReadOnlyDoubleProperty p :
                List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            p.removeListener(tracker);
        }
    }

    private void restore() {
        Rect screen = rect(Screen.getPrimary());
        List<Rect> screens =
                Screen.getScreens().stream().map(WindowMemory::rect).toList();
        normal = WindowPlacement.place(remembered(), screens, screen, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        stage.setX(normal.x());
        stage.setY(normal.y());
        stage.setWidth(normal.width());
        stage.setHeight(normal.height());
        stage.setMaximized(prefs.getBoolean(MAXIMIZED, false));
        for (ReadOnlyDoubleProperty p :
                List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            p.addListener(tracker);
        }
        restoreDividers();
        // the first layout at the window's real size moves dividers a little: set them again once shown
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                restoreDividers();
            }
        });
        String tab = prefs.get(TAB, "");
        tabs.getTabs().stream()
                .filter(t -> tab.equals(t.getText()))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void restoreDividers() {
        for (int i = 0; i < splits.size(); i++) {
            double[] positions = dividers(prefs.get(DIVIDERS + i, ""));
            if (positions.length > 0
                    && positions.length == splits.get(i).getDividers().size()) {
                splits.get(i).setDividerPositions(positions);
            }
        }
    }

    /** Keeps the last bounds the window had while neither maximised, iconified nor full screen. */
    private void track() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            normal = new Rect(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    private void write() {
        prefs.putDouble(X, normal.x());
        prefs.putDouble(Y, normal.y());
        prefs.putDouble(WIDTH, normal.width());
        prefs.putDouble(HEIGHT, normal.height());
        prefs.putBoolean(MAXIMIZED, stage.isMaximized());
        for (int i = 0; i < splits.size(); i++) {
            prefs.put(
                    DIVIDERS + i,
                    Arrays.stream(splits.get(i).getDividerPositions())
                            .mapToObj(Double::toString)
                            .collect(Collectors.joining(",")));
        }
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            prefs.put(TAB, selected.getText());
        }
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            LOG.warn("The window's size and layout could not be saved: {}", e.getMessage());
        }
    }

    /** Writes the window's state unless the node was removed meanwhile (a reset while the window is open). */
    public void save() {
        try {
            write();
        } catch (IllegalStateException e) {
            LOG.debug("The window's preferences node is gone; not saving: {}", e.getMessage());
        }
    }

    private Optional<Rect> remembered() {
        double w = prefs.getDouble(WIDTH, -1);
        double h = prefs.getDouble(HEIGHT, -1);
        if (w <= 0 || h <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Rect(prefs.getDouble(X, 0), prefs.getDouble(Y, 0), w, h));
    }

    /** "0.3,0.6" as numbers strictly between 0 and 1; empty when anything is off. */
    static double[] dividers(String saved) {
        if (saved.isBlank()) {
            return new double[0];
        }
        try {
            double[] values = Arrays.stream(saved.split(","))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            return Arrays.stream(values).allMatch(v -> v > 0 && v < 1) ? values : new double[0];
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    private static Rect rect(Screen screen) {
        var b = screen.getVisualBounds();
        return new Rect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
