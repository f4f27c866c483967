package dev.backstack.panel.app.spoke;

import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClientRegistry;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.connect.KubeconfigSet;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.spoke.SpokeContexts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user's kubeconfig contexts as clusters the spoke wizard can register. Each context opened
 * gets its own client, released by {@link #close()} (call it when the wizard closes).
 */
public final class KubeconfigContexts implements SpokeContexts, AutoCloseable {

    private final Supplier<Optional<KubeconfigSet>> kubeconfig;
    private final ClientRegistry clients;

    public KubeconfigContexts(Supplier<Optional<KubeconfigSet>> kubeconfig, Map<String, String> env) {
        this.kubeconfig = kubeconfig;
        this.clients = new ClientRegistry(new ClientFactory(env));
    }

    @Override
    public List<String> names() {
        return kubeconfig
                .get()
                .map(k -> k.contexts().stream()
                        .filter(ContextEntry::usable)
                        .map(ContextEntry::name)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public Optional<PlanTarget> open(String context) {
        return kubeconfig
                .get()
                .flatMap(k -> k.find(context))
                .map(e ->
                        new PlanTarget(e.name(), e.server(), clients.acquire(e).client(), null, null, false));
    }

    @Override
    public void close() {
        clients.closeAll();
    }
}
