package dev.backstack.panel.installer.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HelmJavaDriver offline: templates of the test chart {@code charts/hello} from a folder, a mirror
 * and a chart repository on loopback, failures that name what failed without credentials, and the
 * chart mirror. KubeconfigContents is covered in {@link KubeconfigContentsTest}.
 */
class HelmJavaDriverTest {

    static final YAMLMapper YAML = new YAMLMapper();
    static final Map<String, Object> VALUES = Map.of(
            "replicas", 2, "port", "9090", "settings", Map.of("greeting", "hi there", "app.example.com/tier", "front"));

    private final HelmJavaDriver driver = new HelmJavaDriver();

    static Path helloChart() {
        try {
            return Path.of(Objects.requireNonNull(HelmJavaDriverTest.class.getResource("/charts/hello/Chart.yaml"))
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HelmRelease release(ChartRef chart, Map<String, Object> values) {
        return new HelmRelease("demo", "apps", chart, values);
    }

    /** The rendered objects by {@code Kind/name}. */
    static Map<String, JsonNode> objects(String manifests) throws IOException {
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests)) {
            return docs.readAll().stream()
                    .filter(n -> n != null && n.has("kind"))
                    .collect(Collectors.toMap(
                            n -> n.path("kind").asText() + "/"
                                    + n.path("metadata").path("name").asText(),
                            n -> n));
        }
    }

    static Set<Path> helmTempDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("backstack-helm-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    @DisplayName(
            "templates the local chart with typed values (dotted keys, a string that looks like a number) and leaves no temp file")
    void templatesLocalChartWithValues() throws Exception {
        Set<Path> before = helmTempDirs();

        Map<String, JsonNode> rendered = objects(
                driver.template(release(new ChartRef("hello", helloChart().toString(), "0.1.0"), VALUES)));

        assertThat(rendered).containsOnlyKeys("Deployment/demo-web", "Service/demo-web", "ConfigMap/demo-settings");
        JsonNode data = rendered.get("ConfigMap/demo-settings").path("data");
        assertThat(data.path("greeting").asText()).isEqualTo("hi there");
        assertThat(data.path("app.example.com/tier").asText()).isEqualTo("front");
        assertThat(data.path("port-type").asText())
                .as("a string value stays a string")
                .isEqualTo("string");
        JsonNode deployment = rendered.get("Deployment/demo-web");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(deployment
                        .at("/spec/template/spec/containers/0/ports/0/containerPort")
                        .asInt())
                .isEqualTo(9090);
        assertThat(rendered.get("Service/demo-web")
                        .at("/spec/ports/0/targetPort")
                        .asInt())
                .isEqualTo(9090);
        assertThat(helmTempDirs()).as("the values file's folder is deleted").isEqualTo(before);
    }

    @Test
    @DisplayName("without values the chart's defaults apply")
    void templatesWithDefaults() throws Exception {
        Map<String, JsonNode> rendered = objects(
                driver.template(release(new ChartRef("hello", helloChart().toString(), "0.1.0"), Map.of())));

        assertThat(rendered.get("ConfigMap/demo-settings")
                        .path("data")
                        .path("greeting")
                        .asText())
                .isEqualTo("hello");
        assertThat(rendered.get("Deployment/demo-web")
                        .path("spec")
                        .path("replicas")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a chart that does not exist is a HelmException naming the chart and the release")
    void missingChartIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("nope").toString();

        assertThatThrownBy(() -> driver.template(release(new ChartRef("nope", missing, "1.0.0"), VALUES)))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("template of release apps/demo")
                .hasMessageContaining("nope 1.0.0 from " + missing)
                .hasMessageContaining("not found")
                .hasMessageNotContaining("hi there");
    }

    @Test
    @DisplayName("a local chart folder whose Chart.yaml has another version is refused before Helm runs")
    void localFolderVersionIsChecked() {
        assertThatThrownBy(() -> driver.template(
                        release(new ChartRef("hello", helloChart().toString(), "9.9.9"), VALUES)))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("has version 0.1.0, not 9.9.9");
    }

    @Test
    @DisplayName("a chart from an http chart repository is found by name and exact version; a missing version is named")
    void chartFromRepository(@TempDir Path dir) throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        new Helm(helloChart()).packageIt().withDestination(served).call();
        assertThat(served.resolve("hello-0.1.0.tgz")).exists();
        YAML.writeValue(
                served.resolve("index.yaml").toFile(),
                Map.of(
                        "apiVersion",
                        "v1",
                        "entries",
                        Map.of(
                                "hello",
                                List.of(Map.of(
                                        "apiVersion",
                                        "v2",
                                        "name",
                                        "hello",
                                        "version",
                                        "0.1.0",
                                        "urls",
                                        List.of("hello-0.1.0.tgz"))))));
        HttpServer server = serve(served);
        try {
            String repo = "http://127.0.0.1:" + server.getAddress().getPort() + "/charts";

            Map<String, JsonNode> rendered =
                    objects(driver.template(release(new ChartRef("hello", repo, "0.1.0"), VALUES)));

            assertThat(rendered).containsKey("ConfigMap/demo-settings");
            assertThatThrownBy(() -> driver.template(release(new ChartRef("hello", repo, "0.2.0"), VALUES)))
                    .isInstanceOf(HelmException.class)
                    .hasMessageContaining("hello 0.2.0 from " + repo)
                    .hasMessageContaining("0.2.0");
            server.stop(0);
            assertThatThrownBy(() -> driver.template(release(new ChartRef("hello", repo, "0.1.0"), VALUES)))
                    .isInstanceOf(HelmException.class)
                    .hasMessageContaining("Chart repository " + repo)
                    .hasMessageContaining("cannot be used");
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer serve(Path dir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/charts/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring("/charts/".length()))
                    .normalize();
            byte[] body = file.startsWith(dir) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    @DisplayName(
            "the mirror folder wins: <name>-<version>.tgz first, then <name>/ with a matching Chart.yaml, else the ChartRef")
    void chartLocatorPrefersTheMirror(@TempDir Path dir) throws Exception {
        ChartRef remote = new ChartRef("hello", "https://charts.example.invalid/stable", "0.1.0");
        Path folderMirror = Files.createDirectories(dir.resolve("folders"));
        copyTree(helloChart(), folderMirror.resolve("hello"));
        Path tgzMirror = Files.createDirectories(dir.resolve("archives"));
        new Helm(helloChart()).packageIt().withDestination(tgzMirror).call();
        copyTree(helloChart(), tgzMirror.resolve("hello"));

        assertThat(ChartLocator.direct().resolve(remote)).isEqualTo(remote);
        assertThat(ChartLocator.withMirror(dir.resolve("empty")).resolve(remote))
                .isEqualTo(remote);
        assertThat(ChartLocator.withMirror(tgzMirror).resolve(remote).repository())
                .isEqualTo(tgzMirror.resolve("hello-0.1.0.tgz").toString());
        assertThat(ChartLocator.withMirror(folderMirror).resolve(remote).repository())
                .isEqualTo(folderMirror.resolve("hello").toString());
        ChartRef newer = new ChartRef("hello", remote.repository(), "0.2.0");
        assertThat(ChartLocator.withMirror(folderMirror).resolve(newer))
                .as("the folder has 0.1.0")
                .isEqualTo(newer);
        ChartRef local = new ChartRef("hello", "/somewhere/hello", "0.1.0");
        assertThat(ChartLocator.withMirror(folderMirror).resolve(local)).isEqualTo(local);

        // Offline, through the mirror: the https repository is never asked.
        Map<String, JsonNode> rendered =
                objects(new HelmJavaDriver(ChartLocator.withMirror(tgzMirror)).template(release(remote, VALUES)));
        assertThat(rendered.get("ConfigMap/demo-settings")
                        .path("data")
                        .path("greeting")
                        .asText())
                .isEqualTo("hi there");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    @DisplayName("an unreachable cluster is a HelmException naming the release and chart, never the token")
    void unreachableClusterHidesTheToken() {
        String token = "tok-ghp_TESTsecret0123456789abcdef";
        KubeAccess kube = KubeconfigContents.fromToken(
                "nowhere", "https://127.0.0.1:1", token, KubeconfigContents.ServerTrust.insecure());
        HelmRelease release = release(new ChartRef("hello", helloChart().toString(), "0.1.0"), VALUES);

        assertThatThrownBy(() -> driver.installOrUpgrade(release, kube, false))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("release apps/demo")
                .hasMessageContaining("chart hello 0.1.0")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining(token)
                .hasMessageNotContaining("hi there")
                .hasNoCause();
        assertThatThrownBy(() -> driver.status("demo", "apps", kube))
                .isInstanceOf(HelmException.class)
                .hasMessageNotContaining(token);
        assertThat(kube.toString()).doesNotContain(token);
    }

    @Test
    @DisplayName("failure messages lose the kubeconfig's credentials and bearer tokens, and are capped")
    void failureMessagesAreCleaned() {
        String kubeconfig = KubeconfigContents.fromToken(
                        "c",
                        "https://h.example.invalid",
                        "s3cr3t-token-value",
                        KubeconfigContents.ServerTrust.systemRoots())
                .kubeconfigYaml();
        KubeAccess kube = new KubeAccess("c", kubeconfig);
        RuntimeException raw = new IllegalStateException(
                "boom s3cr3t-token-value\n Authorization: Bearer abc.def " + "x".repeat(2000));

        HelmException e = HelmFailures.failed("upgrade", "r", "ns", null, raw, kube);

        assertThat(e.getMessage())
                .startsWith("Helm upgrade of release ns/r failed: boom [REDACTED] Authorization:")
                .doesNotContain("s3cr3t-token-value")
                .doesNotContain("abc.def")
                .doesNotContain("\n")
                .endsWith(" ...");
    }

    @Test
    @DisplayName(
            "after a Helm call the JVM still ends on SIGTERM and runs its shutdown hooks (helm-java takes the signal)")
    void sigtermStillEndsTheJvm(@TempDir Path dir) throws Exception {
        assumeFalse(
                System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows"),
                "POSIX signals");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SignalProbe.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile())
                .start();
        try {
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> Files.exists(dir.resolve("ready")) || !child.isAlive());
            } catch (ConditionTimeoutException e) {
                // the assertion below says so, with the child's output
            }
            assertThat(dir.resolve("ready"))
                    .as(Files.readString(dir.resolve("out.log")))
                    .exists();

            child.destroy(); // SIGTERM

            assertThat(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
                    .as("ended on SIGTERM")
                    .isTrue();
            assertThat(child.exitValue()).isEqualTo(143);
            assertThat(dir.resolve("hook")).exists();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    @DisplayName("the chart version is read from Helm's name-version column")
    void chartVersionColumn() {
        assertThat(HelmJavaDriver.chartVersion("hello-0.1.0")).isEqualTo("0.1.0");
        assertThat(HelmJavaDriver.chartVersion("argo-cd-7.1.0-rc.1")).isEqualTo("7.1.0-rc.1");
        assertThat(HelmJavaDriver.chartVersion("kyverno-policies-v3.2.0")).isEqualTo("v3.2.0");
        assertThat(PreparedChart.alias("https://charts.example.invalid/stable/"))
                .isEqualTo(PreparedChart.alias("https://charts.example.invalid/stable"))
                .startsWith("backstack-");
    }
}
