package dev.backstack.panel.installer.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client per kubeconfig context, reused: every {@code KubernetesClient} owns an HTTP client
 * and event-loop threads, so building one per request leaks. A context is identified by its
 * source file and name; {@link #acquire} returns the same connection for it until
 * {@link #release} (which closes it, e.g. on context switch or kubeconfig reload) or
 * {@link #closeAll()}. Thread-safe; {@link #acquire} may build a client, so call it off the FX thread.
 */
public final class ClientRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    private record Key(Path source, String name) {
        static Key of(ContextEntry entry) {
            return new Key(entry.source(), entry.name());
        }
    }

    private final ClientFactory factory;
    private final Map<Key, ClusterConnection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ClientRegistry(ClientFactory factory) {
        this.factory = factory;
    }

    /**
     * The connection for this context, built on first use. A later entry with the same source and
     * name gets the existing connection even if the kubeconfig changed; release it first to rebuild.
     *
     * @throws ConnectionException   if the client cannot be built (nothing is cached then)
     * @throws IllegalStateException after {@link #close()}
     */
    public ClusterConnection acquire(ContextEntry entry) {
        if (closed) {
            throw new IllegalStateException("the client registry is closed");
        }
        ClusterConnection connection = connections.computeIfAbsent(Key.of(entry), key -> factory.connect(entry));
        if (closed) {
            release(entry);
            throw new IllegalStateException("the client registry is closed");
        }
        return connection;
    }

    /** Closes and forgets the connection for this context, if any. */
    public void release(ContextEntry entry) {
        ClusterConnection connection = connections.remove(Key.of(entry));
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    /** Closes and forgets every connection; the registry stays usable. */
    public void closeAll() {
        List<Key> keys = new ArrayList<>(connections.keySet());
        for (Key key : keys) {
            ClusterConnection connection = connections.remove(key);
            if (connection != null) {
                closeQuietly(connection);
            }
        }
    }

    /** Closes every connection and refuses further {@link #acquire} calls. */
    @Override
    public void close() {
        closed = true;
        closeAll();
    }

    /**
     * Cancels every credential plugin still running (a browser login the user gave up on); the
     * clusters waiting for them say so, and the plugin is not started again until the context is
     * released and acquired anew.
     *
     * @return how many plugins were running
     */
    public int cancelPendingCredentials() {
        int cancelled = 0;
        for (ClusterConnection c : connections.values()) {
            // Pending, not only running: a cancel that comes before the process has started
            // (the login shell's PATH is still being read) kills it as soon as it starts.
            if (c.credentials().map(p -> p.isPending() || p.isRunning()).orElse(false)) {
                c.credentials().get().cancel();
                cancelled++;
            }
        }
        return cancelled;
    }

    /** How many connections are open (for diagnostics and leak tests). */
    public int size() {
        return connections.size();
    }

    private static void closeQuietly(ClusterConnection connection) {
        try {
            connection.close();
        } catch (RuntimeException e) {
            LOG.warn(
                    "closing the client for context {} failed: {}",
                    connection.context().name(),
                    Redactor.redact(String.valueOf(e.getMessage())));
        }
    }
}
