package dev.backstack.panel.views.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;

/**
 * The header's "Wizards" menu: one entry per wizard, each with its shortcut (which works with the
 * menu closed), disabled until the window says what the entry does.
 */
final class WizardMenu {

    /** The wizards, in menu order. */
    enum Entry {
        INSTALL("install-hub", "Install BACK hub\u2026", KeyCode.I, false),
        POLICIES("deliver-policies", "Policies\u2026", KeyCode.P, false),
        ADDONS("deliver-addons", "Add-ons to spokes\u2026", KeyCode.A, true),
        SPOKE("add-spoke", "Add a spoke cluster\u2026", KeyCode.N, true),
        NAMESPACE("new-namespace", "Namespace for a team\u2026", KeyCode.M, true);

        final String id;
        final String label;
        final KeyCombination keys;

        Entry(String id, String label, KeyCode key, boolean shift) {
            this.id = id;
            this.label = label;
            this.keys = shift
                    ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                    : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
        }
    }

    private final MenuButton button = new MenuButton("Wizards");
    private final Map<Entry, MenuItem> items = new EnumMap<>(Entry.class);
    private final Map<Entry, Runnable> actions = new EnumMap<>(Entry.class);

    WizardMenu() {
        button.setId("wizards");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("Install a hub, deliver policies and add-ons, add spokes and namespaces"));
        for (Entry e : Entry.values()) {
            MenuItem item = new MenuItem(e.label);
            item.setId(e.id);
            item.setAccelerator(e.keys);
            item.setDisable(true);
            item.setOnAction(ev -> run(e));
            items.put(e, item);
            button.getItems().add(item);
        }
    }

    MenuButton button() {
        return button;
    }

    /** What an entry does; {@code null} disables it. */
    void set(Entry e, Runnable action) {
        if (action == null) {
            actions.remove(e);
        } else {
            actions.put(e, action);
        }
        items.get(e).setDisable(action == null);
    }

    boolean enabled(Entry e) {
        return actions.containsKey(e);
    }

    void run(Entry e) {
        Runnable action = actions.get(e);
        if (action != null) {
            action.run();
        }
    }
}
