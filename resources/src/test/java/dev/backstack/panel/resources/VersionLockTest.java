package dev.backstack.panel.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("version-lock.yaml pins every chart and package, and the APIs use exactly those pins")
class VersionLockTest {

    private static final Pattern EXACT_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");
    /** registry host (with a dot) / path : exact tag. */
    private static final Pattern PACKAGE_REF =
            Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+(:\\d+)?/[a-z0-9._-]+(/[a-z0-9._-]+)*:v\\d+\\.\\d+\\.\\d+");

    private static final Set<String> INSTALLERS = Set.of("panel", "hub-composition");
    private static final Set<String> TARGETS = Set.of("all", "aks", "eks");

    private final JsonNode lock = Yamls.installOne("version-lock.yaml");

    private List<JsonNode> charts() {
        return list(lock.path("charts"));
    }

    private List<JsonNode> packages() {
        return list(lock.path("packages"));
    }

    @Test
    void parsesWithItsOwnVersionAndKubernetesRange() {
        assertThat(lock.path("lock").asText()).matches("\\d{4}\\.\\d{2}");
        JsonNode k8s = lock.path("kubernetes");
        assertThat(k8s.path("min").asText()).matches("1\\.\\d+");
        assertThat(k8s.path("max").asText()).matches("1\\.\\d+");
        assertThat(minor(k8s.path("min").asText()))
                .isLessThanOrEqualTo(minor(k8s.path("max").asText()));
        assertThat(charts()).isNotEmpty();
        assertThat(packages()).isNotEmpty();
    }

    @Test
    void pinsEveryChartToAnExactVersion() {
        for (JsonNode chart : charts()) {
            String id = chart.path("id").asText();
            assertThat(chart.path("chart").asText()).as(id + " chart").isNotBlank();
            assertThat(chart.path("version").asText()).as(id + " version").matches(EXACT_VERSION);
            assertThat(chart.path("repository").asText()).as(id + " repository").matches("(https|oci)://\\S+");
            assertThat(chart.path("namespace").asText()).as(id + " namespace").isNotBlank();
            assertThat(chart.path("installedBy").asText())
                    .as(id + " installedBy")
                    .isIn(INSTALLERS);
            assertThat(chart.has("appVersion")).as(id + " appVersion").isTrue();
        }
    }

    @Test
    void pinsEveryPackageFullyQualifiedToAnExactTag() {
        for (JsonNode pkg : packages()) {
            String id = pkg.path("id").asText();
            assertThat(pkg.path("kind").asText()).as(id + " kind").isIn("Provider", "Function");
            assertThat(pkg.path("package").asText()).as(id + " package").matches(PACKAGE_REF);
            assertThat(pkg.path("name").asText()).as(id + " name").matches("[a-z0-9-]+");
            assertThat(list(pkg.path("requiredFor")))
                    .as(id + " requiredFor")
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.asText()).isIn(TARGETS));
        }
    }

    @Test
    void hasUniqueIdsAndASourceForEveryEntry() {
        Set<String> ids = new HashSet<>();
        List<JsonNode> all = new ArrayList<>(charts());
        all.addAll(packages());
        for (JsonNode entry : all) {
            String id = entry.path("id").asText();
            assertThat(id).matches("[a-z0-9-]+");
            assertThat(ids.add(id)).as("duplicate id " + id).isTrue();
            assertThat(entry.path("source").asText()).as(id + " source").hasSizeGreaterThan(10);
        }
        assertThat(lock.path("kubernetes").path("source").asText()).isNotBlank();
    }

    @Test
    void offersAMaintainedGatewayByDefaultAndIngressNginxOnlyAsRetired() {
        Map<String, JsonNode> byId = byId(charts());
        assertThat(byId.get("ingress-nginx").path("retired").asBoolean()).isTrue();
        assertThat(byId.get("envoy-gateway").path("retired").asBoolean(false)).isFalse();
        assertThat(byId.get("envoy-gateway").path("role").asText()).isEqualTo("default-ingress");
        assertThat(charts().stream().filter(c -> c.path("retired").asBoolean(false)))
                .extracting(c -> c.path("id").asText())
                .containsExactly("ingress-nginx");
    }

    @Test
    void composesEveryHubChartAtItsLockedVersionAndNothingUnlocked() {
        Map<String, JsonNode> locked = new HashMap<>();
        charts().stream()
                .filter(c -> "hub-composition".equals(c.path("installedBy").asText()))
                .forEach(c -> locked.put(
                        chartKey(c.path("chart").asText(), c.path("repository").asText()), c));
        Set<String> composed = new HashSet<>();
        for (InstallApis api : InstallApis.values()) {
            for (InstallApis.Template t : api.templates()) {
                if (!"Release".equals(t.base().path("kind").asText())) {
                    continue;
                }
                JsonNode chart = t.base().path("spec").path("forProvider").path("chart");
                String key = chartKey(
                        chart.path("name").asText(), chart.path("repository").asText());
                assertThat(locked)
                        .as(api + "/" + t.name() + " chart " + key + " is in the lock")
                        .containsKey(key);
                assertThat(chart.path("version").asText())
                        .as(api + "/" + t.name() + " version")
                        .isEqualTo(locked.get(key).path("version").asText());
                composed.add(key);
            }
        }
        assertThat(composed).as("every hub-composition chart is composed").isEqualTo(locked.keySet());
    }

    @Test
    void pushesSpokeAddOnsAtTheLockedChartVersions() {
        Map<String, JsonNode> byChart = new HashMap<>();
        charts().forEach(c -> byChart.put(
                chartKey(c.path("chart").asText(), c.path("repository").asText()), c));
        int appSets = 0;
        for (InstallApis.Template t : InstallApis.HUB.templates()) {
            JsonNode manifest = t.base().path("spec").path("forProvider").path("manifest");
            if (!"ApplicationSet".equals(manifest.path("kind").asText())) {
                continue;
            }
            appSets++;
            JsonNode source =
                    manifest.path("spec").path("template").path("spec").path("source");
            String key = chartKey(
                    source.path("chart").asText(), source.path("repoURL").asText());
            assertThat(byChart).as(t.name() + " chart " + key).containsKey(key);
            assertThat(source.path("targetRevision").asText())
                    .isEqualTo(byChart.get(key).path("version").asText());
            assertThat(byChart.get(key).path("alsoOnSpokes").asBoolean())
                    .as(key + " alsoOnSpokes")
                    .isTrue();
        }
        assertThat(appSets).isEqualTo(2);
    }

    @Test
    void referencesTheLockedFunctionByName() {
        String fn = packages().stream()
                .filter(p -> "Function".equals(p.path("kind").asText()))
                .map(p -> p.path("name").asText())
                .findFirst()
                .orElseThrow();
        assertThat(fn).isEqualTo("crossplane-contrib-function-patch-and-transform");
        for (InstallApis api : InstallApis.values()) {
            for (JsonNode step : api.composition().path("spec").path("pipeline")) {
                assertThat(step.path("functionRef").path("name").asText())
                        .as(api.name())
                        .isEqualTo(fn);
            }
        }
    }

    @Test
    void locksAProviderForEveryCloudApiGroupComposed() {
        Map<String, JsonNode> byId = byId(packages());
        Map<InstallApis, String> target = Map.of(InstallApis.AKS, "aks", InstallApis.EKS, "eks");
        for (Map.Entry<InstallApis, String> e : target.entrySet()) {
            for (InstallApis.Template t : e.getKey().templates()) {
                String group = t.base().path("apiVersion").asText().split("/")[0];
                String id = providerFor(group);
                assertThat(byId).as(t.name() + " needs provider " + id).containsKey(id);
                assertThat(list(byId.get(id).path("requiredFor")))
                        .extracting(JsonNode::asText)
                        .contains(e.getValue());
            }
        }
    }

    /** {@code eks.aws.upbound.io} needs provider-aws-eks; {@code azure.upbound.io} the family provider. */
    private static String providerFor(String group) {
        String[] parts = group.split("\\.");
        if (parts.length == 3) {
            return "provider-family-" + parts[0];
        }
        return "provider-" + parts[1] + "-" + parts[0];
    }

    private static String chartKey(String chart, String repository) {
        return repository.replaceAll("/+$", "") + "#" + chart;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> entries) {
        Map<String, JsonNode> map = new HashMap<>();
        entries.forEach(e -> map.put(e.path("id").asText(), e));
        return map;
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
