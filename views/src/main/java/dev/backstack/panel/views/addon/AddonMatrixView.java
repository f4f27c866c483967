package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.addon.AddonMatrix;
import dev.backstack.panel.model.addon.ApplicationAction;
import dev.backstack.panel.views.fx.Styles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The add-on matrix tab: a row per spoke, a column per add-on, each cell its Application's health,
 * sync, retries and the age of its last sync. Refresh, sync and retry act on the chosen cells, or
 * on every Application of a spoke when its name is chosen: from the buttons, the context menu or
 * the keyboard (Ctrl+R refresh, Ctrl+Shift+R hard refresh, Ctrl+Shift+S sync, Ctrl+Shift+Y retry),
 * each after a confirmation naming the Applications; the results list below follows each answer.
 */
public final class AddonMatrixView extends VBox {

    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HARD_REFRESH =
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination SYNC =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination RETRY =
            new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final AddonMatrixViewModel vm;
    private final TableView<String> table;
    private final Predicate<AddonActionsViewModel.Request> confirm;
    private final Label detail = new Label();

    public AddonMatrixView(AddonMatrixViewModel vm) {
        this(vm, null);
    }

    /** With {@code confirm} asking the user (null: a confirmation dialog); tests may answer it themselves. */
    public AddonMatrixView(AddonMatrixViewModel vm, Predicate<AddonActionsViewModel.Request> confirm) {
        this.vm = vm;
        this.confirm = confirm != null ? confirm : this::ask;
        setId("addon-matrix");
        table = new TableView<>(vm.spokes());
        table.setId("addon-matrix-table");
        table.setPlaceholder(new Label("No spokes, or no add-on Applications (named <spoke>-<add-on>) on the hub"));
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label help = new Label(
                "Each cell is the Argo CD Application <spoke>-<add-on> that the add-on's ApplicationSet "
                        + "made: health \u00b7 sync status \u00b7 retries \u00b7 time since its last sync. Choose cells, or a "
                        + "spoke's name for its whole row, then Refresh (Ctrl+R), Sync (Ctrl+Shift+S) or Retry (Ctrl+Shift+Y).");
        help.setWrapText(true);
        help.getStyleClass().add(Styles.MUTED);
        detail.setId("addon-cell-detail");
        detail.setWrapText(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(help, buttons(), table, detail, results());
        setSpacing(8);
        setPadding(new Insets(10));
        vm.addonsProperty().addListener((o, a, b) -> columns(b));
        columns(vm.addonsProperty().get());
        table.setContextMenu(menu());
        table.getSelectionModel().getSelectedCells().addListener((javafx.collections.ListChangeListener<TablePosition>)
                c -> showDetail());
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        vm.rows().addListener((javafx.collections.ListChangeListener<AddonMatrix.Row>) c -> {
            if (!table.getSelectionModel().getSelectedCells().isEmpty()) {
                showDetail();
            }
        });
    }

    private HBox buttons() {
        Button refresh = button("addon-refresh", "_Refresh", ApplicationAction.REFRESH);
        Button sync = button("addon-sync", "_Sync", ApplicationAction.SYNC);
        Button retry = button("addon-retry", "Re_try", ApplicationAction.RETRY);
        Label status = new Label();
        status.setId("addon-action-status");
        status.textProperty().bind(vm.actions().statusProperty());
        status.setWrapText(true);
        HBox box = new HBox(8, refresh, sync, retry, status);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button button(String id, String text, ApplicationAction action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setDisable(!vm.actionsAvailable());
        b.setOnAction(e -> act(action));
        return b;
    }

    private ContextMenu menu() {
        ContextMenu m = new ContextMenu();
        for (ApplicationAction a : ApplicationAction.values()) {
            MenuItem item = new MenuItem(a.title());
            item.setId(
                    "addon-menu-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setAccelerator(
                    a == ApplicationAction.REFRESH
                            ? REFRESH
                            : a == ApplicationAction.HARD_REFRESH
                                    ? HARD_REFRESH
                                    : a == ApplicationAction.SYNC ? SYNC : RETRY);
            item.setDisable(!vm.actionsAvailable());
            item.setOnAction(e -> act(a));
            m.getItems().add(item);
            if (a == ApplicationAction.HARD_REFRESH) {
                m.getItems().add(new SeparatorMenuItem());
            }
        }
        return m;
    }

    private ListView<ActionProgress> results() {
        ListView<ActionProgress> list = new ListView<>(vm.actions().results());
        list.setId("addon-action-results");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("Results of refresh, sync and retry appear here"));
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ActionProgress p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll(Styles.FINDING_FAIL, Styles.FINDING_PASS, Styles.FINDING_WARN);
                setText(empty || p == null ? null : p.line());
                if (!empty && p != null) {
                    getStyleClass()
                            .add(
                                    p.state() == ActionProgress.State.DONE
                                            ? Styles.FINDING_PASS
                                            : p.state() == ActionProgress.State.FAILED
                                                    ? Styles.FINDING_FAIL
                                                    : Styles.FINDING_WARN);
                }
            }
        });
        vm.actions().results().addListener((javafx.collections.ListChangeListener<ActionProgress>)
                c -> list.scrollTo(Math.max(0, list.getItems().size() - 1)));
        return list;
    }

    private void key(KeyEvent e) {
        ApplicationAction a = REFRESH.match(e)
                ? ApplicationAction.REFRESH
                : HARD_REFRESH.match(e)
                        ? ApplicationAction.HARD_REFRESH
                        : SYNC.match(e) ? ApplicationAction.SYNC : RETRY.match(e) ? ApplicationAction.RETRY : null;
        if (a != null && vm.actionsAvailable()) {
            e.consume();
            act(a);
        }
    }

    /** Asks for the chosen Applications, then sends. */
    void act(ApplicationAction action) {
        vm.actions().request(action, chosen()).filter(confirm).ifPresent(vm.actions()::run);
    }

    /** The chosen cells' Applications; a chosen spoke name stands for its whole row. */
    List<ApplicationStatus> chosen() {
        Set<ApplicationStatus> out = new LinkedHashSet<>();
        for (TablePosition<?, ?> p : table.getSelectionModel().getSelectedCells()) {
            if (p.getRow() < 0 || p.getRow() >= table.getItems().size()) {
                continue;
            }
            String spoke = table.getItems().get(p.getRow());
            TableColumn<?, ?> c = p.getTableColumn();
            if (c == null || c.getUserData() == null) {
                out.addAll(vm.applications(List.of(spoke)));
            } else {
                ApplicationStatus a =
                        vm.cellProperty(spoke, (String) c.getUserData()).get();
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private boolean ask(AddonActionsViewModel.Request r) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, r.question(), ButtonType.OK, ButtonType.CANCEL);
        ask.getDialogPane().setId("addon-action-confirm");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        ask.setHeaderText(r.title() + "?");
        ask.setTitle(r.action().title());
        return ask.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    private void showDetail() {
        List<ApplicationStatus> apps = chosen();
        if (apps.size() != 1) {
            detail.setText(apps.isEmpty() ? "" : apps.size() + " Applications chosen");
            return;
        }
        ApplicationStatus a = apps.get(0);
        String age = AddonMatrix.age(a.lastOperationAt(), vm.now());
        detail.setText(a.namespace() + "/" + a.name() + ": " + AddonMatrix.label(a)
                + (a.operationPhase() == null
                        ? ""
                        : "; last sync " + a.operationPhase() + (age.isEmpty() ? "" : " " + age + " ago"))
                + a.lastError().map(err -> "\nLast error: " + err).orElse(""));
    }

    private void columns(List<String> addons) {
        table.getColumns().clear();
        TableColumn<String, String> spoke = new TableColumn<>("Spoke");
        spoke.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(d.getValue()));
        spoke.setPrefWidth(140);
        spoke.setStyle("-fx-alignment: CENTER-LEFT;");
        table.getColumns().add(spoke);
        for (String addon : addons) {
            TableColumn<String, ApplicationStatus> c = new TableColumn<>(addon);
            c.setUserData(addon);
            c.setCellValueFactory(d -> vm.cellProperty(d.getValue(), addon));
            c.setCellFactory(col -> new Cell(vm));
            c.setPrefWidth(270);
            table.getColumns().add(c);
        }
    }

    /**
     * One cell. Redrawn for every row replaced near it, so it does little: its text, its health
     * pseudo-class, and the text of one tooltip it keeps (a tooltip is a popup window: creating one
     * per redraw stalled the FX thread at 3,000 cells).
     */
    private static final class Cell extends TableCell<String, ApplicationStatus> {
        private final AddonMatrixViewModel vm;
        private final Tooltip tooltip = new Tooltip();
        private ApplicationStatus shown;

        Cell(AddonMatrixViewModel vm) {
            this.vm = vm;
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ApplicationStatus a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                shown = null;
                Styles.health(this, null);
                setText(empty ? null : "\u2014");
                setTooltip(null);
                return;
            }
            if (a.equals(shown) && getTooltip() != null) {
                return;
            }
            shown = a;
            setText(AddonMatrix.cellText(a, vm.now()) + (a.lastError().isPresent() ? " \u26a0" : ""));
            Styles.health(this, a.health());
            tooltip.setText(a.name() + ": "
                    + a.lastError()
                            .orElseGet(() -> a.assessment()
                                    .reason()
                                    .map(r -> r.message())
                                    .orElse(a.assessment().summary())));
            if (getTooltip() == null) {
                setTooltip(tooltip);
            }
        }
    }
}
