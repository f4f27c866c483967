package dev.backstack.panel.installer;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * On-demand reads for a detail view: recent events of a namespace and the tail of a pod's log,
 * each bounded. Blocking: call from a background task, never the FX thread.
 */
public final class ClusterInspector {

    /** One event line as shown to the user. */
    public record EventLine(String time, String type, String object, String reason, String message) {
    }

    private final KubernetesClient client;

    ClusterInspector(KubernetesClient client) {
        this.client = client;
    }

    /** The newest {@code max} events of a namespace, newest first. */
    public List<EventLine> events(String namespace, int max) {
        List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
        return events.stream()
                .sorted(Comparator.comparing((Event e) -> Objects.requireNonNullElse(e.getLastTimestamp(), "")).reversed())
                .limit(max)
                .map(e -> new EventLine(Objects.requireNonNullElse(e.getLastTimestamp(), ""), e.getType(),
                        e.getInvolvedObject().getKind() + " " + e.getInvolvedObject().getName(), e.getReason(),
                        e.getMessage()))
                .toList();
    }

    /** The last {@code maxLines} lines of a pod's log ({@code namespace/name}). */
    public List<String> logTail(String podKey, int maxLines) {
        String[] parts = podKey.split("/", 2);
        try {
            String log = client.pods().inNamespace(parts[0]).withName(parts[1]).tailingLines(maxLines).getLog();
            Deque<String> lines = new ArrayDeque<>(maxLines);
            log.lines().forEach(l -> {
                if (lines.size() == maxLines) {
                    lines.removeFirst();
                }
                lines.addLast(l);
            });
            return List.copyOf(lines);
        } catch (KubernetesClientException e) {
            return List.of("cannot read the log of " + podKey + ": " + (e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode()));
        }
    }
}
