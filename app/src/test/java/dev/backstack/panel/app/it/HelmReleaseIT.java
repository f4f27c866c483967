package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.helm.ChartRef;
import dev.backstack.panel.installer.helm.HelmException;
import dev.backstack.panel.installer.helm.HelmJavaDriver;
import dev.backstack.panel.installer.helm.HelmRelease;
import dev.backstack.panel.installer.helm.HelmResult;
import dev.backstack.panel.installer.helm.KubeAccess;
import dev.backstack.panel.installer.helm.KubeconfigContents;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HelmJavaDriver (helm-java, Helm 3 in-process) against a real kube-apiserver: install, status,
 * upgrade, server dry run and uninstall of the test chart {@code installer/src/test/resources/charts/hello},
 * with the kubeconfig given as contents only (no kubeconfig file exists for this JVM). Each test
 * uses a namespace of its own, removed afterwards.
 */
class HelmReleaseIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String NS = "helm-it-" + SUFFIX;
    private static final String DRY_NS = "helm-it-dry-" + SUFFIX;
    private static final String TAKEN_NS = "helm-it-taken-" + SUFFIX;
    private static final String RELEASE = "hello";

    private static KubernetesClient admin;
    private static KubeAccess kube;
    private static String token;
    private static ChartRef chart;
    private final HelmJavaDriver driver = new HelmJavaDriver();

    @BeforeAll
    static void server() throws Exception {
        RealApiServer server = RealApiServer.shared();
        admin = server.admin();
        token = server.adminToken();
        kube = KubeconfigContents.fromToken(
                "real-apiserver", server.url(), token, KubeconfigContents.ServerTrust.insecure());
        chart = new ChartRef(
                "hello",
                KubeBinaries.projectRoot()
                        .resolve("installer/src/test/resources/charts/hello")
                        .toString(),
                "0.1.0");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (admin == null) {
            return;
        }
        new HelmJavaDriver().uninstall(RELEASE, NS, kube);
        for (String ns : List.of(NS, DRY_NS, TAKEN_NS)) {
            admin.namespaces().withName(ns).delete();
            // No namespace controller runs on this server: release the namespace ourselves.
            Namespace namespace = admin.namespaces().withName(ns).get();
            if (namespace != null && namespace.getSpec() != null) {
                namespace.getSpec().setFinalizers(List.of());
                admin.namespaces().resource(namespace).subresource("finalize").update();
            }
        }
    }

    private static HelmRelease release(String namespace, String greeting) {
        return new HelmRelease(
                RELEASE, namespace, chart, Map.of("replicas", 2, "settings", Map.of("greeting", greeting)));
    }

    private static ConfigMap settings(String namespace) {
        return admin.configMaps()
                .inNamespace(namespace)
                .withName(RELEASE + "-settings")
                .get();
    }

    private static Deployment web(String namespace) {
        return admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(RELEASE + "-web")
                .get();
    }

    @Test
    @DisplayName(
            "install creates the namespace and the chart's objects with the values; status, upgrade to revision 2, uninstall")
    void installUpgradeUninstall() throws Exception {
        assertThat(driver.status(RELEASE, NS, kube)).isEmpty();

        HelmResult installed = driver.installOrUpgrade(release(NS, "hello from helm"), kube, false);

        assertThat(installed).isEqualTo(new HelmResult(RELEASE, NS, 1, "deployed", "0.1.0"));
        assertThat(admin.namespaces().withName(NS).get())
                .as("namespace created")
                .isNotNull();
        assertThat(settings(NS).getData()).containsEntry("greeting", "hello from helm");
        assertThat(settings(NS).getMetadata().getAnnotations())
                .containsEntry("meta.helm.sh/release-name", RELEASE)
                .containsEntry("meta.helm.sh/release-namespace", NS);
        assertThat(web(NS).getSpec().getReplicas()).isEqualTo(2);
        assertThat(admin.services()
                        .inNamespace(NS)
                        .withName(RELEASE + "-web")
                        .get()
                        .getSpec()
                        .getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getIntVal()).isEqualTo(8080));
        assertThat(driver.status(RELEASE, NS, kube)).hasValueSatisfying(s -> {
            assertThat(s.deployed()).isTrue();
            assertThat(s.revision()).isEqualTo(1);
            assertThat(s.chartVersion()).isEqualTo("0.1.0");
        });

        HelmResult upgraded = driver.installOrUpgrade(release(NS, "upgraded"), kube, false);

        assertThat(upgraded).isEqualTo(new HelmResult(RELEASE, NS, 2, "deployed", "0.1.0"));
        assertThat(settings(NS).getData()).containsEntry("greeting", "upgraded");
        assertThat(driver.status(RELEASE, NS, kube).orElseThrow().revision()).isEqualTo(2);

        HelmResult dryUpgrade = driver.installOrUpgrade(release(NS, "not applied"), kube, true);

        assertThat(dryUpgrade.revision()).isEqualTo(3);
        assertThat(dryUpgrade.status()).isEqualTo("pending-upgrade");
        assertThat(settings(NS).getData()).containsEntry("greeting", "upgraded");
        assertThat(driver.status(RELEASE, NS, kube).orElseThrow())
                .isEqualTo(new HelmResult(RELEASE, NS, 2, "deployed", "0.1.0"));

        driver.uninstall(RELEASE, NS, kube);

        assertThat(driver.status(RELEASE, NS, kube)).isEmpty();
        assertThat(settings(NS)).isNull();
        assertThat(web(NS)).isNull();
        assertThat(admin.services().inNamespace(NS).withName(RELEASE + "-web").get())
                .isNull();
        assertThat(admin.secrets()
                        .inNamespace(NS)
                        .withLabel("owner", "helm")
                        .list()
                        .getItems())
                .as("release records")
                .isEmpty();
        driver.uninstall(RELEASE, NS, kube); // a second uninstall is a no-op
    }

    @Test
    @DisplayName("a server dry run of an install reports revision 1 and creates nothing, not even the namespace")
    void serverDryRunCreatesNothing() throws Exception {
        HelmResult dry = driver.installOrUpgrade(release(DRY_NS, "dry"), kube, true);

        assertThat(dry.name()).isEqualTo(RELEASE);
        assertThat(dry.revision()).isEqualTo(1);
        assertThat(dry.status()).isEqualTo("pending-install");
        assertThat(admin.namespaces().withName(DRY_NS).get()).isNull();
        assertThat(settings(DRY_NS)).isNull();
        assertThat(web(DRY_NS)).isNull();
        assertThat(driver.status(RELEASE, DRY_NS, kube)).isEmpty();
    }

    @Test
    @DisplayName(
            "a server dry run asks the cluster: an object of the same name that Helm does not own is a conflict, named")
    void serverDryRunSeesExistingObjects() {
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(TAKEN_NS)
                        .endMetadata()
                        .build())
                .create();
        admin.configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(RELEASE + "-settings")
                        .withNamespace(TAKEN_NS)
                        .endMetadata()
                        .addToData("owner", "someone else")
                        .build())
                .create();

        assertThatThrownBy(() -> driver.installOrUpgrade(release(TAKEN_NS, "dry"), kube, true))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("install (server dry run) of release " + TAKEN_NS + "/" + RELEASE)
                .hasMessageContaining("chart hello 0.1.0")
                .hasMessageContaining("ConfigMap \"" + RELEASE + "-settings\"")
                .hasMessageContaining("exists and cannot be imported")
                .hasMessageNotContaining(token);
        assertThat(settings(TAKEN_NS).getData()).containsOnly(Map.entry("owner", "someone else"));
        assertThat(web(TAKEN_NS)).isNull();
    }
}
