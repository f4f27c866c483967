package dev.backstack.panel.views.wizard;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard. FX thread only. */
public final class SystemClipboard implements TextClipboard {

    @Override
    public void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public boolean holds(String text) {
        Clipboard c = Clipboard.getSystemClipboard();
        return c.hasString() && text.equals(c.getString());
    }

    @Override
    public void clear() {
        Clipboard.getSystemClipboard().clear();
    }
}
