package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.rules.ArgoRules;
import dev.backstack.panel.model.rules.ClusterAssembler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One cluster's Argo CD Applications as statuses, each derived once when its object changes and
 * kept in {@link ClusterAssembler#APPLICATION_ORDER}, so the list is a copy, not a sort, after a
 * change. Used on the store's thread only.
 */
final class ApplicationStatuses {

    /** Object key to the key it is ordered by: name, then namespace ({@code \0} sorts before any character). */
    private final Map<String, String> orderKeys = new HashMap<>();

    private final TreeMap<String, ApplicationStatus> ordered = new TreeMap<>();
    private List<ApplicationStatus> list = List.of();
    private boolean changed;

    void put(String key, KubeObject application) {
        ApplicationStatus status = ArgoRules.application(application);
        String order = status.name() + '\0' + status.namespace();
        String previous = orderKeys.put(key, order);
        if (previous != null && !previous.equals(order)) {
            ordered.remove(previous);
        }
        ordered.put(order, status);
        changed = true;
    }

    void remove(String key) {
        String order = orderKeys.remove(key);
        if (order != null) {
            ordered.remove(order);
            changed = true;
        }
    }

    /** Drops every status whose object is gone (a kind or a namespace's watch stopped). */
    void retainKeys(Set<String> keys) {
        List<String> gone =
                orderKeys.keySet().stream().filter(k -> !keys.contains(k)).toList();
        gone.forEach(this::remove);
    }

    List<ApplicationStatus> sorted() {
        if (changed) {
            list = List.copyOf(ordered.values());
            changed = false;
        }
        return list;
    }
}
