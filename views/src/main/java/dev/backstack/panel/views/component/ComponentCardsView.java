package dev.backstack.panel.views.component;

import dev.backstack.panel.model.Component;
import dev.backstack.panel.views.fleet.DashboardViewModel;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;

/** A card per component of the selected cluster, BACK components first. */
public final class ComponentCardsView extends ScrollPane {

    private final FlowPane flow = new FlowPane(12, 12);
    private final Consumer<Component> open;
    private final Consumer<String> openUrl;

    public ComponentCardsView(DashboardViewModel vm, Consumer<Component> open, Consumer<String> openUrl) {
        this.open = open;
        this.openUrl = openUrl;
        flow.setPadding(new Insets(12));
        setContent(flow);
        setFitToWidth(true);
        setId("component-cards");
        vm.components().addListener((ListChangeListener<Component>) c -> render(vm));
        render(vm);
    }

    private void render(DashboardViewModel vm) {
        while (flow.getChildren().size() > vm.components().size()) {
            flow.getChildren().remove(flow.getChildren().size() - 1);
        }
        while (flow.getChildren().size() < vm.components().size()) {
            flow.getChildren().add(new ComponentCard(open, openUrl));
        }
        for (int i = 0; i < vm.components().size(); i++) {
            ((ComponentCard) flow.getChildren().get(i)).show(vm.components().get(i));
        }
    }
}
