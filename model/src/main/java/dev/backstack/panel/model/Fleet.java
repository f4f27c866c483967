package dev.backstack.panel.model;

import java.util.List;

/**
 * An immutable snapshot of the whole fleet: the hub, its spokes, and the state of every watch
 * that fed it.
 *
 * @param simulated  true for the built-in demo fleet, which the UI must label as a simulation
 * @param revision   increases with every published snapshot
 * @param takenMillis epoch millis when the snapshot was assembled
 */
public record Fleet(
        Cluster hub,
        List<Cluster> spokes,
        List<WatchState> watches,
        boolean simulated,
        long revision,
        long takenMillis) {

    public Fleet {
        spokes = List.copyOf(spokes);
        watches = List.copyOf(watches);
    }

    /** Healthy only when the hub and every spoke are. */
    public Health health() {
        Health worst = hub.health();
        for (Cluster spoke : spokes) {
            worst = worst.worst(spoke.health());
        }
        return worst;
    }

    /** The ids of the hub and of every spoke in this snapshot. */
    public java.util.Set<String> clusterIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        ids.add(hub.id());
        spokes.forEach(s -> ids.add(s.id()));
        return ids;
    }

    public List<WatchState> watchesOf(String clusterId) {
        return watches.stream().filter(w -> w.cluster().equals(clusterId)).toList();
    }
}
