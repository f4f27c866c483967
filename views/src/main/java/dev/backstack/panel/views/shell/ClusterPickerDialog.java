package dev.backstack.panel.views.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Chooses the hub context and the contexts to connect as spokes. Contexts with problems are
 * listed with their problem and cannot be chosen.
 */
public final class ClusterPickerDialog {

    /** A kubeconfig context as the picker shows it. */
    public record ContextChoice(String name, String source, String server, List<String> problems) {
    }

    /** What the user chose. */
    public record Choice(String hub, List<String> spokes, boolean demo) {
    }

    private ClusterPickerDialog() {
    }

    public static Optional<Choice> show(Window owner, List<ContextChoice> contexts, String currentHub,
            List<String> currentSpokes, List<String> notices) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Clusters");
        dialog.setHeaderText("Choose the hub and the spokes to connect");
        ButtonType demo = new ButtonType("Use demo fleet");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, demo, ButtonType.CANCEL);
        ComboBox<String> hub = new ComboBox<>();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, bold("Context"), bold("Source"), bold("Server"), bold("Spoke"));
        List<CheckBox> spokeBoxes = new ArrayList<>();
        int row = 1;
        for (ContextChoice c : contexts) {
            CheckBox spoke = new CheckBox();
            spoke.setUserData(c.name());
            spoke.setSelected(currentSpokes.contains(c.name()));
            boolean usable = c.problems().isEmpty();
            spoke.setDisable(!usable);
            if (usable) {
                hub.getItems().add(c.name());
                spokeBoxes.add(spoke);
            }
            grid.addRow(row++, new Label(c.name()), new Label(c.source()), new Label(c.server()), spoke);
            if (!usable) {
                Label problem = new Label("cannot use: " + String.join("; ", c.problems()));
                problem.getStyleClass().add("muted");
                grid.add(problem, 0, row++, 4, 1);
            }
        }
        hub.setValue(currentHub != null && hub.getItems().contains(currentHub) ? currentHub
                : hub.getItems().isEmpty() ? null : hub.getItems().get(0));
        VBox content = new VBox(10, new Label("Hub context:"), hub, new ScrollPane(grid));
        notices.forEach(n -> content.getChildren().add(new Label(n)));
        if (contexts.isEmpty()) {
            content.getChildren().add(new Label("No kubeconfig contexts found ($KUBECONFIG or ~/.kube/config)."));
        }
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(hub.valueProperty().isNull());
        dialog.setResultConverter(button -> {
            if (button == demo) {
                return new Choice(null, List.of(), true);
            }
            if (button != ButtonType.OK) {
                return null;
            }
            List<String> spokes = spokeBoxes.stream().filter(CheckBox::isSelected).map(b -> (String) b.getUserData())
                    .filter(name -> !name.equals(hub.getValue())).toList();
            return new Choice(hub.getValue(), spokes, false);
        });
        return dialog.showAndWait();
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title");
        return l;
    }
}
