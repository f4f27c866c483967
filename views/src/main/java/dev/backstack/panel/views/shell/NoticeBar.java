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

    private final Label text = new Label();

    NoticeBar() {
        setId("notice-bar");
        getStyleClass().add("notice-bar");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> show(List.of()));
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        getChildren().addAll(text, dismiss);
        show(List.of());
    }

    void show(List<String> lines) {
        text.setText(String.join("\n", lines));
        setVisible(!lines.isEmpty());
        setManaged(!lines.isEmpty());
    }
}
