package dev.backstack.panel.app.it;

import dev.backstack.panel.installer.helm.HelmJavaDriver;
import dev.backstack.panel.installer.helm.KubeAccess;
import dev.backstack.panel.installer.helm.KubeconfigContents;
import dev.backstack.panel.installer.install.InstallService;
import dev.backstack.panel.installer.install.VersionLock;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.install.SecretText;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A hub install against a fresh real API server: the shipped version lock, a profile whose chart
 * mirror holds small test charts named and versioned like the real ones (so the real helm-java
 * driver installs them), credentials with a recognisable fake token, and a client that records
 * every write it sends.
 */
final class InstallFixture implements AutoCloseable {

    /** A token-shaped secret that must never leave its Secrets. */
    static final String TOKEN = "ghp_" + "LeakCanary0123456789abcdefghijklmnopq";

    final RealApiServer server;
    final KubernetesClient admin;
    final KubeAccess kube;
    final Path work;
    final Path mirror;
    final Path journals;
    final List<String> writes = new CopyOnWriteArrayList<>();
    final KubernetesClient counted;

    InstallFixture() throws Exception {
        server = RealApiServer.fresh();
        admin = server.admin();
        kube = KubeconfigContents.fromToken(
                "real-apiserver", server.url(), server.adminToken(), KubeconfigContents.ServerTrust.insecure());
        work = Files.createTempDirectory(KubeBinaries.projectRoot().resolve("app/target"), "install-it-");
        mirror = work.resolve("mirror");
        journals = work.resolve("journals");
        VersionLock.Chart crossplane = VersionLock.shipped().chart("crossplane");
        chart(crossplane.chart(), crossplane.version());
        admin.network()
                .v1()
                .ingressClasses()
                .resource(new IngressClassBuilder()
                        .withNewMetadata()
                        .withName("nginx")
                        .endMetadata()
                        .withNewSpec()
                        .withController("example.com/ingress")
                        .endSpec()
                        .build())
                .serverSideApply();
        counted = new KubernetesClientBuilder()
                .withConfig(server.config(server.adminToken()))
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count-writes", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
                        String uri = request.uri().toString();
                        if (!request.method().equals("GET")
                                && !uri.contains("accessreviews")
                                && !uri.contains("dryRun=All")) {
                            writes.add(request.method() + " " + request.uri().getPath());
                        }
                    }
                }))
                .build();
    }

    /** A chart in the mirror folder named and versioned like a real one; its Deployment is {@code <release>-web}. */
    private void chart(String name, String version) throws IOException {
        Path hello = KubeBinaries.projectRoot().resolve("installer/src/test/resources/charts/hello");
        Path target = mirror.resolve(name);
        try (Stream<Path> files = Files.walk(hello)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(hello.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.writeString(
                target.resolve("Chart.yaml"),
                "apiVersion: v2\nname: " + name + "\nversion: " + version + "\ndescription: a test stand-in for " + name
                        + "\n");
    }

    InstallProfile profile() {
        return InstallProfile.defaults()
                .withClusterType(ClusterType.LOCAL)
                .withRepository("https://github.com/acme/platform-gitops")
                .withIngress(IngressChoice.EXISTING)
                .withChartMirror(mirror.toString());
    }

    static Credentials credentials() {
        return new Credentials(SecretText.of(TOKEN), null, null);
    }

    /** The install service as the app builds it, writing through the counting client. */
    InstallService service() {
        return service(counted);
    }

    InstallService service(KubernetesClient client) {
        PlanTarget t = new PlanTarget("real-apiserver", server.url(), client, kube, new HelmJavaDriver(), false);
        return new InstallService(t, VersionLock.shipped(), journals, Clock.systemUTC());
    }

    @Override
    public void close() {
        counted.close();
        server.close();
    }
}
