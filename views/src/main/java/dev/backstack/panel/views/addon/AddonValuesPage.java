package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.policy.ParamType;
import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The values page: each chosen add-on's typed parameters, checked as typed. */
final class AddonValuesPage extends WizardPage {

    private final AddonChoiceViewModel vm;
    private final Runnable onEnter;
    private final VBox forms = new VBox(14);
    private Node first;

    AddonValuesPage(AddonChoiceViewModel vm, ObservableBooleanValue valid, Runnable onEnter) {
        super(
                "Values",
                "Each parameter is a path into the chart's values; the catalog's fixed values stay. "
                        + "A value out of its range is refused here, before anything is rendered.",
                valid);
        this.vm = vm;
        this.onEnter = onEnter;
        forms.setId("addon-forms");
        forms.setPadding(new Insets(18, 22, 18, 22));
        ScrollPane scroll = new ScrollPane(forms);
        scroll.setFitToWidth(true);
        setContent(scroll);
        vm.forms().addListener((ListChangeListener<AddonForm>) c -> build());
    }

    private void build() {
        forms.getChildren().clear();
        first = null;
        for (AddonForm f : vm.forms()) {
            GridPane grid = Forms.grid();
            grid.setPadding(Insets.EMPTY);
            Label title = new Label(f.entry().id() + " \u2014 " + f.entry().title());
            title.getStyleClass().add(Styles.TITLE);
            grid.add(title, 0, 0, 2, 1);
            if (f.fields().isEmpty()) {
                grid.add(Forms.help("No parameters: the catalog's values are used."), 0, 1, 2, 1);
            }
            for (AddonForm.Field field : f.fields()) {
                TextField text = new TextField();
                text.setId("addon-param-" + f.entry().id() + "-"
                        + field.parameter().name().replace('.', '_'));
                text.textProperty().bindBidirectional(field.text());
                Forms.row(
                        grid,
                        field.parameter().title(),
                        text,
                        field.parameter().name() + ": "
                                + field.parameter().description()
                                + (field.parameter().type() == ParamType.STRING_LIST ? " Comma-separated." : ""),
                        field.problem());
                if (first == null) {
                    first = text;
                }
            }
            forms.getChildren().add(grid);
        }
    }

    @Override
    protected void entered() {
        onEnter.run();
    }

    @Override
    protected Node firstFocus() {
        return first != null ? first : forms;
    }
}
