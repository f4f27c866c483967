package dev.backstack.panel.views.shell;

import dev.backstack.panel.views.fx.FxThread;
import dev.backstack.panel.views.fx.TextCells;
import dev.backstack.panel.views.shell.WindowPlacement.Rect;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Chooses the hub context and the contexts to connect as spokes. Contexts with problems are
 * listed with their problem and cannot be chosen. "Open kubeconfig file…" reads another file,
 * "Reload" reads the files again (both off the FX thread, through a {@link Source}). The dialog
 * is resizable and opens centred on its owner, wholly on the owner's screen.
 */
public final class ClusterPickerDialog {

    /** A kubeconfig context as the picker shows it. */
    public record ContextChoice(String name, String source, String server, List<String> problems) {}

    /** What the user chose. */
    public record Choice(String hub, List<String> spokes, boolean demo) {}

    /** What the dialog lists: the contexts, and the notices (file problems, warnings) about them. */
    public record Listing(List<ContextChoice> contexts, List<String> notices) {
        public Listing {
            contexts = List.copyOf(contexts);
            notices = List.copyOf(notices);
        }
    }

    /** Where the contexts come from. Both methods read files: they are called off the FX thread. */
    public interface Source {
        /** Reads the kubeconfig files the panel uses again. */
        Listing reload();

        /** Reads {@code file}, which from then on is the kubeconfig the dialog's choice refers to. */
        Listing open(Path file);
    }

    /** Wide enough for a context, its file and its server side by side; placeOn shrinks it to a smaller screen. */
    private static final double PREF_WIDTH = 840;

    private final Dialog<Choice> dialog = new Dialog<>();
    private final Source source;
    private final Executor background;
    private final Function<Window, Optional<Path>> chooser;
    private final ComboBox<String> hub = new ComboBox<>();
    private final GridPane grid = new GridPane();
    private final VBox notices = new VBox(4);
    private final Label status = new Label();
    private final List<CheckBox> spokeBoxes = new ArrayList<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * @param chooser asks for a kubeconfig file (a {@link FileChooser} in the window; tests pass their own)
     */
    public ClusterPickerDialog(
            Window owner,
            Source source,
            Listing first,
            String currentHub,
            List<String> currentSpokes,
            Executor background,
            Function<Window, Optional<Path>> chooser) {
        this.source = source;
        this.background = background;
        this.chooser = chooser;
        dialog.initOwner(owner);
        dialog.setTitle("Clusters");
        dialog.setHeaderText("Choose the hub and the spokes to connect");
        dialog.setResizable(true);
        ButtonType demo = new ButtonType("Use demo fleet");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, demo, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(PREF_WIDTH);
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(hub.valueProperty().isNull().or(busy));
        dialog.setResultConverter(button -> {
            if (button == demo) {
                return new Choice(null, List.of(), true);
            }
            if (button != ButtonType.OK) {
                return null;
            }
            List<String> spokes = spokeBoxes.stream()
                    .filter(CheckBox::isSelected)
                    .map(b -> (String) b.getUserData())
                    .filter(name -> !name.equals(hub.getValue()))
                    .toList();
            return new Choice(hub.getValue(), spokes, false);
        });
        dialog.setOnShown(e -> placeOn(owner));
        list(first, currentHub, currentSpokes);
    }

    /** Shows the dialog and waits for the user's choice. */
    public static Optional<Choice> show(
            Window owner,
            Source source,
            Listing first,
            String currentHub,
            List<String> currentSpokes,
            Executor background) {
        return new ClusterPickerDialog(
                        owner, source, first, currentHub, currentSpokes, background, ClusterPickerDialog::chooseFile)
                .dialog.showAndWait();
    }

    /** The dialog itself (tests show it without waiting). */
    public Dialog<Choice> dialog() {
        return dialog;
    }

    private VBox content() {
        Button open = new Button("Open kubeconfig file\u2026");
        open.setId("open-kubeconfig");
        open.setOnAction(e -> chooser.apply(dialog.getDialogPane().getScene().getWindow())
                .ifPresent(file -> read(() -> source.open(file), "Reading " + file + "\u2026")));
        Button reload = new Button("Reload");
        reload.setId("reload-kubeconfig");
        reload.setOnAction(e -> read(source::reload, "Reading the kubeconfig files again\u2026"));
        open.disableProperty().bind(busy);
        reload.disableProperty().bind(busy);
        status.setId("cluster-picker-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        HBox tools = new HBox(8, open, reload, status);
        tools.setAlignment(Pos.CENTER_LEFT);
        hub.setId("hub-context");
        grid.setHgap(12);
        grid.setVgap(6);
        // names keep their width; file paths and servers give way (full text on hover); problems wrap
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints source = new ColumnConstraints(60, Region.USE_COMPUTED_SIZE, Double.MAX_VALUE);
        source.setHgrow(Priority.SOMETIMES);
        ColumnConstraints server = new ColumnConstraints(60, Region.USE_COMPUTED_SIZE, Double.MAX_VALUE);
        server.setHgrow(Priority.ALWAYS);
        ColumnConstraints spoke = new ColumnConstraints();
        spoke.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(name, source, server, spoke);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(260);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        notices.setId("cluster-picker-notices");
        VBox content = new VBox(10, tools, new Label("Hub context:"), hub, scroll, notices);
        content.setPadding(new Insets(12));
        return content;
    }

    /** Reads in the background, then lists what was read, keeping the user's hub and spokes where they still exist. */
    private void read(Supplier<Listing> how, String doing) {
        busy.set(true);
        status.setText(doing);
        String keepHub = hub.getValue();
        List<String> keepSpokes = spokeBoxes.stream()
                .filter(CheckBox::isSelected)
                .map(b -> (String) b.getUserData())
                .toList();
        CompletableFuture.supplyAsync(how, background)
                .whenCompleteAsync(
                        (listing, error) -> {
                            busy.set(false);
                            if (error != null) {
                                Throwable cause = error.getCause() != null ? error.getCause() : error;
                                status.setText("Cannot read the kubeconfig: " + cause.getMessage());
                                return;
                            }
                            status.setText("");
                            list(listing, keepHub, keepSpokes);
                        },
                        FxThread.executor());
    }

    private void list(Listing listing, String currentHub, List<String> currentSpokes) {
        grid.getChildren().clear();
        spokeBoxes.clear();
        hub.getItems().clear();
        grid.addRow(0, bold("Context"), bold("Source"), bold("Server"), bold("Spoke"));
        int row = 1;
        for (ContextChoice c : listing.contexts()) {
            CheckBox spoke = new CheckBox();
            spoke.setUserData(c.name());
            spoke.setSelected(currentSpokes.contains(c.name()));
            boolean usable = c.problems().isEmpty();
            spoke.setDisable(!usable);
            if (usable) {
                hub.getItems().add(c.name());
                spokeBoxes.add(spoke);
            }
            grid.addRow(row++, cell(c.name()), cell(c.source()), cell(c.server()), spoke);
            if (!usable) {
                Label problem = new Label("cannot use: " + String.join("; ", c.problems()));
                problem.getStyleClass().add("muted");
                problem.setWrapText(true);
                problem.setMinHeight(Region.USE_PREF_SIZE);
                problem.setMinWidth(0);
                problem.setPrefWidth(0);
                problem.setMaxWidth(Double.MAX_VALUE);
                grid.add(problem, 0, row++, 4, 1);
            }
        }
        hub.setValue(
                currentHub != null && hub.getItems().contains(currentHub)
                        ? currentHub
                        : hub.getItems().isEmpty() ? null : hub.getItems().get(0));
        notices.getChildren().clear();
        distinctNotices(listing).forEach(n -> notices.getChildren().add(wrapping(n)));
        if (listing.contexts().isEmpty()) {
            notices.getChildren()
                    .add(wrapping("No kubeconfig contexts found ($KUBECONFIG or ~/.kube/config)."
                            + " Open a kubeconfig file, or use the demo fleet."));
        }
    }

    /**
     * Each notice once, without those that only repeat a problem already listed under its context
     * (the same problem arrives from the file and from the failed connection).
     */
    static List<String> distinctNotices(Listing listing) {
        Set<String> listed = new LinkedHashSet<>();
        listing.contexts().forEach(c -> listed.addAll(c.problems()));
        Set<String> out = new LinkedHashSet<>();
        for (String n : listing.notices()) {
            String line = n == null ? "" : n.strip();
            if (!line.isEmpty() && listed.stream().noneMatch(p -> line.equals(p) || line.endsWith(": " + p))) {
                out.add(line);
            }
        }
        return List.copyOf(out);
    }

    /** Centred on the owner, no larger than the owner's screen and wholly on it. */
    private void placeOn(Window owner) {
        Window window = dialog.getDialogPane().getScene().getWindow();
        List<Rect> screens =
                Screen.getScreens().stream().map(s -> rect(s.getVisualBounds())).toList();
        Rect primary = rect(Screen.getPrimary().getVisualBounds());
        Rect ownerRect =
                owner == null ? primary : new Rect(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
        Rect r = WindowPlacement.centredOn(ownerRect, window.getWidth(), window.getHeight(), screens, primary);
        window.setX(r.x());
        window.setY(r.y());
        if (r.width() < window.getWidth() || r.height() < window.getHeight()) {
            window.setWidth(r.width());
            window.setHeight(r.height());
        }
    }

    private static Rect rect(javafx.geometry.Rectangle2D b) {
        return new Rect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private static Optional<Path> chooseFile(Window owner) {
        FileChooser files = new FileChooser();
        files.setTitle("Open kubeconfig file");
        Path kube = Path.of(System.getProperty("user.home"), ".kube");
        if (Files.isDirectory(kube)) {
            files.setInitialDirectory(kube.toFile());
        }
        return Optional.ofNullable(files.showOpenDialog(owner)).map(File::toPath);
    }

    private static Label cell(String text) {
        Label l = new Label();
        TextCells.show(l, text);
        return l;
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title");
        return l;
    }
}
