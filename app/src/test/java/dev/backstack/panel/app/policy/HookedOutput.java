package dev.backstack.panel.app.policy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Captured output that runs an action, on the writing thread, the first time the text matches a pattern. */
final class HookedOutput extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Pattern trigger;
    private final Runnable action;
    private boolean fired;

    HookedOutput() {
        this(null, () -> {});
    }

    HookedOutput(String trigger, Runnable action) {
        this.trigger = trigger == null ? null : Pattern.compile(trigger);
        this.action = action;
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        check();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        check();
    }

    private void check() {
        if (trigger != null && !fired && trigger.matcher(text()).find()) {
            fired = true;
            action.run();
        }
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
