package dev.backstack.panel.views.shell;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A dismissable bar of notices under the header; hidden when there is nothing to say. */
final class NoticeBar extends HBox {

    /** A way out of a notice: a button's label and what it does. */
    record Action(String label, Runnable run) {}

    private final Label text = new Label();
    private final HBox actions = new HBox(8);

    NoticeBar() {
        setId("notice-bar");
        getStyleClass().add("notice-bar");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("Dismiss");
        dismiss.setMinWidth(USE_PREF_SIZE);
        dismiss.setOnAction(e -> show(List.of()));
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(text, actions, dismiss);
        show(List.of());
    }

    void show(List<String> lines) {
        show(lines, List.of());
    }

    /** Notices with the ways out of them, as buttons (each also dismisses the bar). */
    void show(List<String> lines, List<Action> ways) {
        actions.getChildren()
                .setAll(ways.stream()
                        .map(a -> {
                            Button b = new Button(a.label());
                            b.setMinWidth(USE_PREF_SIZE);
                            b.setOnAction(e -> {
                                show(List.of());
                                a.run().run();
                            });
                            return b;
                        })
                        .toList());
        text.setText(String.join("\n", lines));
        setVisible(!lines.isEmpty());
        setManaged(!lines.isEmpty());
    }
}
