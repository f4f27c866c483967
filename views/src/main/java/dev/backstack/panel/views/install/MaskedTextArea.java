package dev.backstack.panel.views.install;

import dev.backstack.panel.views.fx.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A multi-line secret field (a credentials file, a JSON key): typed or pasted text is not drawn
 * until the user presses Show; a line says how much was entered. Like a PasswordField, the text
 * lives only in the control and in what its listener hands to the view-model.
 */
final class MaskedTextArea extends HBox {

    private final TextArea area = new TextArea();

    MaskedTextArea(String id, String prompt, String showLabel) {
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(4);
        area.setWrapText(false);
        area.getStyleClass().addAll(Styles.CODE, Styles.MASKED);
        Label overlay = new Label();
        overlay.getStyleClass().add("mask-overlay");
        overlay.setMouseTransparent(true);
        overlay.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String t = area.getText();
                            return t == null || t.isEmpty()
                                    ? ""
                                    : "\u25cf\u25cf\u25cf\u25cf\u25cf\u25cf  "
                                            + t.lines().count() + " lines, " + t.length() + " characters (hidden)";
                        },
                        area.textProperty()));
        StackPane stack = new StackPane(area, overlay);
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        HBox.setHgrow(stack, Priority.ALWAYS);
        ToggleButton show = new ToggleButton(showLabel);
        show.setMnemonicParsing(true);
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.selectedProperty().addListener((o, a, shown) -> {
            if (shown) {
                area.getStyleClass().remove(Styles.MASKED);
            } else if (!area.getStyleClass().contains(Styles.MASKED)) {
                area.getStyleClass().add(Styles.MASKED);
            }
        });
        overlay.visibleProperty().bind(show.selectedProperty().not());
        setSpacing(8);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(stack, show);
    }

    /** Focus goes to the text, so the row's label mnemonic lands there. */
    @Override
    public void requestFocus() {
        area.requestFocus();
    }

    TextArea area() {
        return area;
    }

    void clear() {
        area.clear();
    }
}
