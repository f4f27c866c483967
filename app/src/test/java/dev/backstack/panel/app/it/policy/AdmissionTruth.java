package dev.backstack.panel.app.it.policy;

import dev.backstack.panel.installer.policy.cel.CelCompileException;
import dev.backstack.panel.installer.policy.cel.CelPolicyProgram;
import dev.backstack.panel.installer.policy.cel.ImpactEvaluator;
import dev.backstack.panel.installer.policy.cel.ObjectImpact;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.ResourceMatch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The truth test of the policy preview: installs a policy's CEL on a real API server as a
 * ValidatingAdmissionPolicy ({@code failurePolicy: Fail}) with a Deny binding, tries a
 * server-side dry-run create of each sample (nothing is stored; only the namespaces are created,
 * each with its {@code default} ServiceAccount, which pods need), and compares what the server
 * did with what {@link ImpactEvaluator} predicts for the same objects. The prediction reads each
 * sample as the server would store it (the result of a dry-run create before the policy is
 * installed: defaults such as {@code imagePullPolicy} or a pod's {@code securityContext: {}}
 * applied, unknown fields of a CRD pruned), as the preview reads existing objects, and the
 * namespaces' objects from the server. The policy is removed afterwards. One test thread at a time.
 */
public final class AdmissionTruth {

    /** Where a namespaced sample without a namespace is tried. */
    public static final String SAMPLE_NAMESPACE = "truth-samples";

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionTruth.class);
    private static final Duration EFFECT_BUDGET = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final Set<String> namespaces = new HashSet<>();

    public AdmissionTruth(KubernetesClient client) {
        this.client = client;
    }

    /** A catalog entry with these parameter values, its passing and failing samples, no exclusions. */
    public TruthScore score(PolicyEntry entry, Map<String, Object> values) throws CelCompileException {
        List<TruthSample> samples = Stream.concat(
                        entry.passing().stream().map(TruthSample::passing),
                        entry.failing().stream().map(TruthSample::failing))
                .toList();
        return score(TruthPolicy.of(entry, values, List.of()), samples);
    }

    public TruthScore score(TruthPolicy policy, List<TruthSample> samples) throws CelCompileException {
        return score(policy, samples, CelPolicyProgram.compile(policy.variables(), policy.validations()));
    }

    /** As {@link #score(TruthPolicy, List)} with another program predicting (to show the test can fail). */
    TruthScore score(TruthPolicy policy, List<TruthSample> samples, CelPolicyProgram predictor) {
        ImpactEvaluator preview = new ImpactEvaluator(predictor, policy.matches(), policy.excludedNamespaces());
        List<TruthSample> placed = samples.stream().map(this::placed).toList();
        List<Optional<ObjectImpact>> predictions = placed.stream()
                .map(s -> predict(preview, dryRunCreate(policy, s.object()).storedOr(s.object())))
                .toList();
        Optional<Map<String, Object>> probe = probe(placed, predictions);
        PolicyObjects.install(client, policy);
        try {
            awaitInEffect(policy, probe, true);
            List<SampleResult> results = new ArrayList<>();
            for (int i = 0; i < placed.size(); i++) {
                results.add(judge(policy, placed.get(i), predictions.get(i)));
            }
            TruthScore score = new TruthScore(policy.name(), results);
            LOG.info("{}", score);
            return score;
        } finally {
            PolicyObjects.uninstall(client, policy);
            awaitInEffect(policy, probe, false);
        }
    }

    /** A sample the policy should refuse: one meant to fail, else one predicted to be refused. */
    private static Optional<Map<String, Object>> probe(
            List<TruthSample> samples, List<Optional<ObjectImpact>> predictions) {
        Optional<Map<String, Object>> meant = samples.stream()
                .filter(s -> Boolean.TRUE.equals(s.expectedRejected()))
                .map(TruthSample::object)
                .findFirst();
        return meant.or(() -> java.util.stream.IntStream.range(0, samples.size())
                .filter(i -> predictions.get(i).map(ObjectImpact::blocked).orElse(false))
                .mapToObj(i -> samples.get(i).object())
                .findFirst());
    }

    private SampleResult judge(TruthPolicy policy, TruthSample sample, Optional<ObjectImpact> prediction) {
        boolean predicted = prediction.map(ObjectImpact::blocked).orElse(false);
        String predictedMessage = prediction.map(ObjectImpact::message).orElse("");
        String label = label(sample.object());
        DryRun attempt = dryRunCreate(policy, sample.object());
        if (attempt.refusal() == null) {
            return new SampleResult(label, sample.expectedRejected(), predicted, predictedMessage, false, "", null);
        }
        String message = attempt.refusal();
        boolean ours = message.contains("ValidatingAdmissionPolicy '" + policy.objectName() + "'");
        return new SampleResult(
                label, sample.expectedRejected(), predicted, predictedMessage, ours, message, ours ? null : message);
    }

    private Optional<ObjectImpact> predict(ImpactEvaluator preview, Map<String, Object> object) {
        String ns = namespace(object);
        List<Map<String, Object>> objects = ns.isEmpty() ? List.of(object) : List.of(namespaceObject(ns), object);
        return preview.assess(objects).objects().stream()
                .filter(o -> o.kind().equals(object.get("kind")) && o.name().equals(name(object)))
                .findFirst();
    }

    /** What a dry-run create gave: the object as the server would store it, or its refusal. */
    private record DryRun(Map<String, Object> stored, String refusal) {

        Map<String, Object> storedOr(Map<String, Object> sample) {
            return stored == null ? sample : stored;
        }
    }

    @SuppressWarnings("unchecked")
    private DryRun dryRunCreate(TruthPolicy policy, Map<String, Object> object) {
        GenericKubernetesResource resource =
                client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        var op = policy.matches().stream()
                .filter(m -> m.apiVersion().equals(apiVersion) && m.kind().equals(kind))
                .findFirst()
                .map(m -> client.genericKubernetesResources(context(m)))
                .orElseGet(() -> client.genericKubernetesResources(apiVersion, kind));
        String ns = namespace(object);
        try {
            GenericKubernetesResource stored = (ns.isEmpty() ? op : op.inNamespace(ns))
                    .resource(resource)
                    .dryRun()
                    .create();
            return new DryRun(client.getKubernetesSerialization().convertValue(stored, Map.class), null);
        } catch (KubernetesClientException e) {
            return new DryRun(
                    null,
                    e.getStatus() != null && e.getStatus().getMessage() != null
                            ? e.getStatus().getMessage()
                            : String.valueOf(e.getMessage()));
        }
    }

    /**
     * Waits until the policy refuses the probe (or, removed, no longer does); without a probe,
     * until the server has type-checked the policy, then a little longer.
     */
    private void awaitInEffect(TruthPolicy policy, Optional<Map<String, Object>> probe, boolean inEffect) {
        BooleanSupplier reached = probe.<BooleanSupplier>map(p -> () -> refusedByPolicy(policy, p) == inEffect)
                .orElseGet(() -> () -> !inEffect || PolicyObjects.typeChecked(client, policy));
        try {
            Awaitility.await()
                    .atMost(EFFECT_BUDGET)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(reached::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            // the comparison that follows shows what admission did; say why it may differ
            LOG.warn("{}: not {} after {}", policy.objectName(), inEffect ? "in effect" : "gone", EFFECT_BUDGET);
            return;
        }
        if (probe.isEmpty()) {
            sleep(3000);
        }
    }

    private boolean refusedByPolicy(TruthPolicy policy, Map<String, Object> probe) {
        String refusal = dryRunCreate(policy, probe).refusal();
        return refusal != null && refusal.contains("'" + policy.objectName() + "'");
    }

    /** The sample in its namespace (the default one when it names none), the namespace existing. */
    private TruthSample placed(TruthSample sample) {
        Map<String, Object> object = sample.object();
        boolean namespaced = !"Namespace".equals(object.get("kind")) && isNamespaced(object);
        if (namespaced && namespace(object).isEmpty()) {
            Map<String, Object> copy = new LinkedHashMap<>(object);
            Map<Object, Object> metadata = new LinkedHashMap<>(metadata(object));
            metadata.put("namespace", SAMPLE_NAMESPACE);
            copy.put("metadata", metadata);
            object = copy;
        }
        if (namespaced) {
            ensureNamespace(namespace(object));
        }
        return new TruthSample(object, sample.expectedRejected());
    }

    private boolean isNamespaced(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        return Optional.ofNullable(client.getApiResources(apiVersion))
                .flatMap(list -> list.getResources().stream()
                        .filter(r -> r.getKind().equals(object.get("kind"))
                                && !r.getName().contains("/"))
                        .findFirst())
                .map(r -> Boolean.TRUE.equals(r.getNamespaced()))
                .orElse(true);
    }

    private void ensureNamespace(String ns) {
        if (namespaces.add(ns)) {
            if (client.namespaces().withName(ns).get() == null) {
                client.namespaces()
                        .resource(new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(ns)
                                .endMetadata()
                                .build())
                        .create();
            }
            client.serviceAccounts()
                    .inNamespace(ns)
                    .resource(new ServiceAccountBuilder()
                            .withNewMetadata()
                            .withName("default")
                            .withNamespace(ns)
                            .endMetadata()
                            .build())
                    .serverSideApply();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> namespaceObject(String ns) {
        return client.getKubernetesSerialization()
                .convertValue(client.namespaces().withName(ns).get(), Map.class);
    }

    static ResourceDefinitionContext context(ResourceMatch m) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(m.group())
                .withVersion(m.version())
                .withKind(m.kind())
                .withPlural(m.plural())
                .withNamespaced(m.namespaced())
                .build();
    }

    private static String label(Map<String, Object> object) {
        String ns = namespace(object);
        return object.get("kind") + " " + (ns.isEmpty() ? "" : ns + "/") + name(object);
    }

    private static Map<?, ?> metadata(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(metadata(object).get("name"));
    }

    private static String namespace(Map<String, Object> object) {
        return metadata(object).get("namespace") instanceof String s ? s : "";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
