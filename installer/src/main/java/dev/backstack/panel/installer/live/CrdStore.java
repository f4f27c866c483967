package dev.backstack.panel.installer.live;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The CRD informer's cache: keeps only the CRDs the panel watches, without their schemas (a hub
 * with cloud providers holds hundreds of CRDs of several hundred kilobytes each).
 */
final class CrdStore implements ItemStore<CustomResourceDefinition> {

    private final Set<String> wanted;
    private final Map<String, CustomResourceDefinition> items = new ConcurrentHashMap<>();

    CrdStore(Set<String> wanted) {
        this.wanted = Set.copyOf(wanted);
    }

    @Override
    public String getKey(CustomResourceDefinition obj) {
        return Cache.metaNamespaceKeyFunc(obj);
    }

    @Override
    public CustomResourceDefinition put(String key, CustomResourceDefinition obj) {
        if (!wanted.contains(obj.getMetadata().getName())) {
            return null;
        }
        return items.put(key, trim(obj));
    }

    static CustomResourceDefinition trim(CustomResourceDefinition crd) {
        CustomResourceDefinitionBuilder b = new CustomResourceDefinitionBuilder(crd);
        b.editSpec()
                .withVersions(crd.getSpec().getVersions().stream()
                        .map(CrdStore::withoutSchema)
                        .toList())
                .withConversion(null)
                .endSpec();
        return b.build();
    }

    private static CustomResourceDefinitionVersion withoutSchema(CustomResourceDefinitionVersion v) {
        CustomResourceDefinitionVersion slim = new CustomResourceDefinitionVersion();
        slim.setName(v.getName());
        slim.setServed(v.getServed());
        slim.setStorage(v.getStorage());
        return slim;
    }

    @Override
    public CustomResourceDefinition remove(String key) {
        return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet().stream();
    }

    @Override
    public Stream<CustomResourceDefinition> values() {
        return items.values().stream();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public CustomResourceDefinition get(String key) {
        return items.get(key);
    }
}
