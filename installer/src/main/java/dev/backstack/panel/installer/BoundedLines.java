package dev.backstack.panel.installer;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;

/**
 * The newest {@code max} lines of a log: adding past the bound drops the oldest, and counts it.
 * Thread-safe: a follow's reader thread adds while the FX thread takes snapshots.
 */
public final class BoundedLines {

    private final int max;
    private final ArrayDeque<String> lines;
    private long dropped;

    public BoundedLines(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a log buffer needs room for at least one line, not " + max);
        }
        this.max = max;
        this.lines = new ArrayDeque<>(Math.min(max, 1024));
    }

    public synchronized void add(String line) {
        if (lines.size() == max) {
            lines.removeFirst();
            dropped++;
        }
        lines.addLast(line);
    }

    public synchronized void addAll(Collection<String> more) {
        more.forEach(this::add);
    }

    /** The lines kept, oldest first. */
    public synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }

    /** How many lines were dropped to keep within the bound. */
    public synchronized long dropped() {
        return dropped;
    }

    public int max() {
        return max;
    }
}
