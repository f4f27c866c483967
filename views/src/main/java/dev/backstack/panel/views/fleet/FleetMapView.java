package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.views.fx.Styles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * The fleet as a picture: the hub in the middle, the spokes around it, each coloured by health.
 * Clicking a cluster selects it.
 *
 * <p>One node per cluster, kept across snapshots by the cluster's id: a snapshot updates only the
 * nodes whose cluster record changed (health, labels); positions are computed again only when the
 * set of clusters or the size changes; a selection moves the selected state from one node to
 * another. One tooltip serves every node, its text set when the pointer enters one (a tooltip is
 * a popup window with its own scene: one per node per snapshot stalled the FX thread for seconds).
 */
public final class FleetMapView extends Pane {

    private static final int LABELLED_SPOKES = 24;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final DashboardViewModel vm;
    private final Group links = new Group();
    private final Group nodes = new Group();
    private final Map<String, ClusterNode> byId = new HashMap<>();
    private final Tooltip tooltip = new Tooltip();
    /** The ids in drawing order (hub first) the positions were computed for. */
    private List<String> laidOut = List.of();

    private double laidOutWidth;
    private double laidOutHeight;
    private ClusterNode hovered;
    private ClusterNode selected;

    public FleetMapView(DashboardViewModel vm) {
        this.vm = vm;
        getStyleClass().add("fleet-map");
        setMinSize(260, 220);
        setPrefSize(420, 300);
        getChildren().addAll(links, nodes);
        tooltip.setWrapText(true);
        vm.fleetProperty().addListener((o, a, b) -> update());
        vm.selectedClusterProperty().addListener((o, a, b) -> select(b == null ? null : b.id()));
        widthProperty().addListener(o -> update());
        heightProperty().addListener(o -> update());
        update();
    }

    /** Brings the nodes to the view-model's fleet: new and gone clusters, changed ones, positions if needed. */
    private void update() {
        Fleet f = vm.fleetProperty().get();
        if (f == null) {
            clear();
            return;
        }
        List<Cluster> all = new ArrayList<>(f.spokes().size() + 1);
        all.add(f.hub());
        all.addAll(f.spokes());
        List<String> ids = new ArrayList<>(all.size());
        for (Cluster c : all) {
            ids.add(c.id());
        }
        double w = getWidth() > 0 ? getWidth() : getPrefWidth();
        double h = getHeight() > 0 ? getHeight() : getPrefHeight();
        if (!ids.equals(laidOut) || w != laidOutWidth || h != laidOutHeight) {
            layOut(all, w, h);
            laidOut = ids;
            laidOutWidth = w;
            laidOutHeight = h;
        } else {
            for (Cluster c : all) {
                byId.get(c.id()).show(c);
            }
        }
        Cluster sel = vm.selectedClusterProperty().get();
        select(sel == null ? null : sel.id());
    }

    private void clear() {
        byId.clear();
        links.getChildren().clear();
        nodes.getChildren().clear();
        laidOut = List.of();
        selected = null;
        hovered = null;
    }

    /** Places every cluster, reusing the nodes of those already drawn; only when clusters came, went or moved. */
    private void layOut(List<Cluster> all, double w, double h) {
        double cx = w / 2;
        double cy = h / 2;
        int spokes = all.size() - 1;
        boolean labelled = spokes <= LABELLED_SPOKES;
        double ring = Math.min(w, h) / 2 - (labelled ? 46 : 16);
        double spokeRadius = labelled ? 20 : Math.max(3, Math.min(8, 900.0 / Math.max(1, spokes)));
        Map<String, ClusterNode> keep = new HashMap<>();
        List<javafx.scene.Node> nodeChildren = new ArrayList<>(all.size());
        List<javafx.scene.Node> linkChildren = new ArrayList<>(spokes);
        for (int i = 0; i < all.size(); i++) {
            Cluster c = all.get(i);
            ClusterNode n = byId.get(c.id());
            if (n == null) {
                n = new ClusterNode(c.id());
            }
            keep.put(c.id(), n);
            if (i == 0) {
                n.place(cx, cy, 30, true, null);
            } else {
                double angle = -Math.PI / 2 + 2 * Math.PI * (i - 1) / spokes;
                n.place(cx + ring * Math.cos(angle), cy + ring * Math.sin(angle), spokeRadius, labelled, new double[] {
                    cx, cy
                });
                linkChildren.add(n.link);
            }
            n.show(c);
            nodeChildren.add(n.group);
        }
        byId.clear();
        byId.putAll(keep);
        if (selected != null && !byId.containsKey(selected.id)) {
            selected = null;
        }
        if (hovered != null && !byId.containsKey(hovered.id)) {
            hovered = null;
        }
        links.getChildren().setAll(linkChildren);
        // spokes first, the hub drawn over them
        java.util.Collections.reverse(nodeChildren);
        nodes.getChildren().setAll(nodeChildren);
    }

    private void select(String id) {
        ClusterNode next = id == null ? null : byId.get(id);
        if (next == selected) {
            return;
        }
        if (selected != null) {
            selected.circle.pseudoClassStateChanged(SELECTED, false);
        }
        if (next != null) {
            next.circle.pseudoClassStateChanged(SELECTED, true);
        }
        selected = next;
    }

    /** The node drawn for a cluster id (tests). */
    Group nodeOf(String clusterId) {
        ClusterNode n = byId.get(clusterId);
        return n == null ? null : n.group;
    }

    /** What the shared tooltip says for the node under the pointer (tests). */
    String tooltipText() {
        return tooltip.getText();
    }

    /** One cluster's circle, labels and link to the hub; its cluster record is what it last showed. */
    private final class ClusterNode {
        final String id;
        final Group group = new Group();
        final Circle circle = new Circle();
        final Line link = new Line();
        Text name;
        Text health;
        Cluster shown;
        boolean labelled;
        double x;
        double y;
        double r;

        ClusterNode(String id) {
            this.id = id;
            circle.getStyleClass().add("fleet-node");
            link.getStyleClass().add("fleet-link");
            group.getChildren().add(circle);
            group.setId("map-" + id);
            group.setCursor(javafx.scene.Cursor.HAND);
            group.setOnMouseClicked(e -> vm.selectCluster(id));
            group.setOnMouseEntered(e -> {
                hovered = this;
                tooltip.setText(tip());
            });
            group.setOnMouseExited(e -> {
                if (hovered == this) {
                    hovered = null;
                }
            });
            Tooltip.install(group, tooltip);
        }

        void place(double x, double y, double r, boolean labelled, double[] hub) {
            this.x = x;
            this.y = y;
            this.r = r;
            circle.setCenterX(x);
            circle.setCenterY(y);
            circle.setRadius(r);
            if (hub != null) {
                link.setStartX(hub[0]);
                link.setStartY(hub[1]);
                link.setEndX(x);
                link.setEndY(y);
            }
            if (labelled != this.labelled) {
                this.labelled = labelled;
                if (labelled) {
                    name = centred("fleet-label");
                    health = centred("fleet-sublabel");
                    group.getChildren().addAll(name, health);
                } else {
                    group.getChildren().removeAll(name, health);
                    name = null;
                    health = null;
                }
            }
            shown = null; // labels are centred again by show()
        }

        void show(Cluster c) {
            if (c == shown) {
                return;
            }
            Cluster was = shown;
            shown = c;
            if (was == null || was.health() != c.health()) {
                Styles.health(circle, c.health());
            }
            if (labelled) {
                if (was == null || !was.name().equals(c.name())) {
                    name.setText(c.name());
                    name.setX(x - name.getLayoutBounds().getWidth() / 2);
                }
                if (was == null || was.health() != c.health()) {
                    health.setText(c.health().label());
                    health.setX(x - health.getLayoutBounds().getWidth() / 2);
                }
                name.setY(y + r + 15);
                health.setY(y + r + 29);
            }
            if (hovered == this) {
                tooltip.setText(tip());
            }
        }

        /** A label kept centred under the circle, also once the stylesheet's font is applied. */
        private Text centred(String style) {
            Text t = new Text();
            t.getStyleClass().add(style);
            t.layoutBoundsProperty().addListener((o, a, b) -> {
                if (a.getWidth() != b.getWidth()) {
                    t.setX(x - b.getWidth() / 2);
                }
            });
            return t;
        }

        String tip() {
            Cluster c = shown;
            return c == null
                    ? ""
                    : c.name() + " (" + c.role().name().toLowerCase() + "): "
                            + c.health().label() + "\n" + c.reachability().label() + "\n"
                            + c.assessment().oneLine();
        }
    }
}
