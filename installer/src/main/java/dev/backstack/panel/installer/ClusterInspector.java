package dev.backstack.panel.installer;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-demand reads for a detail view: recent events of a namespace or of one object, and a pod's
 * log (the current or the previous run of a container, its tail or followed), each bounded.
 * Blocking: call from a background task, never the FX thread. A failed read throws
 * {@link IllegalStateException} with the API server's own words.
 */
public final class ClusterInspector {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterInspector.class);
    /** At most this much of a current log is sent by the server (the previous run's is bounded by lines only). */
    static final int MAX_LOG_BYTES = 2 * 1024 * 1024;

    /** One event line as shown to the user; {@code reason} carries the count when it repeated ({@code BackOff (x12)}). */
    public record EventLine(String time, String type, String object, String reason, String message) {}

    /**
     * Which log to read.
     *
     * @param podKey    {@code namespace/name}
     * @param container the container, or "" for the pod's default (its only or first one)
     * @param previous  the previous, terminated run of the container (after a crash)
     * @param maxLines  the newest lines to keep
     */
    public record LogRequest(String podKey, String container, boolean previous, int maxLines) {
        public LogRequest {
            if (!podKey.contains("/")) {
                throw new IllegalArgumentException("a pod is namespace/name, not " + podKey);
            }
        }

        String namespace() {
            return podKey.substring(0, podKey.indexOf('/'));
        }

        String name() {
            return podKey.substring(podKey.indexOf('/') + 1);
        }
    }

    private final KubernetesClient client;

    ClusterInspector(KubernetesClient client) {
        this.client = client;
    }

    /** The newest {@code max} events of a namespace, newest first. */
    public List<EventLine> events(String namespace, int max) {
        try {
            return lines(client.v1().events().inNamespace(namespace).list().getItems(), max);
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(readable(e, "list events in " + namespace), e);
        }
    }

    /** The newest {@code max} events about one object (its {@code involvedObject}), newest first. */
    public List<EventLine> objectEvents(String kind, String namespace, String name, int max) {
        try {
            return lines(
                    client.v1()
                            .events()
                            .inNamespace(namespace)
                            .withField("involvedObject.kind", kind)
                            .withField("involvedObject.name", name)
                            .list()
                            .getItems(),
                    max);
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(readable(e, "list events of " + kind + " " + namespace + "/" + name), e);
        }
    }

    /** The newest {@code maxLines} lines of a container's log, oldest first. */
    public List<String> logTail(LogRequest request) {
        try {
            String log = loggable(request).getLog();
            BoundedLines lines = new BoundedLines(request.maxLines());
            (log == null ? Stream.<String>empty() : log.lines()).forEach(lines::add);
            return lines.snapshot();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(readable(e, "read the log of " + describe(request)), e);
        }
    }

    /**
     * Follows a container's current log: its last {@code maxLines} lines, then each new line, into
     * {@code sink} (which keeps the newest {@link BoundedLines#max()}), calling {@code changed}
     * after each line on the follow's own thread, and {@code ended} with the reason when the stream
     * ends (the container stopped, the connection dropped, or {@link LogFollow#close()}).
     */
    public LogFollow follow(
            LogRequest request, BoundedLines sink, Runnable changed, java.util.function.Consumer<String> ended) {
        if (request.previous()) {
            throw new IllegalArgumentException("a previous run has ended: read its tail, do not follow it");
        }
        LogWatch watch;
        try {
            watch = loggable(request).watchLog();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(readable(e, "follow the log of " + describe(request)), e);
        }
        LogFollow follow = new LogFollow(watch);
        Thread reader = new Thread(
                () -> {
                    String reason = "the log stream ended";
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            sink.add(line);
                            changed.run();
                        }
                    } catch (IOException e) {
                        reason = follow.isClosed() ? "stopped" : "the log stream broke: " + e.getMessage();
                    } finally {
                        watch.close();
                        ended.accept(follow.isClosed() ? "stopped" : reason);
                    }
                },
                "log-follow-" + request.podKey());
        reader.setDaemon(true);
        reader.start();
        return follow;
    }

    /** A followed log; closing it stops the reading thread. */
    public static final class LogFollow implements AutoCloseable {
        private final LogWatch watch;
        private volatile boolean closed;

        LogFollow(LogWatch watch) {
            this.watch = watch;
        }

        boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
            watch.close();
        }
    }

    private Loggable loggable(LogRequest request) {
        PodResource pod = client.pods().inNamespace(request.namespace()).withName(request.name());
        ContainerResource c =
                (request.container().isEmpty() ? pod : pod.inContainer(request.container())).withReadyWaitTimeout(0);
        return request.previous()
                ? c.terminated().tailingLines(request.maxLines())
                : c.limitBytes(MAX_LOG_BYTES).tailingLines(request.maxLines());
    }

    static List<EventLine> lines(List<Event> events, int max) {
        return events.stream()
                .sorted(Comparator.comparing(ClusterInspector::when).reversed())
                .limit(max)
                .map(e -> new EventLine(
                        when(e).equals(Instant.EPOCH) ? "" : when(e).toString(),
                        nonNull(e.getType()),
                        e.getInvolvedObject() == null
                                ? ""
                                : e.getInvolvedObject().getKind() + " "
                                        + e.getInvolvedObject().getName(),
                        nonNull(e.getReason())
                                + (e.getCount() != null && e.getCount() > 1 ? " (x" + e.getCount() + ")" : ""),
                        nonNull(e.getMessage())))
                .toList();
    }

    /**
     * When an event last happened: {@code lastTimestamp}, else (events recorded through
     * events.k8s.io, such as the scheduler's) its series' last observation or {@code eventTime},
     * else {@code firstTimestamp} or its creation.
     */
    static Instant when(Event e) {
        return Stream.of(
                        e.getLastTimestamp(),
                        e.getSeries() == null || e.getSeries().getLastObservedTime() == null
                                ? null
                                : e.getSeries().getLastObservedTime().getTime(),
                        e.getEventTime() == null ? null : e.getEventTime().getTime(),
                        e.getFirstTimestamp(),
                        e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp())
                .map(ClusterInspector::instant)
                .filter(i -> !i.equals(Instant.EPOCH))
                .findFirst()
                .orElse(Instant.EPOCH);
    }

    private static Instant instant(String time) {
        if (time == null || time.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            LOG.debug("event time {} is not RFC 3339", time);
            return Instant.EPOCH;
        }
    }

    private static String describe(LogRequest r) {
        return (r.previous() ? "the previous run of " : "")
                + r.podKey()
                + (r.container().isEmpty() ? "" : " (container " + r.container() + ")");
    }

    /** The API server's message (for example "previous terminated container ... not found"), not fabric8's wrapping. */
    static String readable(KubernetesClientException e, String what) {
        if (e.getCode() == 403) {
            return "no permission to " + what;
        }
        String server = e.getStatus() == null ? null : e.getStatus().getMessage();
        if (server != null && !server.isBlank()) {
            return "cannot " + what + ": " + server;
        }
        return "cannot " + what + ": " + (e.getCode() == 0 ? String.valueOf(e.getMessage()) : "HTTP " + e.getCode());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
