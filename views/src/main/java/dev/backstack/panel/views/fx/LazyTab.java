package dev.backstack.panel.views.fx;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is built the first time it is selected (by a click, a shortcut or code),
 * not with the window: the first frame then builds only what it shows. Once built the content
 * stays.
 */
public final class LazyTab extends Tab {

    private Supplier<? extends Node> content;

    public LazyTab(String title, Supplier<? extends Node> content) {
        super(title);
        this.content = content;
        selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                build();
            }
        });
    }

    /** Builds the content now if it is not yet (tests, or a caller that needs it before it is shown). */
    public Node build() {
        if (content != null) {
            Supplier<? extends Node> make = content;
            content = null;
            setContent(make.get());
        }
        return getContent();
    }

    /** Whether the content has been built. */
    public boolean isBuilt() {
        return content == null;
    }
}
