package dev.backstack.panel.installer.plan;

import dev.backstack.panel.installer.apply.ApplyResult;
import dev.backstack.panel.installer.apply.ServerSideApplier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal on the cluster itself: a ConfigMap {@code plan-<id>} in the namespace
 * {@value #NAMESPACE}, written by server-side apply under the panel's field manager. Anyone
 * resuming the plan, from any workstation, finds it there. Never holds secret values.
 */
public final class ConfigMapJournal implements Journal {

    /** The panel's own namespace on a cluster it installs into. */
    public static final String NAMESPACE = "backstack-panel";

    static final String KEY = "journal.json";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigMapJournal.class);

    private final KubernetesClient client;
    private final ServerSideApplier applier;
    private final String name;
    private volatile boolean namespaceSeen;

    public ConfigMapJournal(KubernetesClient client, ServerSideApplier applier, String planId) {
        this.client = client;
        this.applier = applier;
        this.name = "plan-" + planId;
    }

    public String name() {
        return name;
    }

    @Override
    public Optional<JournalRecord> load() {
        try {
            ConfigMap cm =
                    client.configMaps().inNamespace(NAMESPACE).withName(name).get();
            return cm == null || cm.getData() == null
                    ? Optional.empty()
                    : JournalCodec.read(cm.getData().get(KEY));
        } catch (KubernetesClientException e) {
            LOG.info("cannot read journal {}/{}: HTTP {}", NAMESPACE, name, e.getCode());
            return Optional.empty();
        }
    }

    @Override
    public void save(JournalRecord record) throws JournalException {
        try {
            if (!namespaceSeen && client.namespaces().withName(NAMESPACE).get() == null) {
                check(applier.apply(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAMESPACE)
                        .addToLabels(labels())
                        .endMetadata()
                        .build()));
            }
            namespaceSeen = true;
            check(applier.apply(new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withNamespace(NAMESPACE)
                    .addToLabels(labels())
                    .endMetadata()
                    .addToData(KEY, JournalCodec.write(record))
                    .build()));
        } catch (KubernetesClientException e) {
            throw new JournalException("cannot write journal " + NAMESPACE + "/" + name + ": HTTP " + e.getCode(), e);
        }
    }

    private static Map<String, String> labels() {
        return Map.of("app.kubernetes.io/managed-by", ServerSideApplier.FIELD_MANAGER);
    }

    private void check(ApplyResult<?> r) throws JournalException {
        if (r.refusal().isPresent()) {
            throw new JournalException(
                    "cannot write journal " + NAMESPACE + "/" + name + ": "
                            + r.refusal().get().message(),
                    null);
        }
    }
}
