package dev.backstack.panel.app.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client on the same server that runs {@code race} (once, on another client) just before its
 * first PATCH is sent: whatever the caller read before is then stale, as when another writer
 * lands between a read and a write.
 */
final class StaleReads {

    private final KubernetesClient client;

    StaleReads(KubernetesClient admin, Runnable race) {
        AtomicBoolean raced = new AtomicBoolean();
        this.client = new KubernetesClientBuilder()
                .withConfig(admin.getConfiguration())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("stale-reads", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        if ("PATCH".equals(request.method()) && raced.compareAndSet(false, true)) {
                            race.run();
                        }
                    }
                }))
                .build();
    }

    KubernetesClient client() {
        return client;
    }
}
