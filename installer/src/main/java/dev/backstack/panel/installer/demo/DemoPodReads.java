package dev.backstack.panel.installer.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backstack.panel.installer.apply.Manifests;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads of a simulated cluster that the CRUD mock cannot answer: a pod's log
 * ({@code GET .../pods/{name}/log}, with {@code container}, {@code previous}, {@code tailLines}
 * and {@code follow}, which ends at the end of the log) and its events (the list of
 * {@code /api/v1/namespaces/{ns}/events} or {@code /api/v1/events}, honouring
 * {@code involvedObject.*} field selectors). Both come from the pods as stored, through
 * {@link DemoPodLogs} and {@link DemoEvents}. Called on the mock server's threads.
 */
final class DemoPodReads {

    private static final Pattern LOG = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/log$");
    private static final Pattern EVENTS = Pattern.compile("^/api/v1(?:/namespaces/([^/]+))?/events$");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final String cluster;
    private final Function<String, MockResponse> get;

    /**
     * @param cluster the simulated cluster's name (its node names)
     * @param get     the CRUD mock's answer to a GET of a path
     */
    DemoPodReads(String cluster, Function<String, MockResponse> get) {
        this.cluster = cluster;
        this.get = get;
    }

    /** The answer to a GET of {@code path} (with its query), if it is a log or an event list. */
    Optional<MockResponse> answer(String path) {
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : path.substring(q + 1));
        if ("true".equals(query.get("watch"))) {
            return Optional.empty();
        }
        Matcher log = LOG.matcher(bare);
        if (log.matches()) {
            return Optional.of(log(log.group(1), log.group(2), query));
        }
        Matcher events = EVENTS.matcher(bare);
        if (events.matches()) {
            return Optional.of(events(events.group(1), query.getOrDefault("fieldSelector", "")));
        }
        return Optional.empty();
    }

    private MockResponse log(String ns, String name, Map<String, String> query) {
        Optional<Map<String, Object>> pod = read("/api/v1/namespaces/" + ns + "/pods/" + name);
        if (pod.isEmpty()) {
            return DemoDispatcher.status(404, "NotFound", "pods \"" + name + "\" not found");
        }
        DemoPodLogs.Answer answer = DemoPodLogs.of(
                name,
                DemoPodLogs.map(pod.get().get("spec")),
                DemoPodLogs.map(pod.get().get("status")),
                query.get("container"),
                "true".equals(query.get("previous")));
        if (answer instanceof DemoPodLogs.Refusal r) {
            return DemoDispatcher.status(400, "BadRequest", r.message());
        }
        List<String> lines = ((DemoPodLogs.Log) answer).lines();
        int tail = tailLines(query.get("tailLines"), lines.size());
        List<String> shown = lines.subList(lines.size() - tail, lines.size());
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "text/plain")
                .setBody(shown.isEmpty() ? "" : String.join("\n", shown) + "\n");
    }

    private MockResponse events(String ns, String fieldSelector) {
        List<Map<String, Object>> events = new ArrayList<>(stored(ns));
        for (Map<String, Object> pod : pods(ns)) {
            events.addAll(DemoEvents.ofPod(
                    cluster,
                    DemoPodLogs.map(pod.get("metadata")),
                    DemoPodLogs.map(pod.get("spec")),
                    DemoPodLogs.map(pod.get("status"))));
        }
        Map<String, String> wanted = selector(fieldSelector);
        List<Map<String, Object>> items = events.stream()
                .filter(e -> matches(e, wanted))
                .sorted(Comparator.comparing(
                        e -> String.valueOf(DemoPodLogs.map(e.get("metadata")).get("name"))))
                .toList();
        Map<String, Object> list = Manifests.map(
                "apiVersion",
                "v1",
                "kind",
                "EventList",
                "metadata",
                Manifests.map("resourceVersion", "1"),
                "items",
                items);
        try {
            return DemoDispatcher.json(200, DemoDispatcher.JSON.writeValueAsString(list));
        } catch (JsonProcessingException e) {
            return DemoDispatcher.status(
                    500, "InternalError", "cannot write the simulated events: " + e.getOriginalMessage());
        }
    }

    private List<Map<String, Object>> pods(String ns) {
        return items(ns == null ? "/api/v1/pods" : "/api/v1/namespaces/" + ns + "/pods");
    }

    /** Events stored by writers (none in the demo today), kept beside the simulated ones. */
    private List<Map<String, Object>> stored(String ns) {
        return items(ns == null ? "/api/v1/events" : "/api/v1/namespaces/" + ns + "/events");
    }

    private List<Map<String, Object>> items(String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        read(path)
                .map(l -> l.get("items"))
                .filter(List.class::isInstance)
                .map(List.class::cast)
                .ifPresent(l -> l.forEach(o -> out.add(DemoDispatcher.JSON.convertValue(o, OBJECT))));
        return out;
    }

    private Optional<Map<String, Object>> read(String path) {
        MockResponse r = get.apply(path);
        if (r == null || r.code() != 200 || r.getBody() == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = DemoDispatcher.JSON.readTree(r.getBody().readUtf8());
            return node.isObject() ? Optional.of(DemoDispatcher.JSON.convertValue(node, OBJECT)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** {@code involvedObject.name=x,involvedObject.kind=Pod} as a map; other fields are ignored. */
    private static Map<String, String> selector(String fieldSelector) {
        Map<String, String> out = new HashMap<>();
        for (String part : fieldSelector.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.startsWith("involvedObject.")) {
                out.put(
                        part.substring("involvedObject.".length(), eq),
                        part.substring(eq + 1).replaceFirst("^=", ""));
            }
        }
        return out;
    }

    private static boolean matches(Map<String, Object> event, Map<String, String> wanted) {
        Map<?, ?> involved = DemoPodLogs.map(event.get("involvedObject"));
        return wanted.entrySet().stream().allMatch(w -> w.getValue().equals(String.valueOf(involved.get(w.getKey()))));
    }

    private static int tailLines(String value, int size) {
        try {
            return value == null ? size : Math.max(0, Math.min(size, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return size;
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
