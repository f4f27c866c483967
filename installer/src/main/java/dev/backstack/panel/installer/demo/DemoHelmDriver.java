package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.helm.HelmDriver;
import dev.backstack.panel.installer.helm.HelmException;
import dev.backstack.panel.installer.helm.HelmRelease;
import dev.backstack.panel.installer.helm.HelmResult;
import dev.backstack.panel.installer.helm.KubeAccess;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Helm for the demo fleet's install target: nothing is downloaded or rendered. An
 * install or upgrade records the release as Helm does (a Secret
 * {@code sh.helm.release.v1.<name>.v<revision>} labelled {@code owner=helm}, {@code name},
 * {@code status}, {@code version}; its payload is a small JSON summary, not Helm's), creates the
 * chart's CRDs (Crossplane's for {@code crossplane}; Argo CD's, Kyverno's and cert-manager's for
 * theirs) and one Deployment named after the release, which the simulated controllers make
 * available after a couple of ticks. Uninstall deletes the Deployment and the release Secrets and,
 * like Helm, keeps the CRDs. The {@link KubeAccess} passed in is not used: the driver is bound to
 * its demo cluster. Every message says it is simulated. Thread-safe.
 */
public final class DemoHelmDriver implements HelmDriver {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHelmDriver.class);
    private static final String PREFIX = "sh.helm.release.v1.";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build())
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private final String cluster;
    private final DemoWriter w;

    DemoHelmDriver(String cluster, DemoWriter writer) {
        this.cluster = cluster;
        this.w = writer;
    }

    @Override
    public String template(HelmRelease release) throws HelmException {
        StringBuilder out = new StringBuilder("# Source: ")
                .append(release.chart().name())
                .append("/templates/deployment.yaml (simulated Helm: only the chart's workloads)\n");
        for (GenericKubernetesResource o : workloads(release)) {
            try {
                out.append("---\n").append(YAML.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new HelmException(
                        "simulated Helm: cannot render " + release.chart() + ": " + e.getOriginalMessage(), e);
            }
        }
        return out.toString();
    }

    @Override
    public synchronized HelmResult installOrUpgrade(HelmRelease release, KubeAccess kube, boolean serverDryRun)
            throws HelmException {
        String version = release.chart().version();
        try {
            Optional<GenericKubernetesResource> last = latest(release.name(), release.namespace());
            int revision = last.map(s -> revision(s) + 1).orElse(1);
            if (serverDryRun) {
                LOG.info(
                        "simulated Helm: dry run of {} {} into {}/{} on {}: nothing created",
                        last.isPresent() ? "upgrade" : "install",
                        release.chart(),
                        release.namespace(),
                        release.name(),
                        cluster);
                return new HelmResult(
                        release.name(),
                        release.namespace(),
                        revision,
                        last.isPresent() ? "pending-upgrade" : "pending-install",
                        version);
            }
            w.createIfAbsent(
                    Manifests.of("v1", "Namespace", null, release.namespace()).build());
            int crds = DemoCrds.ensure(w, DemoCrds.ofChart(release.chart().name()));
            for (GenericKubernetesResource o : workloads(release)) {
                w.op(o.getApiVersion(), o.getKind(), release.namespace())
                        .resource(o)
                        .fieldManager("helm")
                        .forceConflicts()
                        .serverSideApply();
            }
            if (last.isPresent()) {
                GenericKubernetesResource previous = last.get();
                previous.getMetadata().getLabels().put("status", "superseded");
                w.op("v1", "Secret", release.namespace()).resource(previous).update();
            }
            w.create(releaseSecret(release, revision));
            LOG.info(
                    "simulated Helm: {} {} as {}/{} revision {} on {} ({} CRDs created)",
                    last.isPresent() ? "upgraded" : "installed",
                    release.chart(),
                    release.namespace(),
                    release.name(),
                    revision,
                    cluster,
                    crds);
            return new HelmResult(release.name(), release.namespace(), revision, "deployed", version);
        } catch (KubernetesClientException e) {
            throw new HelmException(
                    "simulated Helm: install of " + release.chart() + " as " + release.namespace() + "/"
                            + release.name() + " failed: HTTP " + e.getCode() + " "
                            + (e.getStatus() == null
                                    ? e.getMessage()
                                    : e.getStatus().getMessage()),
                    e);
        }
    }

    @Override
    public Optional<HelmResult> status(String name, String namespace, KubeAccess kube) throws HelmException {
        try {
            return latest(name, namespace).map(s -> {
                JsonNode info = payload(s);
                return new HelmResult(
                        name,
                        namespace,
                        revision(s),
                        s.getMetadata().getLabels().get("status"),
                        info.path("chart").path("metadata").path("version").asText(""));
            });
        } catch (KubernetesClientException e) {
            throw new HelmException(
                    "simulated Helm: cannot read release " + namespace + "/" + name + ": HTTP " + e.getCode(), e);
        }
    }

    @Override
    public synchronized void uninstall(String name, String namespace, KubeAccess kube) throws HelmException {
        try {
            List<GenericKubernetesResource> secrets = secrets(name, namespace);
            if (secrets.isEmpty()) {
                LOG.info(
                        "simulated Helm: release {}/{} is not installed on {}: nothing to uninstall",
                        namespace,
                        name,
                        cluster);
                return;
            }
            w.delete("apps/v1", "Deployment", namespace, name);
            for (GenericKubernetesResource s : secrets) {
                w.delete("v1", "Secret", namespace, s.getMetadata().getName());
            }
            LOG.info(
                    "simulated Helm: uninstalled {}/{} from {} (CRDs kept, as Helm keeps them)",
                    namespace,
                    name,
                    cluster);
        } catch (KubernetesClientException e) {
            throw new HelmException(
                    "simulated Helm: uninstall of " + namespace + "/" + name + " failed: HTTP " + e.getCode(), e);
        }
    }

    /** What the chart would run: one Deployment named after the release. */
    static List<GenericKubernetesResource> workloads(HelmRelease release) {
        String chart = release.chart().name();
        Map<String, Object> selector =
                map("app.kubernetes.io/instance", release.name(), "app.kubernetes.io/name", chart);
        return List.of(Manifests.of("apps/v1", "Deployment", release.namespace(), release.name())
                .label("app.kubernetes.io/instance", release.name())
                .label("app.kubernetes.io/name", chart)
                .label("app.kubernetes.io/managed-by", "Helm")
                .label("helm.sh/chart", chart + "-" + release.chart().version())
                .set(
                        "spec",
                        map(
                                "replicas",
                                1,
                                "selector",
                                map("matchLabels", selector),
                                "template",
                                map(
                                        "metadata",
                                        map(
                                                "labels",
                                                map(
                                                        "app.kubernetes.io/instance",
                                                        release.name(),
                                                        "app.kubernetes.io/name",
                                                        chart)),
                                        "spec",
                                        map(
                                                "containers",
                                                list(map(
                                                        "name",
                                                        chart,
                                                        "image",
                                                        "registry.example/" + chart + ":"
                                                                + release.chart()
                                                                        .version()))))))
                .build());
    }

    private GenericKubernetesResource releaseSecret(HelmRelease release, int revision) {
        ObjectNode payload = DemoDispatcher.JSON.createObjectNode();
        payload.put("name", release.name())
                .put("namespace", release.namespace())
                .put("version", revision);
        payload.putObject("chart")
                .putObject("metadata")
                .put("name", release.chart().name())
                .put("version", release.chart().version());
        payload.putObject("info")
                .put("status", "deployed")
                .put(
                        "description",
                        (revision == 1 ? "Install" : "Upgrade") + " complete (simulated Helm on the demo cluster)");
        String encoded = Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return Manifests.of("v1", "Secret", release.namespace(), PREFIX + release.name() + ".v" + revision)
                .label("owner", "helm")
                .label("name", release.name())
                .label("status", "deployed")
                .label("version", String.valueOf(revision))
                .set("type", "helm.sh/release.v1")
                .set("data", map("release", encoded))
                .build();
    }

    private List<GenericKubernetesResource> secrets(String name, String namespace) {
        return w.client()
                .genericKubernetesResources(DemoWriter.context("v1", "Secret"))
                .inNamespace(namespace)
                .withLabels(Map.of("owner", "helm", "name", name))
                .list()
                .getItems();
    }

    private Optional<GenericKubernetesResource> latest(String name, String namespace) {
        return secrets(name, namespace).stream().max(Comparator.comparingInt(DemoHelmDriver::revision));
    }

    private static int revision(GenericKubernetesResource secret) {
        return Integer.parseInt(secret.getMetadata().getLabels().getOrDefault("version", "0"));
    }

    private static JsonNode payload(GenericKubernetesResource secret) {
        Object data = secret.getAdditionalProperties().get("data");
        Object release = data instanceof Map<?, ?> m ? m.get("release") : null;
        try {
            return DemoDispatcher.JSON.readTree(
                    release == null
                            ? "{}"
                            : new String(Base64.getDecoder().decode(release.toString()), StandardCharsets.UTF_8));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return DemoDispatcher.JSON.createObjectNode();
        }
    }
}
