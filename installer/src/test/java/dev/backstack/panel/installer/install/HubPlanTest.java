package dev.backstack.panel.installer.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.StepPreview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HubPlanTest {

    private static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    private static final VersionLock LOCK = VersionLock.shipped();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static InstallProfile profile(ClusterType type) {
        return InstallProfile.defaults()
                .withClusterType(type)
                .withRepository("https://github.com/acme/platform-gitops");
    }

    static Credentials credentials() {
        return new Credentials(
                SecretText.of(TOKEN),
                SecretText.of(
                        "[default]\naws_access_key_id = AKIAEXAMPLE\n" + "aws_secret_access_key = wJalrEXAMPLEKEY\n"),
                SecretText.of("{\"clientId\":\"c\",\"clientSecret\":"
                        + "\"azure-secret-value\",\"subscriptionId\":\"s\",\"tenantId\":\"t\"}"));
    }

    /** The plan as {@code install --plan} renders it, one golden file per cluster type. */
    static String render(PlanPreview plan) {
        StringBuilder s = new StringBuilder();
        for (StepPreview step : plan.steps()) {
            s.append("# ")
                    .append(step.info().id())
                    .append(" after ")
                    .append(step.info().dependsOn())
                    .append(": ")
                    .append(step.info().title())
                    .append('\n');
            if (step.helm() != null) {
                s.append("# helm: ")
                        .append(step.chart())
                        .append("\n# values: ")
                        .append(step.values().strip())
                        .append('\n');
            }
            step.objects().forEach(o -> s.append("---\n").append(o.yaml()));
        }
        return s.toString();
    }

    @ParameterizedTest
    @EnumSource(ClusterType.class)
    @DisplayName("the rendered plan matches its golden file (regenerate with -Dgolden.update=true and review the diff)")
    void matchesGolden(ClusterType type) throws IOException {
        String rendered =
                render(HubPlan.build(LOCK, profile(type), credentials()).preview());
        Path file = GOLDEN.resolve("hub-plan-" + type.name().toLowerCase() + ".yaml");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, rendered);
        }
        assertThat(file)
                .as("golden file; create it with -Dgolden.update=true and review it")
                .exists();
        assertThat(rendered).isEqualTo(Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(ClusterType.class)
    @DisplayName("no secret value appears in the preview, only in the objects that are applied")
    void previewRedactsSecrets(ClusterType type) {
        Plan plan = HubPlan.build(LOCK, profile(type), credentials());
        String preview = render(plan.preview());
        assertThat(preview)
                .doesNotContain(TOKEN, "wJalrEXAMPLEKEY", "azure-secret-value")
                .contains("<redacted>");
        String fingerprints = plan.steps().stream().map(Step::fingerprint).collect(Collectors.joining());
        assertThat(fingerprints).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("cloud providers and credentials only for the chosen cluster type")
    void cloudPartsPerClusterType() {
        assertThat(objects(ClusterType.LOCAL)).noneMatch(t -> t.contains("aws") || t.contains("azure"));
        assertThat(objects(ClusterType.EKS))
                .contains("Secret crossplane-system/aws-secret", "Provider crossplane-contrib-provider-aws-eks")
                .noneMatch(t -> t.contains("azure"));
        assertThat(objects(ClusterType.AKS))
                .contains(
                        "Secret crossplane-system/azure-secret",
                        "Provider crossplane-contrib-provider-azure-containerservice")
                .noneMatch(t -> t.contains("aws"));
    }

    @Test
    @DisplayName("Crossplane is installed without the external-secret-store flag and packages are fully qualified")
    void crossplaneV2Ready() {
        PlanPreview preview =
                HubPlan.build(LOCK, profile(ClusterType.EKS), credentials()).preview();
        assertThat(render(preview)).doesNotContain("enable-external-secret-stores", "StoreConfig", "VaultConfig");
        preview.steps().stream()
                .flatMap(s -> s.objects().stream())
                .filter(o -> o.kind().equals("Provider") || o.kind().equals("Function"))
                .forEach(o -> assertThat(o.yaml()).containsPattern("package: [a-z0-9.-]+\\.[a-z]+/"));
    }

    @Test
    @DisplayName("the steps run in dependency order: Crossplane, runtime, packages, configs, APIs, then the claim")
    void order() {
        Plan plan = HubPlan.build(LOCK, profile(ClusterType.LOCAL), credentials());
        assertThat(plan.steps())
                .extracting(Step::id)
                .containsExactly(
                        "namespaces",
                        "crossplane",
                        "ingress",
                        "gateway",
                        "runtime-config",
                        "functions",
                        "providers",
                        "credentials",
                        "provider-configs",
                        "apis",
                        "hub");
        assertThat(HubPlan.build(LOCK, profile(ClusterType.LOCAL).withIngress(IngressChoice.EXISTING), credentials())
                        .steps())
                .extracting(Step::id)
                .doesNotContain("ingress", "gateway");
    }

    @Test
    @DisplayName("a chart mirror folder replaces the public source of the charts it holds")
    void mirror() throws IOException {
        Path mirror = Files.createTempDirectory("mirror");
        Path chart = Files.createDirectories(mirror.resolve("crossplane"));
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "apiVersion: v2\nname: crossplane\nversion: "
                        + LOCK.chart("crossplane").version() + "\n");
        PlanPreview preview = HubPlan.build(
                        LOCK, profile(ClusterType.LOCAL).withChartMirror(mirror.toString()), credentials())
                .preview();
        StepPreview crossplane = preview.steps().get(1);
        assertThat(crossplane.helm().repository()).isEqualTo(chart.toString());
        assertThat(preview.steps().get(2).helm().repository()).startsWith("oci://");
    }

    @Test
    @DisplayName("the Hub claim keeps the reference's fields and carries the profile's hosts and repository")
    void claim() {
        ObjectPreview hub = HubPlan.build(LOCK, profile(ClusterType.LOCAL), credentials()).preview().steps().stream()
                .flatMap(s -> s.objects().stream())
                .filter(o -> o.kind().equals("Hub"))
                .findFirst()
                .orElseThrow();
        assertThat(hub.yaml())
                .contains(
                        "clusterId: local",
                        "repository: https://github.com/acme/platform-gitops",
                        "host: backstage-7f000001.nip.io",
                        "host: argocd-7f000001.nip.io",
                        "mode: gateway",
                        "registry: ghcr.io",
                        "repository: back-stack/showcase-backstage",
                        "tag: latest");
        assertThat(hub.namespace()).isEqualTo("default");
    }

    private static List<String> objects(ClusterType type) {
        return HubPlan.build(LOCK, profile(type), credentials()).preview().steps().stream()
                .flatMap(s -> s.objects().stream())
                .map(ObjectPreview::title)
                .toList();
    }
}
