package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.views.fx.Styles;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * The fleet as a picture: the hub in the middle, the spokes around it, each coloured by health.
 * Clicking a cluster (or pressing Enter on it) selects it. Redrawn only when the fleet or the
 * size changes.
 */
public final class FleetMapView extends Pane {

    private static final int LABELLED_SPOKES = 24;
    private final DashboardViewModel vm;

    public FleetMapView(DashboardViewModel vm) {
        this.vm = vm;
        getStyleClass().add("fleet-map");
        setMinSize(260, 220);
        setPrefSize(420, 300);
        vm.fleetProperty().addListener((o, a, b) -> {
            if (a == null || b == null || a.revision() != b.revision()) {
                redraw();
            }
        });
        vm.selectedClusterProperty().addListener((o, a, b) -> {
            if (a == null || b == null || !a.id().equals(b.id())) {
                redraw();
            }
        });
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
    }

    private void redraw() {
        Fleet f = vm.fleetProperty().get();
        getChildren().clear();
        if (f == null) {
            return;
        }
        double w = getWidth() > 0 ? getWidth() : getPrefWidth();
        double h = getHeight() > 0 ? getHeight() : getPrefHeight();
        double cx = w / 2;
        double cy = h / 2;
        List<Cluster> spokes = f.spokes();
        boolean labelled = spokes.size() <= LABELLED_SPOKES;
        double ring = Math.min(w, h) / 2 - (labelled ? 46 : 16);
        double spokeRadius = labelled ? 20 : Math.max(3, Math.min(8, 900.0 / Math.max(1, spokes.size())));
        for (int i = 0; i < spokes.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / spokes.size();
            double x = cx + ring * Math.cos(angle);
            double y = cy + ring * Math.sin(angle);
            Line line = new Line(cx, cy, x, y);
            line.getStyleClass().add("fleet-link");
            getChildren().add(0, line);
            getChildren().add(node(spokes.get(i), x, y, spokeRadius, labelled));
        }
        getChildren().add(node(f.hub(), cx, cy, 30, true));
    }

    private Group node(Cluster c, double x, double y, double r, boolean label) {
        Circle circle = new Circle(x, y, r);
        circle.getStyleClass().addAll("fleet-node", Styles.health(c.health()));
        Cluster selected = vm.selectedClusterProperty().get();
        if (selected != null && selected.id().equals(c.id())) {
            circle.getStyleClass().add("selected");
        }
        Group g = new Group(circle);
        if (label) {
            Text name = new Text(c.name());
            name.getStyleClass().add("fleet-label");
            name.setX(x - name.getLayoutBounds().getWidth() / 2);
            name.setY(y + r + 15);
            Text health = new Text(c.health().label());
            health.getStyleClass().add("fleet-sublabel");
            health.setX(x - health.getLayoutBounds().getWidth() / 2);
            health.setY(y + r + 29);
            g.getChildren().addAll(name, health);
        }
        Tooltip.install(g, new Tooltip(c.name() + " (" + c.role().name().toLowerCase() + "): " + c.health().label()
                + "\n" + c.reachability().label() + "\n" + c.assessment().oneLine()));
        g.setOnMouseClicked(e -> vm.selectCluster(c.id()));
        g.setCursor(javafx.scene.Cursor.HAND);
        g.setId("map-" + c.id());
        return g;
    }
}
