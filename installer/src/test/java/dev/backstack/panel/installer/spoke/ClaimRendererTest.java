package dev.backstack.panel.installer.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.installer.policy.CatalogYaml;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.SpokeRequest;
import dev.backstack.panel.resources.ClaimValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClaimRendererTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static SpokeRequest aks() {
        return SpokeRequest.direct(ClusterKind.AKS, "spoke-4", "westeurope", "1.34", 2, "Standard_B2s");
    }

    static SpokeRequest eks() {
        return new SpokeRequest(
                ClusterKind.EKS,
                "dev-payments",
                "platform",
                "eu-central-1",
                "1.35",
                3,
                "t3.medium",
                "arn:aws:iam::123456789012:role/platform-admin",
                SpokeRequest.Delivery.APPLY,
                null);
    }

    @ParameterizedTest
    @EnumSource(ClusterKind.class)
    @DisplayName(
            "the rendered claim matches its golden file and validates against the panel's XRD (-Dgolden.update=true)")
    void matchesGoldenFileAndValidatesAgainstTheXrd(ClusterKind kind) throws Exception {
        SpokeRequest r = kind == ClusterKind.AKS ? aks() : eks();
        String yaml = ClaimRenderer.yaml(r);
        Path golden = Path.of("src/test/resources/golden/spoke-claim-" + kind.folder() + ".yaml");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, yaml, StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("golden file; create it with -Dgolden.update=true and review it")
                .exists();
        assertThat(yaml).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));

        JsonNode claim = YAML.readTree(yaml);
        assertThat(ClaimValidation.problems(claim)).isEmpty();
        assertThat(ClaimRenderer.problems(r, ClaimSchema.of(kind))).isEmpty();
        assertThat(claim.path("spec")
                        .path("writeConnectionSecretToRef")
                        .path("name")
                        .asText())
                .isEqualTo(r.id() + "-kubeconfig");
    }

    @Test
    void allowedValuesComeFromTheXrdNotFromTheCode() {
        JsonNode xrd = CatalogYaml.read(ClaimSchema.class, ClaimSchema.ROOT + "aks/definition.yaml", "test");
        List<String> declared = YAML.convertValue(
                xrd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec"
                        + "/properties/parameters/properties/version/enum"),
                YAML.getTypeFactory().constructCollectionType(List.class, String.class));

        ClaimSchema schema = ClaimSchema.of(ClusterKind.AKS);

        assertThat(schema.allowed("version")).isNotEmpty().isEqualTo(declared);
        assertThat(schema.defaultOf("nodes.instanceType")).contains("Standard_B2s");
        assertThat(ClaimSchema.of(ClusterKind.EKS).defaultOf("nodes.instanceType"))
                .contains("t3.small");
        assertThat(schema.declares("iam.roleArn")).isFalse();
        assertThat(ClaimSchema.of(ClusterKind.EKS).declares("iam.roleArn")).isTrue();

        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        xrd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec"
                                + "/properties/parameters/properties/version/enum"))
                .removeAll()
                .add("1.40");
        assertThat(ClaimSchema.fromXrd(ClusterKind.AKS, xrd).allowed("version")).containsExactly("1.40");
    }

    @Test
    void namesEveryProblemWithTheFieldAndWhatIsAllowed() {
        SpokeRequest bad = new SpokeRequest(
                ClusterKind.AKS, "Spoke_4", null, "", "1.20", 0, "", "arn:x", SpokeRequest.Delivery.GITOPS, null);

        List<String> problems = ClaimRenderer.problems(bad, ClaimSchema.of(ClusterKind.AKS));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("spec.parameters.id: Spoke_4 must be lower-case"))
                .anySatisfy(p -> assertThat(p).startsWith("spec.parameters.region: required"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo("spec.parameters.version: 1.20 is not allowed by the AKSCluster "
                                + "API: choose one of "
                                + String.join(
                                        ", ", ClaimSchema.of(ClusterKind.AKS).allowed("version"))))
                .anySatisfy(
                        p -> assertThat(p).startsWith("spec.parameters.nodes.count: a cluster needs at least 1 node"))
                .anySatisfy(p -> assertThat(p).contains("the API's default is Standard_B2s"))
                .anySatisfy(
                        p -> assertThat(p).isEqualTo("spec.parameters.iam.roleArn: the AKSCluster API has no IAM role"))
                .anySatisfy(p -> assertThat(p).startsWith("GitOps delivery needs the repository"));
    }

    @Test
    void schemaRefusesUnknownFieldsAndWrongTypes() {
        ClaimSchema schema = ClaimSchema.of(ClusterKind.EKS);

        assertThat(schema.problems(java.util.Map.of(
                        "id",
                        "x",
                        "region",
                        "r",
                        "nodes",
                        java.util.Map.of("count", "three", "instanceType", "t3.small"),
                        "colour",
                        "blue")))
                .containsExactlyInAnyOrder(
                        "spec.parameters.nodes.count: must be a whole number, not three",
                        "spec.parameters.colour: not a field of the EKSCluster API (it has id, custom_kyverno_policies, "
                                + "region, iam, networkSelector, version, nodes)");
    }
}
