package dev.backstack.panel.views.component;

import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.views.fleet.DashboardViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;

/** A card per component of the selected cluster, BACK components first. */
public final class ComponentCardsView extends ScrollPane {

    static final double MIN_CARD_WIDTH = 290;
    private final FlowPane flow = new FlowPane(12, 12);
    private final Consumer<Component> open;
    private final Consumer<String> openUrl;
    private final Map<ComponentKind, ComponentCard> cards = new EnumMap<>(ComponentKind.class);

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
        cluster.textProperty()
                .bind(vm.selectedClusterProperty()
                        .map(c -> c.reachability().isReachable()
                                ? ""
                                : c.assessment()
                                        .reason()
                                        .map(dev.backstack.panel.model.StatusReason::oneLineWithHint)
                                        .orElse(c.assessment().summary()))
                        .orElse(""));
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
        double available = getViewportBounds().getWidth()
                - flow.getPadding().getLeft()
                - flow.getPadding().getRight();
        if (available <= 0) {
            return;
        }
        double width = cardWidth(available, flow.getHgap(), flow.getChildren().size());
        flow.getChildren().forEach(card -> ((ComponentCard) card).setPrefWidth(width));
    }

    /**
     * One card per component kind, kept while the kind is shown: a changed component updates its
     * card in place (a card whose record did not change does nothing); cards are added, removed
     * or reordered only when the kinds shown change (another cluster selected).
     */
    private void render(DashboardViewModel vm) {
        Map<ComponentKind, ComponentCard> next = new EnumMap<>(ComponentKind.class);
        List<Node> order = new ArrayList<>(vm.components().size());
        for (Component c : vm.components()) {
            ComponentCard card = cards.get(c.kind());
            if (card == null) {
                card = new ComponentCard(open, openUrl);
            }
            card.show(c);
            next.put(c.kind(), card);
            order.add(card);
        }
        cards.clear();
        cards.putAll(next);
        if (!order.equals(flow.getChildren())) {
            flow.getChildren().setAll(order);
            fitCards();
        }
    }

    /** The card of a component kind, if shown (tests). */
    ComponentCard cardOf(ComponentKind kind) {
        return cards.get(kind);
    }
}
