package dev.backstack.panel.views.compliance;

import static dev.backstack.panel.views.fleet.ClusterTableView.column;

import dev.backstack.panel.installer.compliance.ComplianceExport;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.Grouping;
import dev.backstack.panel.views.fleet.ClusterTableView;
import dev.backstack.panel.views.fleet.FailureTable;
import dev.backstack.panel.views.fx.Styles;
import java.io.File;
import java.util.function.LongSupplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The fleet's Kyverno compliance: a toggle for the grouping (policy, namespace, cluster), the
 * counts with the fleet's worst failing results under them, the table, the failing results of the
 * selected row (worst first, with a details pane for the whole message), the fleet's failures
 * over time from the local history, and export buttons. Binds to a {@link ComplianceViewModel}.
 */
public final class ComplianceView extends BorderPane {

    private final ComplianceViewModel vm;
    private final LongSupplier clock;
    private final ToggleGroup groupings = new ToggleGroup();

    public ComplianceView(ComplianceViewModel vm, LongSupplier clock) {
        this.vm = vm;
        this.clock = clock;
        setId("compliance-view");
        setPadding(new Insets(8));
        setTop(toolbar());
        SplitPane lower = new SplitPane(failingTable(), new ComplianceChart(vm.series()));
        lower.setDividerPositions(0.7);
        SplitPane main = new SplitPane(rowsTable(), lower);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.38);
        setCenter(main);
        Label status = new Label();
        status.setId("compliance-export-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(vm.exportStatusProperty());
        setBottom(status);
    }

    private VBox toolbar() {
        HBox bar = new HBox(8);
        for (Grouping g : Grouping.values()) {
            ToggleButton t = new ToggleButton("By " + g.label().toLowerCase(java.util.Locale.ROOT));
            t.setId("compliance-by-" + g.name().toLowerCase(java.util.Locale.ROOT));
            t.setUserData(g);
            t.setToggleGroup(groupings);
            t.setSelected(vm.groupingProperty().get() == g);
            t.setMinWidth(Region.USE_PREF_SIZE);
            bar.getChildren().add(t);
        }
        groupings.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                groupings.selectToggle(old);
            } else {
                vm.setGrouping((Grouping) now.getUserData());
            }
        });
        Label summary = new Label();
        summary.setId("compliance-summary");
        summary.getStyleClass().add(Styles.TITLE);
        summary.textProperty().bind(vm.summaryProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar.getChildren().add(grow);
        for (ComplianceExport.Format f : new ComplianceExport.Format[] {
            ComplianceExport.Format.HTML, ComplianceExport.Format.CSV, ComplianceExport.Format.JSON
        }) {
            Button b = new Button("Export " + f.name() + "\u2026");
            b.setId("compliance-export-" + f.extension());
            b.setTooltip(new Tooltip(
                    f == ComplianceExport.Format.CSV
                            ? "The failing resources as CSV"
                            : "The compliance and its recent history as " + f.name()));
            b.disableProperty()
                    .bind(vm.exportingProperty().or(vm.complianceProperty().isNull()));
            b.setOnAction(e -> export(f));
            b.setMinWidth(Region.USE_PREF_SIZE);
            bar.getChildren().add(b);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        Label worst = new Label();
        worst.setId("compliance-worst");
        worst.textProperty().bind(vm.worstProperty()); // a line each, cut to the width; the list below has all
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(vm.worstProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(720);
        worst.setTooltip(whole);
        worst.visibleProperty().bind(vm.worstProperty().isNotEmpty());
        worst.managedProperty().bind(worst.visibleProperty());
        VBox top = new VBox(6, bar, summary, worst);
        top.setPadding(new Insets(0, 0, 8, 0));
        return top;
    }

    private TableView<ComplianceRow> rowsTable() {
        TableView<ComplianceRow> t = new TableView<>(vm.rows());
        t.setId("compliance-rows");
        TableColumn<ComplianceRow, String> name = column("Policy", ComplianceRow::label, 280);
        name.textProperty().bind(vm.groupingProperty().map(Grouping::label));
        t.getColumns().add(name);
        TableColumn<ComplianceRow, Health> health = column("Compliance", ComplianceRow::health, 110);
        health.setCellFactory(x -> new ClusterTableView.HealthCell<>());
        t.getColumns().add(health);
        t.getColumns().add(column("Pass", r -> r.counts().pass(), 70));
        t.getColumns().add(column("Fail", r -> r.counts().fail(), 70));
        t.getColumns().add(column("Warn", r -> r.counts().warn(), 70));
        t.getColumns().add(column("Error", r -> r.counts().error(), 70));
        t.getColumns().add(column("Skip", r -> r.counts().skip(), 70));
        t.getColumns().add(column("Note", ComplianceRow::note, 200));
        dev.backstack.panel.views.fx.TextCells.lastColumnFills(t);
        t.setPlaceholder(new Label("No Kyverno policy reports in the fleet"));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.select(row));
        vm.selectedRowProperty().addListener((o, a, row) -> showSelection(t));
        vm.rows().addListener((javafx.collections.ListChangeListener<ComplianceRow>) c -> showSelection(t));
        return t;
    }

    /** Keeps the table's selection on the view-model's row when the rows are replaced. */
    private void showSelection(TableView<ComplianceRow> t) {
        ComplianceRow row = vm.selectedRowProperty().get();
        if (row == null) {
            t.getSelectionModel().clearSelection();
        } else if (t.getSelectionModel().getSelectedItem() != row) {
            t.getSelectionModel().select(row);
        }
    }

    private VBox failingTable() {
        return FailureTable.of("compliance-failing", vm.failing(), vm.failingTitleProperty(), "No failing resources");
    }

    private void export(ComplianceExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export compliance as " + format.name());
        chooser.setInitialFileName(vm.suggestedFileName(format, clock.getAsLong()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        File file =
                chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.export(format, file.toPath());
        }
    }
}
