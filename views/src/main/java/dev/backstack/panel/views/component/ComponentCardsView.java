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

    static final double MIN_CARD_WIDTH = 290;
    private final FlowPane flow = new FlowPane(12, 12);
    private final Consumer<Component> open;
    private final Consumer<String> openUrl;

    public ComponentCardsView(DashboardViewModel vm, Consumer<Component> open, Consumer<String> openUrl) {
        this.open = open;
        this.openUrl = openUrl;
        flow.setPadding(new Insets(12));
        javafx.scene.control.Label cluster = new javafx.scene.control.Label();
        cluster.setId("cluster-problem");
        cluster.setWrapText(true);
        cluster.setMaxWidth(Double.MAX_VALUE);
        cluster.setPadding(new Insets(8, 12, 8, 12));
        cluster.getStyleClass().add("notice-bar");
        cluster.textProperty().bind(vm.selectedClusterProperty().map(c -> c.reachability().isReachable() ? ""
                : c.assessment().reason().map(dev.backstack.panel.model.StatusReason::oneLineWithHint)
                        .orElse(c.assessment().summary())).orElse(""));
        cluster.visibleProperty().bind(cluster.textProperty().isNotEmpty());
        cluster.managedProperty().bind(cluster.visibleProperty());
        setContent(new javafx.scene.layout.VBox(cluster, flow));
        setFitToWidth(true);
        setId("component-cards");
        vm.components().addListener((ListChangeListener<Component>) c -> render(vm));
        viewportBoundsProperty().addListener((o, a, b) -> fitCards());
        render(vm);
    }

    /**
     * As many columns of at least {@link #MIN_CARD_WIDTH} as fit (no more than there are cards),
     * the cards sharing the whole width.
     */
    static double cardWidth(double available, double gap, int cards) {
        int fit = (int) Math.floor((available + gap) / (MIN_CARD_WIDTH + gap));
        int columns = Math.max(1, Math.min(fit, cards));
        return Math.max(160, Math.floor((available - gap * (columns - 1)) / columns));
    }

    private void fitCards() {
        double available = getViewportBounds().getWidth() - flow.getPadding().getLeft() - flow.getPadding().getRight();
        if (available <= 0) {
            return;
        }
        double width = cardWidth(available, flow.getHgap(), flow.getChildren().size());
        flow.getChildren().forEach(card -> ((ComponentCard) card).setPrefWidth(width));
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
        fitCards();
    }
}
