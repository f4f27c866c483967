package dev.backstack.panel.app.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.app.install.PlanExits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code addons list|render} in process, with captured output. */
class AddonsCommandTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new AddonsCommand(
                        AddonsOptions.parse(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> documents() throws Exception {
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(out()).readAll().stream()
                .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
                .toList();
    }

    @Test
    @DisplayName("list prints a header and one row per add-on with chart, version, namespace and needs (0)")
    void lists() {
        assertThat(run("addons", "list")).isEqualTo(PlanExits.OK);
        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("SOURCE", "NAMESPACE", "NEEDS");
        assertThat(lines).hasSize(8);
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("kyverno ")
                        .contains("kyverno 3.9.0", "kyverno", "admissionController.replicas=1"));
        assertThat(lines)
                .anySatisfy(l ->
                        assertThat(l).startsWith("backstack-policies").contains("git: policies/spokes", "kyverno"));
        assertThat(err()).isEmpty();
    }

    @Test
    @DisplayName("render prints one ApplicationSet per --addon with --set values and the selector (0)")
    void renders() throws Exception {
        assertThat(run(
                        "addons",
                        "render",
                        "--addon",
                        "kube-prometheus-stack",
                        "--addon",
                        "cert-manager",
                        "--set",
                        "kube-prometheus-stack.prometheus.prometheusSpec.retention=30d",
                        "--selector",
                        "env=prod"))
                .isEqualTo(PlanExits.OK);
        List<JsonNode> docs = documents();
        assertThat(docs)
                .extracting(d -> d.at("/metadata/name").asText())
                .containsExactly("kube-prometheus-stack", "cert-manager");
        JsonNode kps = docs.get(0);
        assertThat(kps.at("/kind").asText()).isEqualTo("ApplicationSet");
        assertThat(kps.at("/spec/template/spec/source/helm/valuesObject/prometheus/prometheusSpec/retention")
                        .asText())
                .isEqualTo("30d");
        assertThat(kps.at("/spec/generators/0/clusters/selector/matchLabels/env")
                        .asText())
                .isEqualTo("prod");
        assertThat(err()).isEmpty();
    }

    @Test
    @DisplayName("render --spoke targets spokes by name through the generator's post selector (0)")
    void rendersForNamedSpokes() throws Exception {
        assertThat(run("addons", "render", "--addon", "metrics-server", "--spoke", "spoke-1", "--spoke", "spoke-2"))
                .isEqualTo(PlanExits.OK);
        JsonNode selector = documents().get(0).at("/spec/generators/0/selector/matchExpressions/0");
        assertThat(selector.get("key").asText()).isEqualTo("name");
        assertThat(selector.get("values").toString()).isEqualTo("[\"spoke-1\",\"spoke-2\"]");
    }

    @Test
    @DisplayName("a value its parameter refuses, an unknown add-on and a missing --addon are usage errors (2)")
    void usageErrors() {
        assertThat(run("addons", "render", "--addon", "kyverno", "--set", "kyverno.admissionController.replicas=9"))
                .isEqualTo(PlanExits.USAGE);
        assertThat(err()).contains("kyverno: Admission controller replicas: 9 is outside 1–5");
        assertThat(out()).isEmpty();
        assertThat(run("addons", "render", "--addon", "nginx")).isEqualTo(PlanExits.USAGE);
        assertThat(err()).contains("no add-on nginx in the catalog");
        assertThat(run("addons", "render")).isEqualTo(PlanExits.USAGE);
        assertThat(run("addons", "render", "--addon", "backstack-policies")).isEqualTo(PlanExits.USAGE);
        assertThat(err()).contains("backstack-policies: syncs a folder of the GitOps repository");
        assertThatThrownBy(() -> AddonsOptions.parse("addons", "render", "--selector", "a=b", "--spoke", "x"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> AddonsOptions.parse("addons", "remove"))
                .hasMessageContaining("addons needs list, render or apply");
    }

    @Test
    @DisplayName(
            "an add-on of the user's own by chart coordinates renders like a catalog chart, pinned, in its namespace")
    void rendersAChartByCoordinates() throws Exception {
        assertThat(run(
                        "addons",
                        "render",
                        "--chart",
                        "trivy=https://aquasecurity.github.io/helm-charts/trivy-operator@0.24.1",
                        "--chart-namespace",
                        "trivy=trivy-system",
                        "--addon",
                        "cert-manager"))
                .as(err())
                .isEqualTo(PlanExits.OK);
        List<JsonNode> sets = documents();
        assertThat(sets).extracting(n -> n.at("/metadata/name").asText()).containsExactly("cert-manager", "trivy");
        JsonNode trivy = sets.get(1).at("/spec/template/spec");
        assertThat(trivy.at("/source/repoURL").asText()).isEqualTo("https://aquasecurity.github.io/helm-charts");
        assertThat(trivy.at("/source/chart").asText()).isEqualTo("trivy-operator");
        assertThat(trivy.at("/source/targetRevision").asText()).isEqualTo("0.24.1");
        assertThat(trivy.at("/destination/namespace").asText()).isEqualTo("trivy-system");
    }

    @Test
    @DisplayName(
            "chart coordinates without a repository URL or a pinned version, or an id the catalog has, are refused")
    void badChartCoordinates() {
        assertThatThrownBy(() -> AddonsOptions.parse("addons", "render", "--chart", "x=charts/foo@1.0.0"))
                .hasMessageContaining("not an https:// Helm repository or an oci:// registry path");
        assertThatThrownBy(() -> AddonsOptions.parse("addons", "render", "--chart", "x=https://charts.example.com/foo"))
                .hasMessageContaining("is not REPOSITORY/CHART@VERSION");
        assertThatThrownBy(() ->
                        AddonsOptions.parse("addons", "render", "--chart", "x=https://charts.example.com/foo@^1.2"))
                .hasMessageContaining("pin the chart to one version");
        assertThatThrownBy(() -> AddonsOptions.parse("addons", "render", "--chart-namespace", "y=ns"))
                .hasMessageContaining("no --chart y");
        assertThat(run("addons", "render", "--chart", "kyverno=https://kyverno.github.io/kyverno/kyverno@3.5.0"))
                .isEqualTo(PlanExits.USAGE);
        assertThat(err()).contains("kyverno is already in the catalog");
        assertThat(out()).isEmpty();
    }
}
