package dev.backstack.panel.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Logs and events as the panel reads them from a real cluster's API, on fabric8's mock server. */
class ClusterInspectorTest {

    private static final String POD = "/api/v1/namespaces/kyverno/pods/kyverno-admission-controller-6f9c8d7b5c-x2k8p";
    private static final String KEY = "kyverno/kyverno-admission-controller-6f9c8d7b5c-x2k8p";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Function<String, MockResponse> answers = path -> new MockResponse().setResponseCode(404);
    private KubernetesMockServer server;
    private KubernetesClient client;
    private ClusterInspector inspector;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                new HashMap<>(),
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        String path = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
                        requests.add(path);
                        if (path.equals(POD)) {
                            return json(200, """
                            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"kyverno-admission-controller-6f9c8d7b5c-x2k8p",
                             "namespace":"kyverno"},"spec":{"containers":[{"name":"kyverno","image":"kyverno:v1.11.4"}]},
                             "status":{"phase":"Running"}}""");
                        }
                        return answers.apply(path);
                    }
                },
                false);
        server.init();
        client = server.createClient();
        inspector = new ClusterInspector(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    private static MockResponse text(String body) {
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "text/plain")
                .setBody(body);
    }

    private static String numbered(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }

    private List<String> logRequests() {
        return requests.stream().filter(p -> p.startsWith(POD + "/log")).toList();
    }

    @Test
    @DisplayName(
            "the previous container's log is asked with previous=true and its tail, and shown as the server sent it")
    void readsThePreviousContainer() {
        answers = path -> path.contains("previous=true")
                ? text("starting\nfailed to start webhook server\n")
                : text("current run\n");

        List<String> lines = inspector.logTail(new ClusterInspector.LogRequest(KEY, "", true, 500));

        assertThat(lines).containsExactly("starting", "failed to start webhook server");
        assertThat(logRequests())
                .singleElement()
                .asString()
                .contains("previous=true")
                .contains("tailLines=500");
    }

    @Test
    @DisplayName("a named container is asked by name; the current run is bounded in bytes too")
    void readsANamedContainer() {
        answers = path -> text("ok\n");

        inspector.logTail(new ClusterInspector.LogRequest(KEY, "kyverno", false, 20));

        assertThat(logRequests())
                .singleElement()
                .asString()
                .contains("container=kyverno")
                .contains("tailLines=20")
                .contains("limitBytes=" + ClusterInspector.MAX_LOG_BYTES)
                .doesNotContain("previous");
    }

    @Test
    @DisplayName("the buffer stays bounded when the server sends more lines than asked: the newest are kept")
    void keepsTheNewestLinesWithinTheBound() {
        answers = path -> text(numbered(1200));

        List<String> lines = inspector.logTail(new ClusterInspector.LogRequest(KEY, "", false, 500));

        assertThat(lines).hasSize(500).startsWith("line 701").endsWith("line 1200");
    }

    @Test
    @DisplayName("no previous run: the API server's own words, not 'HTTP 400' and not an empty log")
    void saysWhyThereIsNoPreviousRun() {
        answers = path -> json(400, """
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"BadRequest","code":400,
                 "message":"previous terminated container \\"kyverno\\" in pod \\"kyverno-admission-controller-6f9c8d7b5c-x2k8p\\" not found"}""");

        assertThatThrownBy(() -> inspector.logTail(new ClusterInspector.LogRequest(KEY, "", true, 500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the log of the previous run of " + KEY + ": previous terminated container "
                        + "\"kyverno\" in pod \"kyverno-admission-controller-6f9c8d7b5c-x2k8p\" not found");
    }

    @Test
    @DisplayName(
            "follow: asks follow=true, keeps the newest lines of a long stream in the bounded buffer and says when it ends")
    void followsIntoABoundedBuffer() throws Exception {
        answers = path -> text(numbered(1200));
        BoundedLines sink = new BoundedLines(500);
        CompletableFuture<String> ended = new CompletableFuture<>();

        try (ClusterInspector.LogFollow follow = inspector.follow(
                new ClusterInspector.LogRequest(KEY, "", false, 500), sink, () -> {}, ended::complete)) {
            assertThat(ended.get(10, TimeUnit.SECONDS)).isEqualTo("the log stream ended");
        }

        assertThat(sink.snapshot()).hasSize(500).startsWith("line 701").endsWith("line 1200");
        assertThat(sink.dropped()).isEqualTo(700);
        assertThat(logRequests()).anyMatch(p -> p.contains("follow=true"));
        assertThatThrownBy(() ->
                        inspector.follow(new ClusterInspector.LogRequest(KEY, "", true, 500), sink, () -> {}, r -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("events newest first, with the time of events.k8s.io events (eventTime, series) and the repeat count")
    void eventsNewestFirstWhateverTheirTimeField() {
        answers = path -> path.startsWith("/api/v1/namespaces/kyverno/events") ? json(200, """
                {"apiVersion":"v1","kind":"EventList","metadata":{},"items":[
                 {"metadata":{"name":"a","namespace":"kyverno"},"involvedObject":{"kind":"Pod","name":"p1"},
                  "type":"Normal","reason":"Started","message":"Started container kyverno",
                  "firstTimestamp":"2026-11-23T08:00:01Z","lastTimestamp":"2026-11-23T08:00:01Z","count":1},
                 {"metadata":{"name":"b","namespace":"kyverno"},"involvedObject":{"kind":"Pod","name":"p1"},
                  "type":"Normal","reason":"Scheduled","message":"Successfully assigned kyverno/p1 to node-1",
                  "eventTime":"2026-11-23T08:00:00.123456Z"},
                 {"metadata":{"name":"c","namespace":"kyverno"},"involvedObject":{"kind":"Pod","name":"p1"},
                  "type":"Warning","reason":"BackOff","message":"Back-off restarting failed container kyverno",
                  "firstTimestamp":"2026-11-23T08:01:00Z","lastTimestamp":"2026-11-23T08:09:00Z","count":12},
                 {"metadata":{"name":"d","namespace":"kyverno"},"involvedObject":{"kind":"Lease","name":"kyverno"},
                  "type":"Normal","reason":"LeaderElection","message":"p1 became leader",
                  "eventTime":"2026-11-23T08:00:02.000000Z","series":{"count":3,"lastObservedTime":"2026-11-23T08:10:00.000000Z"}}
                ]}""") : json(404, "{}");

        List<ClusterInspector.EventLine> events = inspector.events("kyverno", 50);

        assertThat(events)
                .extracting(ClusterInspector.EventLine::reason)
                .containsExactly("LeaderElection", "BackOff (x12)", "Started", "Scheduled");
        assertThat(events)
                .extracting(ClusterInspector.EventLine::time)
                .containsExactly(
                        "2026-11-23T08:10:00Z",
                        "2026-11-23T08:09:00Z",
                        "2026-11-23T08:00:01Z",
                        "2026-11-23T08:00:00.123456Z");
        assertThat(inspector.events("kyverno", 2)).hasSize(2);
    }

    @Test
    @DisplayName("an object's events are asked with involvedObject field selectors")
    void objectEventsBySelector() {
        answers = path -> json(200, """
                {"apiVersion":"v1","kind":"EventList","metadata":{},"items":[]}""");

        assertThat(inspector.objectEvents("Pod", "kyverno", "p1", 50)).isEmpty();

        assertThat(requests)
                .anyMatch(p -> p.startsWith("/api/v1/namespaces/kyverno/events")
                        && p.contains("involvedObject.kind=Pod")
                        && p.contains("involvedObject.name=p1"));
    }

    @Test
    @DisplayName("events a user may not list: a short reason, not fabric8's request dump")
    void forbiddenEvents() {
        answers = path -> json(403, """
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,
                 "message":"events is forbidden: User \\"dev\\" cannot list resource \\"events\\" in the namespace \\"kyverno\\""}""");

        assertThatThrownBy(() -> inspector.events("kyverno", 50)).hasMessage("no permission to list events in kyverno");
    }

    @Test
    @DisplayName("a bounded buffer keeps the newest lines and counts the dropped ones")
    void boundedLines() {
        BoundedLines lines = new BoundedLines(3);
        lines.addAll(List.of("a", "b", "c", "d", "e"));

        assertThat(lines.snapshot()).containsExactly("c", "d", "e");
        assertThat(lines.dropped()).isEqualTo(2);
        assertThatThrownBy(() -> new BoundedLines(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
