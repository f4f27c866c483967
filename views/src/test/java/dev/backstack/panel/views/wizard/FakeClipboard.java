package dev.backstack.panel.views.wizard;

/** A clipboard in memory. */
public final class FakeClipboard implements TextClipboard {

    private String text;

    @Override
    public void put(String value) {
        text = value;
    }

    @Override
    public boolean holds(String value) {
        return value.equals(text);
    }

    @Override
    public void clear() {
        text = null;
    }

    public String text() {
        return text;
    }
}
