package dev.backstack.panel.views.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** The FX thread as an executor, for background-task callbacks. The only package that uses runLater. */
public final class FxThread {

    private FxThread() {}

    public static Executor executor() {
        return command -> {
            if (Platform.isFxApplicationThread()) {
                command.run();
            } else {
                Platform.runLater(command);
            }
        };
    }

    /**
     * Runs {@code command} on the FX thread after the current event is handled, even when called
     * on the FX thread: for focus requests and for dialogs that must not open inside a layout or
     * animation pass (ControlsFX's {@code Wizard.showAndWait}).
     */
    public static void later(Runnable command) {
        Platform.runLater(command);
    }
}
