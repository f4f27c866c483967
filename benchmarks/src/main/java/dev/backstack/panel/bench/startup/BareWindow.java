package dev.backstack.panel.bench.startup;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The baseline of the startup benchmark: an empty Stage of the dashboard's size (1360 x 860) and
 * nothing else, reporting its first frame exactly as PanelApp does: an AnimationTimer started
 * after show() logs "First frame N ms after JVM start" on its first pulse (here with
 * System.err, there is no logging framework), and with -Dpanel.exitAfterFirstFrame=true exits.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("bare JavaFX window");
        stage.setScene(new Scene(new Pane(), 1360, 860));
        stage.show();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                System.err.println("First frame " + (System.currentTimeMillis() - jvmStart) + " ms after JVM start");
                if (Boolean.getBoolean("panel.exitAfterFirstFrame")) {
                    Platform.exit();
                }
            }
        }.start();
    }
}
