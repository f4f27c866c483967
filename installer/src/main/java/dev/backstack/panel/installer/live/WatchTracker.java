package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.WatchState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.net.HttpURLConnection;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one informer: turns its events into marks (O(1), on fabric8's informer thread) and
 * its failures into a {@link WatchState}. A first list that is denied stops the informer and
 * says "no permission"; a kind whose API is gone stops it as "not installed"; any other failure
 * is retried by fabric8 with exponential backoff and shown as reconnecting.
 */
final class WatchTracker implements ResourceEventHandler<GenericKubernetesResource>, ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WatchTracker.class);
    private static final long LOG_EVERY_MILLIS = 60_000;

    private final String clusterId;
    private final KindSpec spec;
    private final ClusterSession session;
    private final ClusterSession.Sink sink;
    private final LongSupplier clock;
    private final long reconnectIntervalMillis;
    private volatile WatchState state;
    private volatile boolean connectionFailure;
    private volatile boolean unauthorized;
    private volatile boolean lost;
    private volatile boolean seenWatching;
    private long lastLogMillis;

    /**
     * @param session the session it belongs to, told when the watch's state changes
     * @param sink    where each event's key is marked, straight from fabric8's thread
     */
    WatchTracker(
            ClusterSession session,
            KindSpec spec,
            ClusterSession.Sink sink,
            LongSupplier clock,
            long reconnectIntervalMillis) {
        this.session = session;
        this.sink = sink;
        this.clusterId = session.clusterId();
        this.spec = spec;
        this.clock = clock;
        this.reconnectIntervalMillis = reconnectIntervalMillis;
        this.state = new WatchState(clusterId, spec.describe(), WatchState.State.STARTING, 0, 0, 0, "");
    }

    WatchState state() {
        return state;
    }

    KindSpec spec() {
        return spec;
    }

    @Override
    public void onAdd(GenericKubernetesResource obj) {
        event(obj);
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        event(newObj);
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        event(obj);
    }

    @Override
    public void onList(String resourceVersion, boolean remainedEmpty) {
        connectionFailure = false;
        unauthorized = false;
        lost = false;
        seenWatching = false;
        long now = clock.getAsLong();
        setState(new WatchState(clusterId, spec.describe(), WatchState.State.WATCHING, 0, 0, now, ""));
    }

    private void event(GenericKubernetesResource obj) {
        WatchState s = state;
        long now = clock.getAsLong();
        lost = false;
        if (s.state() == WatchState.State.WATCHING) {
            state = new WatchState(clusterId, s.resource(), s.state(), 0, 0, now, "");
        } else {
            setState(new WatchState(clusterId, spec.describe(), WatchState.State.WATCHING, 0, 0, now, ""));
        }
        sink.mark(session, spec, Cache.metaNamespaceKeyFunc(obj));
    }

    @Override
    public boolean retryAfterException(boolean isStarted, Throwable t) {
        int code = statusCode(t);
        WatchState s = state;
        if (code == HttpURLConnection.HTTP_FORBIDDEN && !isStarted) {
            setState(new WatchState(
                    clusterId,
                    spec.describe(),
                    WatchState.State.FORBIDDEN,
                    0,
                    0,
                    s.lastEventMillis(),
                    "the API server denied list on " + spec.plural()
                            + (spec.namespace() == null ? " (all namespaces)" : " in " + spec.namespace())));
            LOG.info("No permission to list {} on {}", spec.describe(), clusterId);
            return false;
        }
        if (code == HttpURLConnection.HTTP_NOT_FOUND && spec.isCustom()) {
            setState(new WatchState(
                    clusterId,
                    spec.describe(),
                    WatchState.State.NOT_INSTALLED,
                    0,
                    0,
                    s.lastEventMillis(),
                    "the API for " + spec.plural() + " is gone"));
            return false;
        }
        connectionFailure = code == 0 && isConnectionProblem(t);
        unauthorized = code == HttpURLConnection.HTTP_UNAUTHORIZED;
        int attempt = s.state() == WatchState.State.RECONNECTING ? s.attempt() + 1 : 1;
        long delay = reconnectIntervalMillis * (1L << Math.min(attempt - 1, 5));
        String message = describe(t, code);
        setState(new WatchState(
                clusterId,
                spec.describe(),
                WatchState.State.RECONNECTING,
                attempt,
                clock.getAsLong() + delay,
                s.lastEventMillis(),
                message));
        logRateLimited(attempt, message);
        return true;
    }

    /**
     * Whether this watch has nothing more to wait for before its first list: denied, not
     * installed, stopped, or refused its credentials.
     */
    boolean settled() {
        WatchState.State st = state.state();
        return st == WatchState.State.FORBIDDEN
                || st == WatchState.State.NOT_INSTALLED
                || st == WatchState.State.STOPPED
                || unauthorized();
    }

    /** Whether the API server refused the credentials (401) on the last attempt. */
    boolean unauthorized() {
        return unauthorized && state.state() == WatchState.State.RECONNECTING;
    }

    /** Whether the last failure was the API server not answering at all (refused, timed out, TLS, DNS). */
    boolean connectionFailure() {
        return connectionFailure && state.state() == WatchState.State.RECONNECTING;
    }

    static boolean isConnectionProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException
                    || c instanceof java.net.SocketTimeoutException
                    || c instanceof java.net.UnknownHostException
                    || c instanceof java.net.NoRouteToHostException
                    || c instanceof javax.net.ssl.SSLException
                    || c instanceof java.nio.channels.ClosedChannelException
                    || (c.getMessage() != null && c.getMessage().contains("Connection refused"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The informer's watch connection is gone while fabric8 re-establishes it on its own (it does
     * not report that to the informer): shown as reconnecting, counting the checks since.
     */
    void watchLost() {
        WatchState s = state;
        if (!seenWatching) {
            // fabric8 counts a watch as open only from its first byte (HTTP watches) or once the
            // request is made after a list: not lost before it was ever seen open.
            return;
        }
        if (s.state() == WatchState.State.WATCHING || (s.state() == WatchState.State.RECONNECTING && lost)) {
            lost = true;
            int attempt = s.state() == WatchState.State.RECONNECTING ? s.attempt() + 1 : 1;
            setState(new WatchState(
                    clusterId,
                    spec.describe(),
                    WatchState.State.RECONNECTING,
                    attempt,
                    0,
                    s.lastEventMillis(),
                    "watch connection lost"));
        }
    }

    /** The watch is back after {@link #watchLost()}, without a relist. */
    void watchRestored() {
        seenWatching = true;
        WatchState s = state;
        if (lost && s.state() == WatchState.State.RECONNECTING) {
            lost = false;
            setState(new WatchState(
                    clusterId, spec.describe(), WatchState.State.WATCHING, 0, 0, s.lastEventMillis(), ""));
        }
    }

    boolean isLost() {
        return lost && state.state() == WatchState.State.RECONNECTING;
    }

    void markStopped(String why) {
        WatchState s = state;
        setState(new WatchState(clusterId, spec.describe(), WatchState.State.STOPPED, 0, 0, s.lastEventMillis(), why));
    }

    void markNotInstalled() {
        WatchState s = state;
        setState(new WatchState(
                clusterId, spec.describe(), WatchState.State.NOT_INSTALLED, 0, 0, s.lastEventMillis(), ""));
    }

    private void setState(WatchState next) {
        state = next;
        session.watchStateChanged();
    }

    private synchronized void logRateLimited(int attempt, String message) {
        long now = clock.getAsLong();
        if (attempt == 1) {
            lastLogMillis = now;
            LOG.info("Watch of {} on {} failed, retrying: {}", spec.describe(), clusterId, message);
        } else if (now - lastLogMillis >= LOG_EVERY_MILLIS) {
            lastLogMillis = now;
            LOG.warn(
                    "Watch of {} on {} failed (attempt {}), retrying: {}",
                    spec.describe(),
                    clusterId,
                    attempt,
                    message);
        }
    }

    static int statusCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getCode() > 0) {
                return k.getCode();
            }
            if (c instanceof WatcherException w && w.asClientException().getCode() > 0) {
                return w.asClientException().getCode();
            }
        }
        return 0;
    }

    /** A short, user-readable cause: the status, or the innermost exception's message. */
    static String describe(Throwable t, int code) {
        dev.backstack.panel.installer.connect.ConnectionException credential =
                dev.backstack.panel.installer.connect.ConnectionException.findIn(t);
        if (credential != null) {
            return credential.getMessage();
        }
        // before the checks below: a refused proxy tunnel is a ConnectException too
        java.util.Optional<String> proxy = dev.backstack.panel.installer.connect.ProxySelection.describeFailure(t);
        if (proxy.isPresent()) {
            return proxy.get();
        }
        Throwable root = t;
        javax.net.ssl.SSLException tls = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof javax.net.ssl.SSLException ssl && tls == null) {
                tls = ssl;
            }
            root = c;
        }
        if (tls != null) {
            return "TLS failure: " + firstLine(root.getMessage() == null ? tls.getMessage() : root.getMessage())
                    + " (check the cluster's certificate-authority in the kubeconfig: the server's certificate"
                    + " must be signed by it)";
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof java.net.ConnectException || text.contains("Connection refused")) {
            return "connection refused";
        }
        if (root instanceof java.net.SocketTimeoutException) {
            return "connection timed out";
        }
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host " + text;
        }
        if (code == 429) {
            return "the API server is throttling requests (429)";
        }
        return code > 0 ? "HTTP " + code + ": " + firstLine(t.getMessage()) : firstLine(text);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
