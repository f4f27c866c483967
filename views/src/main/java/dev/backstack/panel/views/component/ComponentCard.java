package dev.backstack.panel.views.component;

import dev.backstack.panel.model.Component;
import dev.backstack.panel.views.fx.Styles;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One hub component: name, health, version, the one-line reason, and a link to its UI when an
 * ingress host is known. Focusable; Enter or a click opens the detail.
 */
public final class ComponentCard extends VBox {

    private final Label name = new Label();
    private final Label health = new Label();
    private final Label version = new Label();
    private final Label reason = new Label();
    private final Label installedBy = new Label();
    private final Hyperlink link = new Hyperlink();
    private final Tooltip reasonTip = new Tooltip();
    private Component component;

    public ComponentCard(Consumer<Component> open, Consumer<String> openUrl) {
        getStyleClass().add(Styles.CARD);
        setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        setFocusTraversable(true);
        name.getStyleClass().add(Styles.TITLE);
        health.getStyleClass().add(Styles.CHIP);
        version.getStyleClass().add(Styles.MUTED);
        installedBy.getStyleClass().add(Styles.MUTED);
        reason.getStyleClass().add(Styles.REASON);
        reason.setWrapText(true);
        reason.setMaxHeight(76);
        installedBy.setWrapText(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, name, grow, health);
        setSpacing(6);
        getChildren().addAll(top, version, reason, installedBy, link);
        link.setOnAction(e -> openUrl.accept(link.getText()));
        Tooltip.install(reason, reasonTip);
        setOnMouseClicked(e -> {
            requestFocus();
            open.accept(component);
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                open.accept(component);
            }
        });
    }

    /** Unknown for the reason of its whole cluster (not connected, unreachable, connecting). */
    static boolean clusterWide(Component c) {
        return c.health() == dev.backstack.panel.model.Health.UNKNOWN
                && c.assessment()
                        .reason()
                        .map(r -> r.path().size() == 1 && r.subject().startsWith("cluster "))
                        .orElse(false);
    }

    /** Shows {@code c}; nothing to do when it is the record this card already shows (snapshots reuse unchanged ones). */
    public void show(Component c) {
        if (c == component) {
            return;
        }
        component = c;
        setId("card-" + c.kind().name());
        name.setText(c.kind().displayName());
        health.setText(c.statusLabel());
        Styles.health(health, c.health());
        Styles.health(this, c.health());
        version.setText(c.version().isEmpty() ? "version unknown" : "version " + c.version());
        String line = c.assessment().oneLine();
        // Unknown because the whole cluster is: said once above the cards, not on every card.
        reason.setText(clusterWide(c) ? "status unknown: see the cluster's reason above" : line);
        String hintText = ComponentDetailViewModel.hintText(c);
        reasonTip.setText(c.assessment()
                        .reason()
                        .map(r -> r.pathText() + "\n\n" + r.message())
                        .orElse(line)
                + (hintText.isEmpty() ? "" : "\n\n" + hintText));
        installedBy.setText(c.installedBy().isEmpty() ? "" : "installed by " + c.installedBy());
        link.setText(c.url() == null ? "" : c.url());
        setAccessibleText(c.kind().displayName() + ", " + health.getText() + ", " + line);
        link.setVisible(c.url() != null);
        link.setManaged(c.url() != null);
    }

    /** What the card says, as one line (tests, accessibility). */
    public String displayedText() {
        return String.join(
                " | ",
                name.getText(),
                health.getText(),
                version.getText(),
                reason.getText(),
                installedBy.getText(),
                link.getText());
    }

    public Component component() {
        return component;
    }
}
