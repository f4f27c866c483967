package dev.backstack.panel.installer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted API server on fabric8's mock web server (https, loopback): lists served from fixed
 * objects per collection path, in pages when the request has a {@code limit} (with {@code continue}
 * tokens as a real API server gives them), and watches that open and stay idle. Unlike the mock's
 * CRUD mode it does not block its event loop when a watch closes (fabric8's
 * {@code WatchEventsListener.onClosed} waits for an executor on the event loop, which stalls the
 * server after many closed watches), so it can serve hundreds of informers coming and going.
 * Records every list request and counts the watches open right now.
 */
final class ScriptedApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesMockServer server;
    private final Map<String, List<Map<String, Object>>> collections = new HashMap<>();
    private final AtomicInteger openWatches = new AtomicInteger();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger watchesOpened = new AtomicInteger();
    private final List<String> lists = new CopyOnWriteArrayList<>();
    private final AtomicInteger expireContinues = new AtomicInteger();
    private final AtomicInteger expired = new AtomicInteger();

    ScriptedApiServer() {
        MockWebServer web = new MockWebServer();
        web.addListener(new io.fabric8.mockwebserver.MockWebServerListener() {
            @Override
            public void onConnection(io.fabric8.mockwebserver.http.RecordedHttpConnection connection) {
                openConnections.incrementAndGet();
            }

            @Override
            public void onConnectionClosed(io.fabric8.mockwebserver.http.RecordedHttpConnection connection) {
                openConnections.decrementAndGet();
            }
        });
        server = new KubernetesMockServer(
                new Context(),
                web,
                new HashMap<>(),
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return answer(request);
                    }
                },
                true);
        server.init(InetAddress.getLoopbackAddress(), 0);
    }

    String url() {
        return "https://127.0.0.1:" + server.getPort();
    }

    /** Serves these objects at a collection path such as {@code /apis/apps/v1/deployments}. */
    synchronized void serve(String collectionPath, List<Map<String, Object>> items) {
        collections.put(collectionPath, List.copyOf(items));
    }

    /** The next {@code n} list requests that carry a {@code continue} token are answered 410 Gone. */
    void expireNextContinues(int n) {
        expireContinues.set(n);
    }

    int openWatches() {
        return openWatches.get();
    }

    /** TCP connections open at the server right now (watches, pooled connections). */
    int openConnections() {
        return openConnections.get();
    }

    int watchesOpened() {
        return watchesOpened.get();
    }

    int continuesExpired() {
        return expired.get();
    }

    /** Every list request so far, as path and query. */
    List<String> listRequests() {
        return List.copyOf(lists);
    }

    private MockResponse answer(RecordedRequest request) {
        String full = request.getPath();
        int q = full.indexOf('?');
        String path = q < 0 ? full : full.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : full.substring(q + 1));
        if (!"GET".equals(request.getMethod())) {
            return json(405, status(405, "MethodNotAllowed", "read-only test server"));
        }
        if (path.equals("/version")) {
            return json(200, Map.of("major", "1", "minor", "33", "gitVersion", "v1.33.4", "platform", "linux/amd64"));
        }
        if ("true".equals(query.get("watch"))) {
            return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                @Override
                public void onOpen(WebSocket webSocket, io.fabric8.mockwebserver.http.Response response) {
                    openWatches.incrementAndGet();
                    watchesOpened.incrementAndGet();
                }

                @Override
                public void onClosed(WebSocket webSocket, int code, String reason) {
                    openWatches.decrementAndGet();
                }

                @Override
                public void onFailure(WebSocket webSocket, Throwable t, io.fabric8.mockwebserver.http.Response r) {
                    openWatches.decrementAndGet();
                }
            });
        }
        lists.add(full);
        if (query.containsKey("continue") && expireContinues.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            expired.incrementAndGet();
            return json(
                    410,
                    status(
                            410,
                            "Expired",
                            "The provided continue parameter is too old to display a"
                                    + " consistent list result. You can start a new list without the continue parameter."));
        }
        List<Map<String, Object>> items;
        synchronized (this) {
            items = collections.getOrDefault(path, List.of());
        }
        int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : Integer.MAX_VALUE;
        int to = (int) Math.min(items.size(), (long) from + limit);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", "1000");
        if (to < items.size()) {
            metadata.put("continue", String.valueOf(to));
            metadata.put("remainingItemCount", items.size() - to);
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.put("metadata", metadata);
        list.put("items", new ArrayList<>(items.subList(Math.min(from, items.size()), to)));
        return json(200, list);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty()) {
                int eq = part.indexOf('=');
                out.put(decode(eq < 0 ? part : part.substring(0, eq)), eq < 0 ? "" : decode(part.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> status(int code, String reason, String message) {
        return Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Status",
                "status",
                "Failure",
                "code",
                code,
                "reason",
                reason,
                "message",
                message);
    }

    private static MockResponse json(int code, Object body) {
        try {
            return new MockResponse()
                    .setResponseCode(code)
                    .setHeader("Content-Type", "application/json")
                    .setBody(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal Deployment as the API server lists it. */
    static Map<String, Object> deployment(String namespace, String name, int resourceVersion) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("uid", namespace + "-" + name);
        metadata.put("resourceVersion", String.valueOf(resourceVersion));
        metadata.put("generation", 1);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("apiVersion", "apps/v1");
        d.put("kind", "Deployment");
        d.put("metadata", metadata);
        d.put("spec", Map.of("replicas", 1));
        return d;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
