package dev.backstack.panel.views.policy;

import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.WizardPage;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The impact page: what each policy would refuse on each cluster today, and each refused object's message. */
final class ImpactPage extends WizardPage {

    private final Runnable onEnter;
    private final TableView<ImpactViewModel.Row> table;

    ImpactPage(ImpactViewModel vm, Runnable onEnter) {
        super(
                "Impact preview",
                "Each policy's rules evaluated against the objects that exist now on each target "
                        + "cluster, beside what Kyverno already reported in Audit. Enforce refuses these objects at their next "
                        + "create or update.",
                Bindings.createBooleanBinding(() -> true));
        this.onEnter = onEnter;
        table = new TableView<>(vm.rows());
        table.setId("impact-table");
        table.getColumns().add(column("Cluster", ImpactViewModel.Row::cluster, 150));
        table.getColumns().add(column("Policy", ImpactViewModel.Row::policy, 260));
        table.getColumns().add(column("Mode", ImpactViewModel.Row::mode, 80));
        table.getColumns().add(column("Would refuse", ImpactViewModel.Row::refused, 120));
        table.getColumns().add(column("Kyverno reported", ImpactViewModel.Row::reported, 140));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        TextArea detail = new TextArea();
        detail.setId("impact-detail");
        detail.setEditable(false);
        detail.getStyleClass().add(Styles.CODE);
        detail.textProperty().bind(vm.detailProperty());
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.loadingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label summary = new Label();
        summary.setId("impact-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox top = new HBox(8, spinner, summary);
        VBox content = new VBox(10, top, split);
        content.setPadding(new Insets(18, 22, 18, 22));
        setContent(content);
    }

    private static TableColumn<ImpactViewModel.Row, String> column(
            String title, Function<ImpactViewModel.Row, String> value, double width) {
        TableColumn<ImpactViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(dev.backstack.panel.views.fx.TextCells.forTable());
        c.setPrefWidth(width);
        return c;
    }

    @Override
    protected void entered() {
        onEnter.run();
    }

    @Override
    protected Node firstFocus() {
        return table;
    }
}
