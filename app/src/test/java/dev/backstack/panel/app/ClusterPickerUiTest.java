package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.views.shell.ClusterPickerDialog;
import dev.backstack.panel.views.shell.ClusterPickerDialog.Listing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The Clusters dialog: resizable and on screen, each error once, Reload and Open kubeconfig file…. */
class ClusterPickerUiTest {

    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @TempDir
    Path dir;

    private Stage owner;
    private ClusterPickerDialog picker;

    @BeforeEach
    void ownerNearTheRightEdge() throws Exception {
        owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            s.setScene(new Scene(new StackPane(), 500, 400));
            s.setX(screen.getMaxX() - 250);
            s.setY(screen.getMinY() + 40);
            s.show();
        });
    }

    @AfterEach
    void closeAll() throws Exception {
        if (picker != null) {
            FxPoll.onFx(() -> {
                picker.dialog().close();
                return null;
            });
        }
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }

    @Test
    @DisplayName("the dialog is resizable, opens wholly on the screen next to its owner, and shows each error once")
    void resizableOnScreenEachErrorOnce() throws Exception {
        Path a = kubeconfig("a.yaml", "alpha", "https://alpha.example:6443", "plain", "http://plain.example:8080");
        KubeconfigSource source = source(a);
        Listing read = source.listing();
        String problem = read.contexts().stream()
                .filter(c -> c.name().equals("plain"))
                .findFirst()
                .orElseThrow()
                .problems()
                .get(0);
        List<String> notices = new ArrayList<>(read.notices());
        notices.addAll(
                List.of("spoke-9: connection refused", "spoke-9: connection refused", "plain: " + problem, problem));

        open(source, new Listing(read.contexts(), notices), file -> Optional.empty());

        Window window =
                FxPoll.onFx(() -> picker.dialog().getDialogPane().getScene().getWindow());
        assertThat(FxPoll.onFx(() -> ((Stage) window).isResizable())).isTrue();
        Rectangle2D screen = FxPoll.onFx(() -> Screen.getPrimary().getVisualBounds());
        double[] b =
                FxPoll.onFx(() -> new double[] {window.getX(), window.getY(), window.getWidth(), window.getHeight()});
        assertThat(b[0]).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(b[1]).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(b[0] + b[2])
                .as("right edge on screen although the owner hangs over it")
                .isLessThanOrEqualTo(screen.getMaxX());
        assertThat(b[1] + b[3]).isLessThanOrEqualTo(screen.getMaxY());

        assertThat(FxPoll.onFx(() -> texts(picker.dialog().getDialogPane()).stream()
                        .filter(t -> t.contains("connection refused"))
                        .count()))
                .isEqualTo(1);
        assertThat(FxPoll.onFx(() -> texts(picker.dialog().getDialogPane()).stream()
                        .filter(t -> t.contains(problem))
                        .count()))
                .as("the context's problem, once, under the context")
                .isEqualTo(1);
    }

    @Test
    @DisplayName(
            "Reload reads a rewritten kubeconfig again; Open kubeconfig file… lists the chosen file, and the choice refers to it")
    void reloadAndOpen() throws Exception {
        Path a = kubeconfig("a.yaml", "alpha", "https://alpha.example:6443");
        Path b = kubeconfig("b.yaml", "delta", "https://delta.example:6443");
        KubeconfigSource source = source(a);
        AtomicInteger asked = new AtomicInteger();
        open(source, source.listing(), w -> {
            asked.incrementAndGet();
            return Optional.of(b);
        });
        assertThat(hubs()).containsExactly("alpha");

        kubeconfig("a.yaml", "alpha", "https://alpha.example:6443", "gamma", "https://gamma.example:6443");
        robot.clickOn("#reload-kubeconfig");
        FxPoll.until(20, () -> hubs().contains("gamma"));
        assertThat(hubs()).containsExactly("alpha", "gamma");

        robot.clickOn("#open-kubeconfig");
        FxPoll.until(20, () -> hubs().equals(List.of("delta")));
        assertThat(asked.get()).isEqualTo(1);

        FxPoll.onFx(() -> {
            ((Button) picker.dialog().getDialogPane().lookupButton(ButtonType.OK)).fire();
            return null;
        });
        FxPoll.until(10, () -> picker.dialog().getResult() != null);
        assertThat(picker.dialog().getResult()).isEqualTo(new ClusterPickerDialog.Choice("delta", List.of(), false));
        assertThat(source.connector().kubeconfig().find("delta").orElseThrow().source())
                .isEqualTo(b.toAbsolutePath());
        assertThat(source.connector().kubeconfig().find("alpha"))
                .as("the panel now reads the opened file")
                .isEmpty();
    }

    private void open(
            KubeconfigSource source, Listing first, java.util.function.Function<Window, Optional<Path>> chooser)
            throws Exception {
        FxPoll.onFx(() -> {
            picker = new ClusterPickerDialog(owner, source, first, null, List.of(), background, chooser);
            picker.dialog().show();
            return null;
        });
        FxPoll.until(10, () -> picker.dialog().isShowing());
    }

    private KubeconfigSource source(Path kubeconfig) {
        return new KubeconfigSource(
                new FleetConnector(Options.parse("--kubeconfig", kubeconfig.toString()), Map.of(), dir));
    }

    private List<String> hubs() throws Exception {
        return FxPoll.onFx(
                () -> List.copyOf(((ComboBox<?>) picker.dialog().getDialogPane().lookup("#hub-context"))
                        .getItems().stream().map(String::valueOf).toList()));
    }

    /** Context names and servers, alternating, as a kubeconfig whose user needs no credentials. */
    private Path kubeconfig(String name, String... contexts) throws Exception {
        StringBuilder k = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        for (int i = 0; i < contexts.length; i += 2) {
            k.append("- name: ")
                    .append(contexts[i])
                    .append("\n  cluster:\n    server: ")
                    .append(contexts[i + 1])
                    .append('\n');
        }
        k.append("users:\n- name: me\n  user: {}\ncontexts:\n");
        for (int i = 0; i < contexts.length; i += 2) {
            k.append("- name: ")
                    .append(contexts[i])
                    .append("\n  context:\n    cluster: ")
                    .append(contexts[i])
                    .append("\n    user: me\n");
        }
        k.append("current-context: ").append(contexts[0]).append('\n');
        return Files.writeString(dir.resolve(name), k);
    }

    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }
}
