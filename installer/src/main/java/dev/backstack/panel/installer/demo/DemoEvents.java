package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.demo.DemoPodLogs.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events the kubelet and the scheduler would have recorded for a demo pod, derived from its
 * simulated status: Scheduled, then Pulling (still waiting) or Pulled, Created and Started; a
 * crash-looping container adds a BackOff warning counted by its restarts. Core {@code v1} Event
 * objects, as {@code GET /api/v1/namespaces/{ns}/events} lists them. Pure; any thread.
 */
final class DemoEvents {

    private static final String SCHEDULED_AT = "2026-11-23T08:00:00Z";
    private static final String STARTED_AT = "2026-11-23T08:00:01Z";

    private DemoEvents() {}

    /** The events of one pod ({@code metadata}, {@code spec} and {@code status} maps), oldest first. */
    static List<Map<String, Object>> ofPod(String cluster, Map<?, ?> metadata, Map<?, ?> spec, Map<?, ?> status) {
        String ns = String.valueOf(metadata.get("namespace"));
        String pod = String.valueOf(metadata.get("name"));
        Map<String, Object> involved = new LinkedHashMap<>(Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Pod",
                "namespace",
                ns,
                "name",
                pod,
                "uid",
                String.valueOf(metadata.get("uid"))));
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(event(
                involved,
                "scheduled",
                "Normal",
                "Scheduled",
                "default-scheduler",
                SCHEDULED_AT,
                1,
                "Successfully assigned " + ns + "/" + pod + " to " + cluster + "-worker-1"));
        List<?> containers = spec.get("containers") instanceof List<?> l ? l : List.of();
        List<?> statuses = status.get("containerStatuses") instanceof List<?> l ? l : List.of();
        for (Object c : containers) {
            String name = String.valueOf(map(c).get("name"));
            String image = String.valueOf(map(c).get("image"));
            Map<?, ?> cs = statuses.stream()
                    .map(DemoPodLogs::map)
                    .filter(s -> name.equals(String.valueOf(s.get("name"))))
                    .findFirst()
                    .orElse(Map.of());
            Map<?, ?> state = map(cs.get("state"));
            if (state.isEmpty()
                    || "ContainerCreating".equals(map(state.get("waiting")).get("reason"))) {
                out.add(event(
                        involved,
                        name + ".pulling",
                        "Normal",
                        "Pulling",
                        "kubelet",
                        STARTED_AT,
                        1,
                        "Pulling image \"" + image + "\""));
                continue;
            }
            int restarts = cs.get("restartCount") instanceof Number n ? n.intValue() : 0;
            out.add(event(
                    involved,
                    name + ".pulled",
                    "Normal",
                    "Pulled",
                    "kubelet",
                    STARTED_AT,
                    restarts + 1,
                    "Container image \"" + image + "\" already present on machine"));
            out.add(event(
                    involved,
                    name + ".created",
                    "Normal",
                    "Created",
                    "kubelet",
                    STARTED_AT,
                    restarts + 1,
                    "Created container: " + name));
            out.add(event(
                    involved,
                    name + ".started",
                    "Normal",
                    "Started",
                    "kubelet",
                    STARTED_AT,
                    restarts + 1,
                    "Started container " + name));
            if ("CrashLoopBackOff".equals(map(state.get("waiting")).get("reason"))) {
                out.add(event(
                        involved,
                        name + ".backoff",
                        "Warning",
                        "BackOff",
                        "kubelet",
                        "2026-11-23T08:05:00Z",
                        Math.max(1, restarts * 4),
                        "Back-off restarting failed container " + name + " in pod " + pod + "_" + ns + "("
                                + metadata.get("uid") + ")"));
            }
        }
        return out;
    }

    private static Map<String, Object> event(
            Map<String, Object> involved,
            String suffix,
            String type,
            String reason,
            String component,
            String last,
            int count,
            String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("apiVersion", "v1");
        e.put("kind", "Event");
        e.put(
                "metadata",
                Map.of(
                        "namespace",
                        involved.get("namespace"),
                        "name",
                        involved.get("name") + "." + suffix,
                        "creationTimestamp",
                        SCHEDULED_AT));
        e.put("involvedObject", involved);
        e.put("type", type);
        e.put("reason", reason);
        e.put("message", message);
        e.put("source", Map.of("component", component));
        e.put("reportingComponent", component);
        if (reason.equals("Scheduled")) {
            // the scheduler records through events.k8s.io: in core v1 only eventTime is set
            e.put("eventTime", SCHEDULED_AT.replace("Z", ".000000Z"));
            e.put("action", "Binding");
            e.put("reportingInstance", component + "-" + involved.get("namespace"));
        } else {
            e.put("firstTimestamp", STARTED_AT);
            e.put("lastTimestamp", last);
            e.put("count", count);
        }
        return e;
    }
}
