package dev.backstack.panel.bench.startup;

import javafx.application.Application;

/** {@code main} of the bare window: not the Application class itself (see STACK.md), like the app's Launcher. */
public final class BareWindowLauncher {

    private BareWindowLauncher() {}

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }
}
