package dev.backstack.panel.bench.scale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A minimal Kubernetes API server for the scale benchmark: just enough of list and watch for
 * fabric8 informers, with O(1) writes. fabric8's KubernetesMockServer (CRUD mode) scans every
 * stored object on every request on a single event loop; with 20,000 objects that is tens of
 * milliseconds per request, far from 200 changes per second (docs/benchmarks.md has the figures).
 *
 * <p>Serves, over plain HTTP on loopback (Vert.x, already on the class path through fabric8):
 * {@code GET /version}; {@code GET} lists of any {@code /api/v1/...} or {@code /apis/G/V/...}
 * collection, all namespaces or one, with equality label selectors, answering every page at once;
 * and watches ({@code ?watch=true}, WebSocket) that first replay the events after the requested
 * resourceVersion, then stream ADDED/MODIFIED/DELETED events. Objects are created and changed in
 * process ({@link #put}, {@link #update}), never over HTTP. Unknown collections list empty.
 * Thread-safe: one lock orders writes, event history and watch registration.
 */
final class ListWatchServer implements AutoCloseable {

    private static final int HISTORY = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored object and its JSON, re-serialized on every change. */
    private static final class Stored {
        final Map<String, Object> object;
        String json;

        Stored(Map<String, Object> object) {
            this.object = object;
        }
    }

    private record Event(
            long rv, String type, String collection, String namespace, Map<String, String> labels, String json) {}

    private record Watch(String collection, String namespace, Map<String, String> selector, ServerWebSocket socket) {
        boolean wants(String coll, String ns, Map<String, String> labels) {
            return collection.equals(coll)
                    && (namespace == null || namespace.equals(ns))
                    && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    /** A parsed request path: the collection ({@code group/plural}), namespace and name, each possibly null. */
    private record Target(String collection, String namespace, String name) {}

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer http;
    private final Map<String, Map<String, Stored>> collections = new HashMap<>();
    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final List<Watch> watches = new ArrayList<>();
    private long resourceVersion = 1;

    ListWatchServer(int port) throws Exception {
        http = vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(1 << 20))
                .requestHandler(this::handle)
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    int port() {
        return http.actualPort();
    }

    /** Creates or replaces an object (a Map as Jackson reads a Kubernetes object). */
    synchronized void put(Map<String, Object> object) {
        String collection = collectionOf(object);
        Map<String, Object> meta = meta(object);
        String key = key((String) meta.get("namespace"), (String) meta.get("name"));
        Map<String, Stored> items = collections.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        boolean added = !items.containsKey(key);
        if (added) {
            meta.putIfAbsent("uid", UUID.randomUUID().toString());
            meta.putIfAbsent("creationTimestamp", "2026-01-01T00:00:00Z");
        }
        Stored s = new Stored(object);
        items.put(key, s);
        changed(collection, s, added ? "ADDED" : "MODIFIED");
    }

    /** Changes an object in place and sends MODIFIED; false when there is no such object. */
    synchronized boolean update(
            String collection, String namespace, String name, Consumer<Map<String, Object>> change) {
        Stored s = collections.getOrDefault(collection, Map.of()).get(key(namespace, name));
        if (s == null) {
            return false;
        }
        change.accept(s.object);
        changed(collection, s, "MODIFIED");
        return true;
    }

    private void changed(String collection, Stored s, String type) {
        Map<String, Object> meta = meta(s.object);
        meta.put("resourceVersion", Long.toString(++resourceVersion));
        s.json = write(s.object);
        Event e = new Event(
                resourceVersion,
                type,
                collection,
                (String) meta.get("namespace"),
                labels(meta),
                "{\"type\":\"" + type + "\",\"object\":" + s.json + "}");
        history.addLast(e);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        for (Watch w : watches) {
            if (w.wants(e.collection(), e.namespace(), e.labels())) {
                w.socket().writeTextMessage(e.json());
            }
        }
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (path.equals("/version")) {
            req.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.2\",\"platform\":\"linux/amd64\"}");
            return;
        }
        Target t = parse(path);
        if (t == null || !req.method().name().equals("GET")) {
            req.response().setStatusCode(t == null ? 404 : 405).end();
            return;
        }
        Map<String, String> selector = selector(req.getParam("labelSelector"));
        if ("true".equals(req.getParam("watch"))) {
            long since = parseLong(req.getParam("resourceVersion"));
            req.toWebSocket()
                    .onSuccess(ws -> watch(new Watch(t.collection(), t.namespace(), selector, ws), since))
                    .onFailure(e -> req.response().setStatusCode(400).end());
            return;
        }
        req.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(list(t, selector));
    }

    private synchronized void watch(Watch w, long since) {
        for (Event e : history) {
            if (e.rv() > since && w.wants(e.collection(), e.namespace(), e.labels())) {
                w.socket().writeTextMessage(e.json());
            }
        }
        watches.add(w);
        w.socket().closeHandler(v -> {
            synchronized (this) {
                watches.remove(w);
            }
        });
    }

    private synchronized String list(Target t, Map<String, String> selector) {
        StringBuilder out = new StringBuilder(1 << 16)
                .append("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":")
                .append("{\"resourceVersion\":\"")
                .append(resourceVersion)
                .append("\"},\"items\":[");
        boolean first = true;
        for (Stored s : collections.getOrDefault(t.collection(), Map.of()).values()) {
            Map<String, Object> meta = meta(s.object);
            if ((t.namespace() == null || t.namespace().equals(meta.get("namespace")))
                    && (t.name() == null || t.name().equals(meta.get("name")))
                    && selector.entrySet().stream()
                            .allMatch(e -> e.getValue().equals(labels(meta).get(e.getKey())))) {
                out.append(first ? "" : ",").append(s.json);
                first = false;
            }
        }
        return out.append("]}").toString();
    }

    /** /api/v1[/namespaces/NS]/PLURAL[/NAME] and /apis/G/V[/namespaces/NS]/PLURAL[/NAME]. */
    private static Target parse(String path) {
        String[] p = path.replaceAll("^/+|/+$", "").split("/");
        int i;
        String group;
        if (p.length >= 3 && p[0].equals("api")) {
            group = "";
            i = 2;
        } else if (p.length >= 4 && p[0].equals("apis")) {
            group = p[1];
            i = 3;
        } else {
            return null;
        }
        String ns = null;
        if (p.length > i + 1 && p[i].equals("namespaces")) {
            ns = p[i + 1];
            i += 2;
        }
        if (p.length <= i) {
            return null;
        }
        return new Target(group + "/" + p[i], ns, p.length > i + 1 ? p[i + 1] : null);
    }

    /** {@code group/plural} of an object, from its apiVersion and kind (plural: lower-case kind + s/es/ies). */
    static String collectionOf(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String kind = ((String) object.get("kind")).toLowerCase();
        String plural = kind.endsWith("y")
                ? kind.substring(0, kind.length() - 1) + "ies"
                : kind.endsWith("s") ? kind + "es" : kind + "s";
        return group + "/" + plural;
    }

    private static Map<String, String> selector(String text) {
        Map<String, String> out = new HashMap<>();
        if (text != null) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0 && !part.contains("!")) {
                    out.put(
                            part.substring(0, eq).trim(),
                            part.substring(part.lastIndexOf('=') + 1).trim());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> meta) {
        Object l = meta.get("labels");
        return l instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    private static String key(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    private static long parseLong(String s) {
        try {
            return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(Object kubernetesObject) {
        return JSON.convertValue(kubernetesObject, LinkedHashMap.class);
    }

    @Override
    public void close() {
        http.close();
        vertx.close();
    }
}
