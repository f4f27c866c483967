package dev.backstack.panel.installer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientRegistryTest {

    private final ClientRegistry registry = new ClientRegistry(
            new ClientFactory(Map.of(), LoginShellPath.fixed(null), ClientFactory.Settings.defaults()));

    @TempDir
    Path tmp;

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private ContextEntry entry(String file, String name) {
        return new ContextEntry(
                name,
                tmp.resolve(file),
                "c",
                "https://" + name + ".example.test:6443",
                "",
                "default",
                false,
                Optional.empty(),
                List.of());
    }

    @Test
    void returnsTheSameConnectionForTheSameFileAndContext() {
        ClusterConnection first = registry.acquire(entry("a", "prod"));
        ClusterConnection second = registry.acquire(entry("a", "prod"));

        assertThat(second).isSameAs(first);
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void keepsContextsOfTheSameNameFromDifferentFilesApart() {
        ClusterConnection a = registry.acquire(entry("a", "prod"));
        ClusterConnection b = registry.acquire(entry("b", "prod"));

        assertThat(b).isNotSameAs(a);
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void releaseClosesTheClientAndTheNextAcquireBuildsANewOne() {
        ClusterConnection first = registry.acquire(entry("a", "prod"));

        registry.release(entry("a", "prod"));

        assertThat(first.client().getHttpClient().isClosed()).isTrue();
        assertThat(registry.acquire(entry("a", "prod"))).isNotSameAs(first);
    }

    @Test
    void closeAllClosesEveryClient() {
        ClusterConnection a = registry.acquire(entry("a", "one"));
        ClusterConnection b = registry.acquire(entry("a", "two"));

        registry.closeAll();

        assertThat(registry.size()).isZero();
        assertThat(a.client().getHttpClient().isClosed()).isTrue();
        assertThat(b.client().getHttpClient().isClosed()).isTrue();
    }

    @Test
    void concurrentAcquiresBuildOneClient() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<ClusterConnection> acquire = () -> registry.acquire(entry("a", "busy"));
            List<Future<ClusterConnection>> results = pool.invokeAll(Collections.nCopies(16, acquire));
            ClusterConnection first = results.get(0).get(5, TimeUnit.SECONDS);
            for (Future<ClusterConnection> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void doesNotCacheFailures() {
        ContextEntry broken = new ContextEntry(
                "broken", tmp.resolve("a"), "c", "10.0.0.1:6443", "", "default", false, Optional.empty(), List.of());

        assertThatThrownBy(() -> registry.acquire(broken)).isInstanceOf(ConnectionException.class);
        assertThat(registry.size()).isZero();
    }

    @Test
    void refusesToAcquireAfterClose() {
        registry.close();

        assertThatThrownBy(() -> registry.acquire(entry("a", "late"))).isInstanceOf(IllegalStateException.class);
    }
}
