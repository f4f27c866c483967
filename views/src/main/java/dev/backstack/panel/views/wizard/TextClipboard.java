package dev.backstack.panel.views.wizard;

/**
 * The clipboard as view-models see it, so they can copy a secret and clear it later without
 * scene-graph code. Called on the FX thread. {@link SystemClipboard} is the real one.
 */
public interface TextClipboard {

    void put(String text);

    /** True when the clipboard holds exactly {@code text}. */
    boolean holds(String text);

    void clear();
}
