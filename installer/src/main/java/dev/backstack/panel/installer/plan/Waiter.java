package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.KindOps;
import dev.backstack.panel.installer.live.KubeObjects;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Health;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Waits for readiness by watching, never by polling: informers (list, then watch), one per kind
 * and namespace, shared by the waits of a run and closed with the waiter; each wait is
 * re-evaluated on every event, so the step after a condition turns True starts within an event's
 * latency. A wait over budget is reported and keeps watching (most install "failures" are slow
 * clusters); it fails only at {@link #HARD_LIMIT_FACTOR} times the budget, with the reason of
 * every object still not ready. Blocking; call from the plan's thread. Cancelled by interrupting
 * that thread. Thread-safe.
 */
public final class Waiter implements AutoCloseable {

    /** A wait fails at this multiple of its budget. */
    public static final int HARD_LIMIT_FACTOR = 3;

    private final KubernetesClient client;
    private final Map<String, Watched> informers = new java.util.HashMap<>();

    public Waiter(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The wait's verdict now, from one list (for "already satisfied" checks). */
    public WaitVerdict check(Wait wait) {
        try {
            var op = KindOps.op(client, wait.kind(), wait.namespace());
            List<GenericKubernetesResource> items = wait.selector() == null
                    ? op.list().getItems()
                    : op.withLabelSelector(wait.selector()).list().getItems();
            return evaluate(wait, items);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 && wait.absence()) {
                return new WaitVerdict(wait, 0, 0, List.of()); // the kind is not served: nothing of it is left
            }
            return new WaitVerdict(
                    wait,
                    0,
                    Math.max(1, wait.names().size()),
                    List.of(wait.kind().kind() + " cannot be read: HTTP " + e.getCode()));
        }
    }

    /**
     * Blocks until the wait is ready.
     *
     * @param status receives each new sub-status line
     * @throws StepFailure          when it is not ready within {@link #HARD_LIMIT_FACTOR} times the budget
     * @throws InterruptedException when the plan is cancelled
     */
    public void await(Wait wait, Duration budget, Consumer<String> status) throws StepFailure, InterruptedException {
        if (wait.absence() && check(wait).isReady()) {
            return; // already gone (or its kind is not even served): nothing to watch
        }
        CompletableFuture<WaitVerdict> ready = new CompletableFuture<>();
        Tracker tracker = new Tracker(wait, status, ready);
        Watched watched = informer(wait);
        tracker.store = watched.informer().getStore()::list;
        watched.informer().addEventHandler(tracker);
        watched.problems().add(tracker);
        try {
            // Evaluated once the first list arrived, then on every event: never on an empty cache.
            watched.synced().thenRun(tracker::synced);
            try {
                ready.get(budget.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException overBudget) {
                status.accept("over budget (" + Durations.human(budget) + "), still watching: " + tracker.last());
            }
            try {
                ready.get(budget.toMillis() * (HARD_LIMIT_FACTOR - 1), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                WaitVerdict v = tracker.lastVerdict();
                throw new StepFailure(
                        wait.label() + " not reached after " + Durations.human(budget.multipliedBy(HARD_LIMIT_FACTOR))
                                + ": " + (v == null ? "nothing observed" : String.join("; ", v.notReady())),
                        "The cluster may still be working on it, or something is stuck: read the reason, fix what it "
                                + "names (kubectl describe the object), then retry this step; it picks up where it was.");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("wait failed unexpectedly", e.getCause());
        } finally {
            watched.informer().removeEventHandler(tracker);
            watched.problems().remove(tracker);
        }
    }

    /**
     * Starts watching for these waits now (before the writes they wait for), so a condition that
     * turns True right after the write is seen by a watch already open, not by a list started late.
     */
    public void prepare(List<Wait> waits) {
        waits.forEach(this::informer);
    }

    /**
     * One informer per kind, namespace and selector, opened on first use and shared by every later
     * wait of the run (waits come and go; watches stay open until {@link #close()}).
     */
    private synchronized Watched informer(Wait wait) {
        String key = wait.kind().ref() + "@" + wait.namespace() + "?" + wait.selector();
        Watched w = informers.get(key);
        if (w == null) {
            var op = KindOps.op(client, wait.kind(), wait.namespace());
            var scoped = wait.selector() != null ? op.withLabelSelector(wait.selector()) : op;
            SharedIndexInformer<GenericKubernetesResource> informer = scoped.runnableInformer(0);
            List<Tracker> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
            informer.exceptionHandler((started, t) -> {
                problems.forEach(p -> p.problem(t));
                return true;
            });
            w = new Watched(informer, informer.start(), problems);
            informers.put(key, w);
        }
        return w;
    }

    /** Stops every informer this waiter opened. */
    @Override
    public synchronized void close() {
        informers.values().forEach(w -> w.informer().stop());
        informers.clear();
    }

    private record Watched(
            SharedIndexInformer<GenericKubernetesResource> informer,
            java.util.concurrent.CompletionStage<Void> synced,
            List<Tracker> problems) {}

    static WaitVerdict evaluate(Wait wait, Collection<GenericKubernetesResource> items) {
        Map<String, GenericKubernetesResource> byName = new LinkedHashMap<>();
        for (GenericKubernetesResource r : items) {
            byName.put(r.getMetadata().getName(), r);
        }
        List<String> wanted = wait.names().isEmpty() ? new ArrayList<>(byName.keySet()) : wait.names();
        List<String> notReady = new ArrayList<>();
        if (wait.absence()) {
            wanted.stream()
                    .filter(byName::containsKey)
                    .forEach(n -> notReady.add(wait.kind().kind() + " " + n
                            + (byName.get(n).getMetadata().getDeletionTimestamp() != null
                                    ? " is being deleted"
                                    : " still exists")));
            int total = wait.names().isEmpty() ? notReady.size() : wanted.size();
            return new WaitVerdict(wait, total - notReady.size(), total, notReady);
        }
        int ready = 0;
        for (String name : wanted) {
            GenericKubernetesResource r = byName.get(name);
            if (r == null) {
                notReady.add(wait.kind().kind() + " " + name + " does not exist yet");
                continue;
            }
            Assessment a = wait.readiness().assess(KubeObjects.from(r));
            if (a.health() == Health.HEALTHY) {
                ready++;
            } else {
                notReady.add(
                        a.reason().map(x -> x.oneLine()).orElse(wait.kind().kind() + " " + name + ": " + a.summary()));
            }
        }
        if (wanted.size() < wait.minCount()) {
            notReady.add(wanted.size() + " of at least " + wait.minCount() + " "
                    + wait.kind().kind() + " objects exist");
        }
        return new WaitVerdict(wait, ready, wanted.size(), notReady);
    }

    /** Re-evaluates on every informer event; reports each new sub-status once. */
    private static final class Tracker implements ResourceEventHandler<GenericKubernetesResource> {
        private final Wait wait;
        private final Consumer<String> status;
        private final CompletableFuture<WaitVerdict> ready;
        private volatile java.util.function.Supplier<List<GenericKubernetesResource>> store = List::of;
        private volatile WaitVerdict lastVerdict;
        private volatile String lastMessage = "";
        private boolean synced;

        Tracker(Wait wait, Consumer<String> status, CompletableFuture<WaitVerdict> ready) {
            this.wait = wait;
            this.status = status;
            this.ready = ready;
        }

        synchronized void synced() {
            synced = true;
            evaluate();
        }

        synchronized void evaluate() {
            if (!synced) {
                return;
            }
            WaitVerdict v = Waiter.evaluate(wait, store.get());
            lastVerdict = v;
            report(v.message());
            if (v.isReady()) {
                ready.complete(v);
            }
        }

        void problem(Throwable t) {
            int code = t instanceof KubernetesClientException k ? k.getCode() : 0;
            report(wait.label() + ": cannot watch " + wait.kind().kind() + (code > 0 ? " (HTTP " + code + ")" : "")
                    + ", retrying");
        }

        private void report(String message) {
            if (!message.equals(lastMessage)) {
                lastMessage = message;
                status.accept(message);
            }
        }

        String last() {
            return lastMessage;
        }

        WaitVerdict lastVerdict() {
            return lastVerdict;
        }

        @Override
        public void onAdd(GenericKubernetesResource obj) {
            evaluate();
        }

        @Override
        public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
            evaluate();
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
            evaluate();
        }
    }
}
