package dev.backstack.panel.installer.connect;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the kubeconfig files the panel read and reports when they change in a way that matters
 * for the clients built from them (T25: {@code aws eks update-kubeconfig}, {@code gcloud} and
 * {@code az} rewrite the file while the panel runs).
 *
 * <p>The parent directory of every file is watched (not the file: tools replace it atomically by a
 * rename, or it may not exist yet; a missing parent is covered by watching the nearest existing
 * ancestor; a file that is a symbolic link also has the folder of its target watched). Events for
 * other files in those directories are ignored. A burst of events is
 * debounced ({@link Options#debounce()} of quiet), then the files are read again with
 * {@link KubeconfigDiscovery}. A file that newly fails to read or parse is read again a few times
 * ({@link Options#retries()}, {@link Options#retryDelay()}) before the failure is reported: it is
 * usually a file caught mid-write.
 *
 * <p>The listener is called only when the result differs from the last one reported (or the
 * initial set) in a way that matters: per context a {@link #fingerprint fingerprint} of everything
 * the client is built from; the current context; the set of file problems. The {@link Change}
 * says which contexts changed (their clients must be rebuilt), were added or removed, and which
 * stayed the same (keep their clients and informers).
 *
 * <p>Runs on its own daemon thread; the listener is called on that thread (hop to the FX thread
 * yourself). {@link #close()} stops the thread. Logs file paths, context names and counts only,
 * never file content or credentials.
 */
public final class KubeconfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubeconfigWatcher.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Timing of the watcher. */
    public record Options(Duration debounce, int retries, Duration retryDelay) {

        public Options {
            Objects.requireNonNull(debounce, "debounce");
            Objects.requireNonNull(retryDelay, "retryDelay");
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative");
            }
        }

        /** 500 ms of quiet, then up to 5 more reads 200 ms apart for a file that does not parse. */
        public static Options defaults() {
            return new Options(Duration.ofMillis(500), 5, Duration.ofMillis(200));
        }
    }

    /** Called on the watcher thread with each change that matters. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change);
    }

    /**
     * What changed between two reads. Context names are unique within a {@link KubeconfigSet}.
     *
     * @param previous  the set the caller's clients were built from (the initial set or the last reported one)
     * @param current   the set just read
     * @param changed   contexts present in both whose client must be rebuilt
     *                  ({@code ClientRegistry.release(previous entry)}, then {@code acquire(current entry)})
     * @param added     contexts only in {@code current}
     * @param removed   contexts only in {@code previous} (release their clients)
     * @param unchanged contexts whose client stays as it is (keep it and its informers)
     */
    public record Change(
            KubeconfigSet previous,
            KubeconfigSet current,
            Set<String> changed,
            Set<String> added,
            Set<String> removed,
            Set<String> unchanged) {

        public Change {
            changed = Set.copyOf(changed);
            added = Set.copyOf(added);
            removed = Set.copyOf(removed);
            unchanged = Set.copyOf(unchanged);
        }

        /** True when the current context is another one than before. */
        public boolean currentContextChanged() {
            return !previous.currentContext().equals(current.currentContext());
        }

        /** True when the set of unusable files (and their messages) differs. */
        public boolean problemsChanged() {
            return !Set.copyOf(previous.problems()).equals(Set.copyOf(current.problems()));
        }

        /** True when anything the caller should act on changed. */
        public boolean matters() {
            return !changed.isEmpty()
                    || !added.isEmpty()
                    || !removed.isEmpty()
                    || currentContextChanged()
                    || problemsChanged();
        }

        @Override
        public String toString() {
            return "Change[changed=" + changed + ", added=" + added + ", removed=" + removed + ", unchanged="
                    + unchanged + ", currentContextChanged=" + currentContextChanged() + ", problems="
                    + current.problems().size() + "]";
        }
    }

    private final List<Path> files;
    /** The files and, for symbolic links among them, the files they point to; watcher thread only after start. */
    private List<Path> targets = List.of();

    private final Supplier<KubeconfigSet> reader;
    private final Listener listener;
    private final Options options;
    private final WatchService watch;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private KubeconfigSet last;

    /**
     * Starts watching the files kubectl would read for {@code env} and {@code home} (the same
     * {@code env} the panel gave {@link KubeconfigDiscovery#discover}).
     *
     * @param initial  the set the panel's clients were built from; changes are relative to it
     * @param listener called on the watcher thread
     * @throws IOException if no watch service can be created
     */
    public static KubeconfigWatcher start(
            Map<String, String> env, Path home, KubeconfigSet initial, Options options, Listener listener)
            throws IOException {
        Map<String, String> copy = Map.copyOf(env);
        KubeconfigDiscovery discovery = new KubeconfigDiscovery();
        return new KubeconfigWatcher(
                KubeconfigDiscovery.kubeconfigPaths(copy, home),
                () -> discovery.discover(copy, home),
                initial,
                options,
                listener);
    }

    /** For tests: watches {@code files}, reading them with {@code reader}. */
    KubeconfigWatcher(
            List<Path> files, Supplier<KubeconfigSet> reader, KubeconfigSet initial, Options options, Listener listener)
            throws IOException {
        this.files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.reader = Objects.requireNonNull(reader, "reader");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.options = Objects.requireNonNull(options, "options");
        this.last = Objects.requireNonNull(initial, "initial");
        this.watch = FileSystems.getDefault().newWatchService();
        register();
        this.thread = new Thread(this::run, "kubeconfig-watcher-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        LOG.debug("watching {} kubeconfig file(s): {}", this.files.size(), this.files);
    }

    /** The name of the watcher thread (for diagnostics and tests). */
    public String threadName() {
        return thread.getName();
    }

    /** Stops watching; waits up to two seconds for the thread to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the kubeconfig watch service failed: {}", Redactor.redact(e.getMessage()));
        }
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!closed) {
                if (!drain(watch.take())) {
                    continue;
                }
                debounce();
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.warn("the kubeconfig watcher stopped: {}", Redactor.redact(String.valueOf(e.getMessage())));
        }
    }

    /** Waits until no relevant event came for {@link Options#debounce()}. */
    private void debounce() throws InterruptedException {
        long quietUntil = System.nanoTime() + options.debounce().toNanos();
        while (!closed) {
            long left = quietUntil - System.nanoTime();
            if (left <= 0) {
                return;
            }
            WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
            if (key != null && drain(key)) {
                quietUntil = System.nanoTime() + options.debounce().toNanos();
            }
        }
    }

    private void reload() throws InterruptedException {
        register(); // before reading: a folder created on the way to a file is watched before the file is read
        KubeconfigSet read = reader.get();
        for (int attempt = 0; attempt < options.retries() && newProblems(read); attempt++) {
            LOG.debug("kubeconfig not readable yet ({}), reading it again", problemPaths(read));
            WatchKey key = watch.poll(options.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
            if (key != null && drain(key)) {
                debounce();
            }
            if (closed) {
                return;
            }
            register();
            read = reader.get();
        }
        Change change = diff(last, read);
        if (!change.matters()) {
            LOG.debug("kubeconfig rewritten, nothing that matters changed");
            return;
        }
        last = read;
        LOG.info("kubeconfig changed: {}", change);
        try {
            listener.changed(change);
        } catch (RuntimeException e) {
            LOG.warn("a kubeconfig change listener failed: {}", Redactor.redact(String.valueOf(e.getMessage())));
        }
    }

    private boolean newProblems(KubeconfigSet read) {
        return !Set.copyOf(last.problems()).containsAll(read.problems());
    }

    private static List<Path> problemPaths(KubeconfigSet set) {
        return set.problems().stream().map(FileProblem::path).toList();
    }

    /** Takes the events of one key; true if one of them concerns a watched file (or a folder on its way). */
    private boolean drain(WatchKey key) {
        Path dir = keys.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            } else if (dir != null && event.context() instanceof Path name && concerns(dir.resolve(name))) {
                relevant = true;
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            relevant = true;
        }
        return relevant;
    }

    private boolean concerns(Path changed) {
        for (Path file : targets) {
            if (file.equals(changed) || file.startsWith(changed)) {
                return true;
            }
        }
        return false;
    }

    /** Watches the parent of every file, or its nearest existing ancestor; idempotent. */
    private void register() {
        Set<Path> all = new LinkedHashSet<>(files);
        for (Path file : files) {
            if (Files.isSymbolicLink(file)) {
                try {
                    all.add(file.toRealPath()); // a symlinked kubeconfig: the file it points to is edited
                } catch (IOException e) {
                    LOG.debug("cannot follow the link {}: {}", file, Redactor.redact(String.valueOf(e.getMessage())));
                }
            }
        }
        targets = List.copyOf(all);
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path file : targets) {
            Path dir = file.getParent();
            while (dir != null && !Files.isDirectory(dir)) {
                dir = dir.getParent();
            }
            if (dir != null) {
                dirs.add(dir);
            }
        }
        Set<Path> watched = new HashSet<>(keys.values());
        for (Path dir : dirs) {
            if (watched.contains(dir)) {
                continue;
            }
            try {
                WatchKey key = dir.register(
                        watch,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                keys.put(key, dir);
            } catch (IOException | ClosedWatchServiceException e) {
                LOG.debug("cannot watch {}: {}", dir, Redactor.redact(String.valueOf(e.getMessage())));
            }
        }
    }

    /** Compares two sets context by context, by {@link #fingerprint}. */
    public static Change diff(KubeconfigSet previous, KubeconfigSet current) {
        Map<String, String> before = fingerprints(previous);
        Map<String, String> after = fingerprints(current);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> added = new LinkedHashSet<>();
        Set<String> unchanged = new LinkedHashSet<>();
        for (Map.Entry<String, String> entry : after.entrySet()) {
            String old = before.get(entry.getKey());
            if (old == null) {
                added.add(entry.getKey());
            } else if (old.equals(entry.getValue())) {
                unchanged.add(entry.getKey());
            } else {
                changed.add(entry.getKey());
            }
        }
        Set<String> removed = new LinkedHashSet<>(before.keySet());
        removed.removeAll(after.keySet());
        return new Change(previous, current, changed, added, removed, unchanged);
    }

    /** Context name to {@link #fingerprint}. */
    public static Map<String, String> fingerprints(KubeconfigSet set) {
        Map<String, String> result = new HashMap<>();
        for (ContextEntry entry : set.contexts()) {
            result.put(entry.name(), fingerprint(entry));
        }
        return result;
    }

    /**
     * A SHA-256 over everything a client for this context is built from: source file, server,
     * namespace, TLS settings and material (CA, client certificate and key), the user's
     * credentials (token, token file), the exec plugin (command, arguments, environment, API
     * version, cluster info) and the context's problems. Two entries with the same fingerprint
     * give the same client. Hex; reveals nothing of the credentials.
     */
    public static String fingerprint(ContextEntry entry) {
        List<String> parts = new ArrayList<>();
        ConnectionDetails d = entry.details();
        parts.add(String.valueOf(entry.source()));
        parts.add(entry.clusterName());
        parts.add(entry.server());
        parts.add(entry.user());
        parts.add(entry.namespace());
        parts.add(String.valueOf(entry.insecureSkipTlsVerify()));
        parts.add(String.valueOf(d.caData()));
        parts.add(String.valueOf(d.caFile()));
        parts.add(String.valueOf(d.clientCertData()));
        parts.add(String.valueOf(d.clientCertFile()));
        parts.add(String.valueOf(d.clientKeyData()));
        parts.add(String.valueOf(d.clientKeyFile()));
        parts.add(String.valueOf(d.token()));
        parts.add(String.valueOf(d.tokenFile()));
        parts.add(String.valueOf(d.proxyUrl()));
        parts.add(String.valueOf(d.tlsServerName()));
        parts.add(entry.exec().map(ExecSpecHash::of).orElse("no exec"));
        parts.add(String.valueOf(entry.problems().size()));
        parts.addAll(entry.problems());
        return ExecSpecHash.sha256(parts);
    }
}
