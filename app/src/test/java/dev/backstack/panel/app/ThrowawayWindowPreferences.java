package dev.backstack.panel.app;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test of this module that opens the window does so with a Preferences node of its own,
 * removed afterwards, so a test run never changes the size and layout the developer's own
 * panel remembers. Registered for all tests through {@code META-INF/services} (autodetection is
 * on in {@code junit-platform.properties}).
 */
public final class ThrowawayWindowPreferences implements BeforeEachCallback, AfterEachCallback {

    private static final String ROOT = "dev/backstack/panel/test/window-";
    private Preferences node;

    /** A fresh node for one test (tests that check what is remembered use one of their own too). */
    public static Preferences fresh() {
        return Preferences.userRoot().node(ROOT + UUID.randomUUID());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        node = fresh();
        PanelApp.useWindowPreferences(node);
    }

    @Override
    public void afterEach(ExtensionContext context) throws BackingStoreException {
        PanelApp.useWindowPreferences(null);
        remove(node);
    }

    /** Removes a test's node (and flushes, so nothing is left in the backing store). */
    public static void remove(Preferences node) throws BackingStoreException {
        if (node != null && node.nodeExists("")) {
            Preferences parent = node.parent();
            node.removeNode();
            parent.flush();
        }
    }
}
