package dev.backstack.panel.installer.addon;

import dev.backstack.panel.model.addon.AddonEntry;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo CD sync waves from add-ons' {@code needs}, by a topological order (Kahn's algorithm): an
 * add-on without needs is wave 0, any other is one more than the highest wave of what it needs.
 * Pure.
 */
public final class SyncWaves {

    private SyncWaves() {}

    /**
     * The wave of every entry, in the entries' order.
     *
     * @throws IllegalStateException naming the add-ons on a cycle of needs, or a need that is not among the entries
     */
    public static Map<String, Integer> of(List<AddonEntry> entries) {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        Map<String, AddonEntry> byId = new LinkedHashMap<>();
        for (AddonEntry e : entries) {
            byId.put(e.id(), e);
            waiting.put(e.id(), e.needs().size());
        }
        Map<String, Integer> wave = new LinkedHashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        waiting.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        while (!ready.isEmpty()) {
            String id = ready.poll();
            int w = byId.get(id).needs().stream()
                    .mapToInt(n -> wave.get(n) + 1)
                    .max()
                    .orElse(0);
            wave.put(id, w);
            for (AddonEntry e : entries) {
                if (e.needs().contains(id) && waiting.merge(e.id(), -1, Integer::sum) == 0) {
                    ready.add(e.id());
                }
            }
        }
        if (wave.size() < entries.size()) {
            List<String> stuck = entries.stream()
                    .map(AddonEntry::id)
                    .filter(id -> !wave.containsKey(id))
                    .toList();
            throw new IllegalStateException(
                    "add-ons " + stuck + " need each other in a cycle (or need a missing add-on)");
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.id(), wave.get(e.id())));
        return Collections.unmodifiableMap(ordered);
    }
}
