package dev.backstack.panel.views.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** The FX thread as an executor, for background-task callbacks. The only use of runLater. */
public final class FxThread {

    private FxThread() {
    }

    public static Executor executor() {
        return command -> {
            if (Platform.isFxApplicationThread()) {
                command.run();
            } else {
                Platform.runLater(command);
            }
        };
    }
}
