package dev.backstack.panel.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Composing example claims yields objects the providers and controllers accept")
class CompositionRenderTest {

    private static CrdCatalog crds;

    @BeforeAll
    static void loadCrds() {
        crds = CrdCatalog.load();
    }

    @Test
    void referenceStyleHubComposesIngressesAndNoVaultWorkload() {
        Map<String, ObjectNode> hub = renderAndValidate(InstallApis.HUB, example("hub-reference-style.yaml"));

        JsonNode argo = values(hub.get("argocd"));
        assertThat(argo.path("global").path("domain").asText()).isEqualTo("argocd-7f000001.nip.io");
        JsonNode server = argo.path("server");
        assertThat(server.path("ingress").path("enabled").asBoolean()).isTrue();
        assertThat(server.path("ingress").path("ingressClassName").asText()).isEqualTo("nginx");
        assertThat(server.path("ingress").path("hostname").asText()).isEqualTo("argocd-7f000001.nip.io");
        assertThat(server.path("ingress").has("hosts"))
                .as("chart 10.x has no server.ingress.hosts")
                .isFalse();
        assertThat(server.path("ingressGrpc").path("hostname").asText()).isEqualTo("grpc.argocd-7f000001.nip.io");
        assertThat(server.path("httproute").path("enabled").asBoolean()).isFalse();

        JsonNode vault = values(hub.get("vault"));
        assertThat(vault.path("global").path("enabled").asBoolean()).isFalse();

        JsonNode backstage = values(hub.get("backstage"));
        assertThat(backstage.path("ingress").path("host").asText()).isEqualTo("backstage-7f000001.nip.io");
        assertThat(backstage.path("backstage").path("image").path("tag").asText())
                .isEqualTo("1.0.0");
        assertThat(backstage
                        .path("backstage")
                        .path("appConfig")
                        .path("catalog")
                        .path("locations")
                        .get(1)
                        .path("target")
                        .asText())
                .isEqualTo("https://github.com/example-org/backstack-gitops/blob/main/catalog-info.yaml");

        assertThat(hub.values())
                .allSatisfy(o -> assertThat(o.path("spec")
                                .path("providerConfigRef")
                                .path("name")
                                .asText())
                        .isEqualTo("local"));
        assertThat(hub.get("argocd").path("metadata").path("name").asText()).isEqualTo("hub-x7k2p-argocd");
    }

    @Test
    void gatewayHubComposesHttpRoutesOnTheGatewayAndRunsVault() {
        Map<String, ObjectNode> hub = renderAndValidate(InstallApis.HUB, example("hub-gateway.yaml"));

        for (String release : new String[] {"argocd", "vault"}) {
            JsonNode server = values(hub.get(release)).path("server");
            assertThat(server.path("ingress").path("enabled").asBoolean())
                    .as(release)
                    .isFalse();
            assertThat(server.path("httproute").path("enabled").asBoolean())
                    .as(release)
                    .isTrue();
            assertThat(server.path("httproute")
                            .path("parentRefs")
                            .get(0)
                            .path("name")
                            .asText())
                    .isEqualTo("backstack");
            assertThat(server.path("httproute")
                            .path("parentRefs")
                            .get(0)
                            .path("namespace")
                            .asText())
                    .isEqualTo("envoy-gateway-system");
        }
        assertThat(values(hub.get("argocd"))
                        .path("server")
                        .path("httproute")
                        .path("hostnames")
                        .get(0)
                        .asText())
                .isEqualTo("argocd.example.test");
        assertThat(values(hub.get("argocd"))
                        .path("server")
                        .path("ingressGrpc")
                        .path("enabled")
                        .asBoolean())
                .isFalse();
        JsonNode backstage = values(hub.get("backstage"));
        assertThat(backstage.path("ingress").path("enabled").asBoolean()).isFalse();
        assertThat(backstage.path("httpRoute").path("enabled").asBoolean()).isTrue();
        assertThat(backstage.path("httpRoute").path("hostnames").get(0).asText())
                .isEqualTo("backstage.example.test");
        assertThat(values(hub.get("vault")).path("global").path("enabled").asBoolean())
                .isTrue();
    }

    @Test
    void spokeRegistrationTurnsKubeconfigSecretsIntoSpokeClusterSecrets() {
        Map<String, ObjectNode> hub = renderAndValidate(InstallApis.HUB, example("hub-reference-style.yaml"));
        JsonNode policy = hub.get("kyverno-argocd-cluster-generation-policy")
                .path("spec")
                .path("forProvider")
                .path("manifest");
        assertThat(policy.path("apiVersion").asText()).isEqualTo("policies.kyverno.io/v1");
        assertThat(policy.path("kind").asText()).isEqualTo("GeneratingPolicy");
        JsonNode spec = policy.path("spec");
        assertThat(spec.path("matchConstraints")
                        .path("resourceRules")
                        .get(0)
                        .path("resources")
                        .get(0)
                        .asText())
                .isEqualTo("secrets");
        assertThat(spec.path("matchConditions").get(0).path("expression").asText())
                .contains("'-kubeconfig'");
        String secret = variable(spec, "clusterSecret");
        assertThat(secret)
                .contains(
                        "\"argocd.argoproj.io/secret-type\": \"cluster\"",
                        "\"clusterType\": \"spoke\"",
                        "\"namespace\": dyn(\"argocd\")");
        assertThat(spec.path("generate").get(0).path("expression").asText())
                .isEqualTo("generator.Apply(\"argocd\", [variables.clusterSecret])");
        assertThat(spec.path("evaluation").path("synchronize").path("enabled").asBoolean())
                .isTrue();
    }

    @Test
    void aksClaimFromTheReferenceTemplateComposesAClusterThatPublishesItsKubeconfig() {
        Map<String, ObjectNode> aks =
                renderAndValidate(InstallApis.AKS, composite(InstallApis.AKS, ReferenceClaims.aks(true)));
        JsonNode cluster = aks.get("kubernetes-cluster").path("spec");
        assertThat(cluster.path("forProvider").path("kubernetesVersion").asText())
                .isEqualTo("1.34");
        assertThat(cluster.path("forProvider").path("location").asText()).isEqualTo("westeurope");
        assertThat(cluster.path("forProvider")
                        .path("defaultNodePool")
                        .path("nodeCount")
                        .asInt())
                .isEqualTo(3);
        assertThat(cluster.path("forProvider")
                        .path("defaultNodePool")
                        .path("vmSize")
                        .asText())
                .isEqualTo("Standard_D2s_v5");
        assertPublishesKubeconfig(InstallApis.AKS, "kubernetes-cluster", cluster);
    }

    @Test
    void eksClaimFromTheReferenceTemplateComposesAClusterThatPublishesItsKubeconfig() {
        Map<String, ObjectNode> eks =
                renderAndValidate(InstallApis.EKS, composite(InstallApis.EKS, ReferenceClaims.eks()));
        assertThat(eks.get("eks-cluster")
                        .path("spec")
                        .path("forProvider")
                        .path("version")
                        .asText())
                .isEqualTo("1.34");
        JsonNode scaling =
                eks.get("node-group").path("spec").path("forProvider").path("scalingConfig");
        assertThat(scaling.path("desiredSize").asInt()).isEqualTo(2);
        assertThat(eks.get("node-group")
                        .path("spec")
                        .path("forProvider")
                        .path("instanceTypes")
                        .get(0)
                        .asText())
                .isEqualTo("t3.medium");
        assertThat(eks.get("subnet-b")
                        .path("spec")
                        .path("forProvider")
                        .path("availabilityZone")
                        .asText())
                .isEqualTo("eu-central-1b");
        assertThat(eks.values())
                .allSatisfy(o -> assertThat(o.path("spec")
                                .path("forProvider")
                                .path("region")
                                .asText("eu-central-1"))
                        .isEqualTo("eu-central-1"));
        assertPublishesKubeconfig(
                InstallApis.EKS, "cluster-auth", eks.get("cluster-auth").path("spec"));
    }

    private static void assertPublishesKubeconfig(InstallApis api, String resource, JsonNode spec) {
        assertThat(api.composition()
                        .path("spec")
                        .path("writeConnectionSecretsToNamespace")
                        .asText())
                .isEqualTo("crossplane-system");
        assertThat(spec.path("writeConnectionSecretToRef").path("namespace").asText())
                .isEqualTo("crossplane-system");
        assertThat(spec.path("writeConnectionSecretToRef").path("name").asText())
                .startsWith("0b6e1c54-");
        InstallApis.Template template = api.templates().stream()
                .filter(t -> t.name().equals(resource))
                .findFirst()
                .orElseThrow();
        assertThat(template.connectionDetails()).hasSize(1);
        assertThat(template.connectionDetails().get(0).path("name").asText())
                .isEqualTo(api.definition()
                        .path("spec")
                        .path("connectionSecretKeys")
                        .get(0)
                        .asText());
    }

    /** Renders the composite and checks every result (and every Object's manifest) against its CRD. */
    private static Map<String, ObjectNode> renderAndValidate(InstallApis api, JsonNode composite) {
        Map<String, ObjectNode> rendered = new PatchRenderer(api).render(composite);
        for (Map.Entry<String, ObjectNode> e : rendered.entrySet()) {
            if (crds.knows(e.getValue())) {
                assertThat(crds.validate(e.getValue()))
                        .as(api + "/" + e.getKey())
                        .isEmpty();
            }
            JsonNode manifest = e.getValue().path("spec").path("forProvider").path("manifest");
            if (!manifest.isMissingNode() && crds.knows(manifest)) {
                assertThat(crds.validate(manifest))
                        .as(api + "/" + e.getKey() + " manifest")
                        .isEmpty();
            }
        }
        return rendered;
    }

    /** The composite Crossplane makes of a claim: same spec, XRD defaults applied, a generated name. */
    private static JsonNode composite(InstallApis api, JsonNode claim) {
        ObjectNode xr = claim.deepCopy();
        JsonNode schema = XrdSchemas.openApi(api.definition());
        SchemaDefaults.apply(schema, xr);
        ObjectNode metadata = xr.putObject("metadata");
        metadata.put("name", claim.path("metadata").path("name").asText() + "-x7k2p");
        metadata.put("uid", "0b6e1c54-5d1a-4c38-9f5e-3c1f2b7a9e10");
        return xr;
    }

    private static JsonNode example(String name) {
        try (InputStream in = CompositionRenderTest.class.getResourceAsStream("/examples/" + name)) {
            return composite(InstallApis.HUB, Yamls.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode values(JsonNode release) {
        return release.path("spec").path("forProvider").path("values");
    }

    private static String variable(JsonNode policySpec, String name) {
        for (JsonNode v : policySpec.path("variables")) {
            if (name.equals(v.path("name").asText())) {
                return v.path("expression").asText();
            }
        }
        throw new AssertionError("no variable " + name);
    }
}
