package dev.backstack.panel.installer.plan;

import java.util.List;

/**
 * Where a {@link Wait} stands: how many of its objects are ready, and why the others are not.
 *
 * @param notReady one line per object that is missing or not ready, with its deepest reason
 */
public record WaitVerdict(Wait target, int ready, int total, List<String> notReady) {

    public WaitVerdict {
        notReady = List.copyOf(notReady);
    }

    public boolean isReady() {
        return target.absence()
                ? notReady.isEmpty()
                : notReady.isEmpty() && total >= Math.max(1, target.minCount()) && ready == total;
    }

    /** {@code providers healthy 2/3: Provider x: ...}, the sub-status line. */
    public String message() {
        String head = target.label() + " " + ready + "/" + total;
        return notReady.isEmpty()
                ? head
                : head + " — " + notReady.get(0)
                        + (notReady.size() > 1 ? " (and " + (notReady.size() - 1) + " more)" : "");
    }
}
