package dev.backstack.panel.views.fleet;

import static dev.backstack.panel.views.fleet.ClusterTableView.column;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.fx.TextCells;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected cluster's Argo CD applications, Kyverno policies (with its compliance counts and
 * its worst failing results under them) and watches, as tables.
 */
public final class DetailTables {

    private DetailTables() {}

    public static TableView<ApplicationStatus> applications(DashboardViewModel vm) {
        TableView<ApplicationStatus> t = new TableView<>(vm.applications());
        t.setId("applications-table");
        t.getColumns().add(column("Application", ApplicationStatus::name, 200));
        t.getColumns().add(healthColumn("Health", ApplicationStatus::health));
        t.getColumns().add(column("Sync", ApplicationStatus::syncStatus, 90));
        t.getColumns().add(column("Last sync", a -> a.operationPhase() == null ? "" : a.operationPhase(), 110));
        t.getColumns().add(column("Retries", ApplicationStatus::retryCount, 75));
        t.getColumns()
                .add(column(
                        "Destination",
                        a -> a.destinationName() != null ? a.destinationName() : a.destinationServer(),
                        220));
        t.getColumns().add(column("Message", a -> a.assessment().oneLine(), 420));
        t.setPlaceholder(new Label("No Argo CD applications on this cluster"));
        TextCells.lastColumnFills(t);
        return t;
    }

    public static VBox policies(DashboardViewModel vm) {
        TableView<PolicyStatus> t = new TableView<>(vm.policies());
        t.setId("policies-table");
        t.getColumns()
                .add(column("Policy", p -> p.namespace().isEmpty() ? p.name() : p.namespace() + "/" + p.name(), 240));
        t.getColumns().add(column("Mode", PolicyStatus::mode, 80));
        t.getColumns().add(healthColumn("Ready", p -> p.assessment().health()));
        t.getColumns().add(column("Message", p -> p.assessment().oneLine(), 420));
        t.setPlaceholder(new Label("No Kyverno policies on this cluster"));
        TextCells.lastColumnFills(t);
        Label compliance = new Label();
        compliance.textProperty().bind(vm.complianceTextProperty().map(s -> "Compliance: " + s));
        compliance.getStyleClass().add(Styles.TITLE);
        VBox failures = FailureTable.of(
                "cluster-failures",
                vm.failures(),
                vm.failuresTitleProperty(),
                "No failing policy results on this cluster");
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(t, failures);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox box = new VBox(8, compliance, split);
        box.setPadding(new Insets(8));
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    public static TableView<WatchState> watches(DashboardViewModel vm) {
        TableView<WatchState> t = new TableView<>(vm.watches());
        t.setId("watches-table");
        t.getColumns().add(column("Watch", WatchState::resource, 260));
        t.getColumns()
                .add(column(
                        "State",
                        w -> w.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        110));
        t.getColumns()
                .add(column(
                        "Last event",
                        w -> w.lastEventMillis() == 0 ? "-" : Ages.ago(vm.now() - w.lastEventMillis()),
                        100));
        t.getColumns().add(column("Detail", w -> w.message().isEmpty() ? "" : w.message(), 420));
        t.setPlaceholder(new Label("No watches"));
        TextCells.lastColumnFills(t);
        return t;
    }

    static <R> TableColumn<R, Health> healthColumn(String title, java.util.function.Function<R, Health> health) {
        TableColumn<R, Health> c = column(title, health, 125);
        c.setCellFactory(x -> new ClusterTableView.HealthCell<>());
        return c;
    }
}
