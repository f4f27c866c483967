package dev.backstack.panel.views.shell;

import dev.backstack.panel.views.fx.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks before a credential plugin from a kubeconfig the user does not already trust is run (T28:
 * an imported file may say {@code command: sh, args: [-c, "curl … | sh"]}). Shows the context,
 * the file, the command, its arguments and the names of the environment variables it gets
 * (never their values), with a warning that it runs with the user's rights. "Run this plugin"
 * is the default button (Enter), "Don't run" the cancel button (Escape); closing the window is
 * "Don't run". FX thread only.
 *
 * <p>Takes plain strings: the caller turns its exec spec into a {@link Plugin} (arguments already
 * masked where they look like secrets).
 */
public final class PluginApprovalDialog {

    /** The "Run this plugin" button. */
    public static final ButtonType RUN = new ButtonType("Run this plugin", ButtonData.OK_DONE);
    /** The "Don't run" button. */
    public static final ButtonType DONT_RUN = new ButtonType("Don't run", ButtonData.CANCEL_CLOSE);

    /**
     * One credential plugin as the dialog shows it.
     *
     * @param context  the kubeconfig context that uses it
     * @param file     the kubeconfig file that defines it
     * @param command  the program to run
     * @param args     its arguments as one line, secret-looking parts already masked; empty for none
     * @param envNames the names of the environment variables it gets
     */
    public record Plugin(String context, String file, String command, String args, List<String> envNames) {

        public Plugin {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(command, "command");
            args = args == null ? "" : args;
            envNames = List.copyOf(envNames);
        }
    }

    private PluginApprovalDialog() {}

    /** Shows the dialog and waits; true only when the user chose "Run this plugin". */
    public static boolean ask(Window owner, Plugin plugin) {
        return create(owner, plugin).showAndWait().orElse(false);
    }

    /** Asks for each plugin in turn; returns the ones the user allowed to run. */
    public static List<Plugin> askAll(Window owner, List<Plugin> plugins) {
        List<Plugin> approved = new ArrayList<>();
        for (Plugin plugin : plugins) {
            if (ask(owner, plugin)) {
                approved.add(plugin);
            }
        }
        return approved;
    }

    /** Builds the dialog without showing it; its result is true for "Run this plugin", else false. */
    public static Dialog<Boolean> create(Window owner, Plugin plugin) {
        Dialog<Boolean> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Credential plugin");
        dialog.setHeaderText("Run the credential plugin of context `" + plugin.context() + "`?");
        dialog.getDialogPane().setId("plugin-approval");
        dialog.getDialogPane().getButtonTypes().addAll(RUN, DONT_RUN);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        addRow(grid, row++, "Context", plugin.context(), "plugin-context");
        addRow(grid, row++, "File", plugin.file(), "plugin-file");
        addRow(grid, row++, "Command", plugin.command(), "plugin-command");
        addRow(grid, row++, "Arguments", plugin.args().isEmpty() ? "(none)" : plugin.args(), "plugin-args");
        addRow(
                grid,
                row,
                "Environment",
                plugin.envNames().isEmpty() ? "(none)" : String.join(", ", plugin.envNames()) + " (values not shown)",
                "plugin-env");

        Label warning = new Label("This program runs on your computer with your user's rights: it can read and"
                + " change your files and credentials. The kubeconfig file is not one you already use with kubectl."
                + " Run it only if you trust where the file comes from and you recognise the command.");
        warning.setId("plugin-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(560);
        warning.getStyleClass().add(Styles.BANNER_WARNING);

        VBox content = new VBox(12, grid, warning);
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == RUN);
        return dialog;
    }

    private static void addRow(GridPane grid, int row, String name, String value, String id) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.FIELD_LABEL);
        Label text = new Label(value);
        text.setId(id);
        text.setWrapText(true);
        text.setMaxWidth(480);
        if ("plugin-command".equals(id) || "plugin-args".equals(id)) {
            text.getStyleClass().add(Styles.CODE);
        }
        grid.addRow(row, key, text);
    }
}
