package dev.backstack.panel.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The shipped BACK Stack APIs are what the upstream CRDs accept and keep the reference's API")
class ApisSchemaTest {

    /** Kinds of core Kubernetes that Objects may carry without a CRD in shared/crds. */
    private static final Set<String> BUILT_IN = Set.of(
            "v1/Secret",
            "v1/ConfigMap",
            "rbac.authorization.k8s.io/v1/ClusterRole",
            "rbac.authorization.k8s.io/v1/ClusterRoleBinding");

    private static CrdCatalog crds;

    @BeforeAll
    static void loadCrds() {
        crds = CrdCatalog.load();
    }

    @ParameterizedTest
    @EnumSource(InstallApis.class)
    void definitionAndCompositionValidateAgainstTheCrossplaneCrds(InstallApis api) {
        assertThat(crds.validate(api.definition())).as(api + " XRD").isEmpty();
        assertThat(crds.validate(api.composition())).as(api + " Composition").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(InstallApis.class)
    void definitionStaysALegacyXrdWithClaims(InstallApis api) {
        JsonNode xrd = api.definition();
        assertThat(xrd.path("apiVersion").asText()).isEqualTo("apiextensions.crossplane.io/v1");
        assertThat(xrd.path("spec").path("claimNames").path("kind").asText()).isNotBlank();
        assertThat(xrd.path("spec").path("scope").asText("LegacyCluster")).isEqualTo("LegacyCluster");
        assertThat(xrd.path("spec").path("group").asText()).isEqualTo("backstack.dev");
    }

    @ParameterizedTest
    @EnumSource(InstallApis.class)
    void compositionIsAPipelineComposingItsXrd(InstallApis api) {
        JsonNode spec = api.composition().path("spec");
        JsonNode xrd = api.definition().path("spec");
        assertThat(spec.path("mode").asText()).isEqualTo("Pipeline");
        assertThat(spec.path("compositeTypeRef").path("apiVersion").asText())
                .isEqualTo(xrd.path("group").asText() + "/"
                        + xrd.path("versions").get(0).path("name").asText());
        assertThat(spec.path("compositeTypeRef").path("kind").asText())
                .isEqualTo(xrd.path("names").path("kind").asText());
        assertThat(api.ptInput().path("apiVersion").asText()).isEqualTo("pt.fn.crossplane.io/v1beta1");
        assertThat(api.ptInput().path("kind").asText()).isEqualTo("Resources");
    }

    @ParameterizedTest
    @EnumSource(InstallApis.class)
    void everyComposedBaseValidatesAgainstItsProviderCrd(InstallApis api) {
        for (InstallApis.Template t : api.templates()) {
            JsonNode base = t.base();
            String group = base.path("apiVersion").asText().split("/")[0];
            if (crds.knows(base)) {
                assertThat(crds.validateTemplate(base)).as(api + "/" + t.name()).isEmpty();
            } else {
                // cloud managed resources: their CRDs ship with the providers, not in shared/crds
                assertThat(group)
                        .as(api + "/" + t.name() + " has no CRD in shared/crds")
                        .endsWith(".upbound.io");
            }
            if (group.equals("helm.crossplane.io") || group.equals("kubernetes.crossplane.io")) {
                assertThat(crds.knows(base)).as(api + "/" + t.name()).isTrue();
            }
        }
    }

    @Test
    void hubUsesCurrentProviderKindsOnly() {
        for (InstallApis.Template t : InstallApis.HUB.templates()) {
            String apiVersion = t.base().path("apiVersion").asText();
            assertThat(apiVersion).as(t.name()).isIn("helm.crossplane.io/v1beta1", "kubernetes.crossplane.io/v1alpha2");
        }
    }

    @Test
    void everyObjectManifestWithAnUpstreamCrdValidatesAgainstIt() {
        Set<String> checked = new TreeSet<>();
        for (InstallApis.Template t : InstallApis.HUB.templates()) {
            JsonNode manifest = t.base().path("spec").path("forProvider").path("manifest");
            if (manifest.isMissingNode()) {
                continue;
            }
            String kind = manifest.path("apiVersion").asText() + "/"
                    + manifest.path("kind").asText();
            if (crds.knows(manifest)) {
                assertThat(crds.validateTemplate(manifest))
                        .as(t.name() + " " + kind)
                        .isEmpty();
                checked.add(manifest.path("kind").asText());
            } else {
                assertThat(kind)
                        .as(t.name() + ": a kind with neither a CRD in shared/crds nor built in")
                        .isIn(BUILT_IN);
            }
        }
        assertThat(checked)
                .containsExactlyInAnyOrder("ClusterIssuer", "Application", "ApplicationSet", "GeneratingPolicy");
    }

    @Test
    void usesNoExternalSecretStoreNorDeprecatedKinds() {
        for (InstallApis api : InstallApis.values()) {
            for (JsonNode doc : List.of(api.definition(), api.composition())) {
                assertThat(doc.toString())
                        .as(api + " " + doc.path("kind").asText())
                        .doesNotContain(
                                "secrets.crossplane.io",
                                "publishConnectionDetailsTo",
                                "ess-plugin",
                                "kubernetes.crossplane.io/v1alpha1",
                                "\"apiVersion\":\"kyverno.io/");
            }
        }
    }

    @Test
    void carriesNoCredentialAsAValue() {
        for (InstallApis api : InstallApis.values()) {
            List<String> found = new ArrayList<>();
            secrets("", api.composition(), found);
            assertThat(found).as(api + ": credential-looking values").isEmpty();
            assertThat(text(api.folder() + "/composition.yaml"))
                    .doesNotContainPattern("gh[pousr]_[A-Za-z0-9]{20,}|github_pat_");
        }
    }

    @ParameterizedTest
    @EnumSource(InstallApis.class)
    void definitionKeepsEveryFieldOfTheReference(InstallApis api) {
        JsonNode reference = Yamls.file(
                        SharedDir.referenceApis().resolve(api.referenceFolder()).resolve("definition.yaml"))
                .get(0);
        JsonNode ours = api.definition();
        for (String field : List.of("group", "names", "claimNames", "connectionSecretKeys")) {
            assertThat(ours.path("spec").path(field))
                    .as(field)
                    .isEqualTo(reference.path("spec").path(field));
        }
        assertThat(ours.path("metadata").path("name"))
                .isEqualTo(reference.path("metadata").path("name"));
        assertThat(ours.path("spec").path("versions").get(0).path("name"))
                .isEqualTo(reference.path("spec").path("versions").get(0).path("name"));

        Map<String, JsonNode> theirs = XrdSchemas.paths(XrdSchemas.openApi(reference));
        Map<String, JsonNode> mine = XrdSchemas.paths(XrdSchemas.openApi(ours));
        assertThat(mine.keySet()).as(api + " property paths").containsAll(theirs.keySet());
        for (Map.Entry<String, JsonNode> p : theirs.entrySet()) {
            JsonNode now = mine.get(p.getKey());
            assertThat(now.path("type"))
                    .as(p.getKey() + " type")
                    .isEqualTo(p.getValue().path("type"));
            assertThat(now.path("required"))
                    .as(p.getKey() + " required")
                    .isEqualTo(p.getValue().path("required"));
            assertThat(now.path("x-kubernetes-preserve-unknown-fields"))
                    .isEqualTo(p.getValue().path("x-kubernetes-preserve-unknown-fields"));
            if (p.getValue().has("enum") && !p.getKey().equals("spec.parameters.version")) {
                assertThat(now.path("enum"))
                        .as(p.getKey() + " enum")
                        .isEqualTo(p.getValue().path("enum"));
            }
        }
        Set<String> added = new HashSet<>(mine.keySet());
        added.removeAll(theirs.keySet());
        for (String path : added) {
            assertThat(isRequiredSomewhere(XrdSchemas.openApi(ours), path))
                    .as("added field " + path + " is optional")
                    .isFalse();
        }
    }

    @Test
    void spokeVersionsAreCurrentMinorVersionsWithADefaultAmongThem() {
        for (InstallApis api : List.of(InstallApis.AKS, InstallApis.EKS)) {
            JsonNode version =
                    XrdSchemas.paths(XrdSchemas.openApi(api.definition())).get("spec.parameters.version");
            List<String> allowed = new ArrayList<>();
            version.path("enum").forEach(v -> allowed.add(v.asText()));
            assertThat(allowed).as(api.name()).isNotEmpty().allMatch(v -> v.matches("1\\.3[3-9]"));
            assertThat(allowed).contains(version.path("default").asText());
        }
    }

    @Test
    void referenceSpokeClaimsStillValidateAgainstOurDefinitions() {
        assertThat(parameterProblems(InstallApis.EKS, ReferenceClaims.eks())).isEmpty();
        assertThat(parameterProblems(InstallApis.AKS, ReferenceClaims.aks(true)))
                .isEmpty();
    }

    @Test
    void referenceAksSkeletonNeedsItsVersionQuotedForMinorVersionAliases() {
        // known incompatibility, documented in install/README.md: everything else still validates
        assertThat(parameterProblems(InstallApis.AKS, ReferenceClaims.aks(false)))
                .isNotEmpty()
                .allMatch(p -> p.startsWith("/version:"));
    }

    @Test
    void gatewayManifestValidatesAgainstTheGatewayApiCrds() {
        List<JsonNode> docs = Yamls.install("gateway/envoy-gateway.yaml");
        assertThat(docs).extracting(d -> d.path("kind").asText()).containsExactly("GatewayClass", "Gateway");
        for (JsonNode doc : docs) {
            assertThat(crds.validate(doc)).as(doc.path("kind").asText()).isEmpty();
        }
        JsonNode hubIngress = XrdSchemas.paths(XrdSchemas.openApi(InstallApis.HUB.definition()))
                .get("spec.parameters.ingress");
        JsonNode gateway = docs.get(1).path("metadata");
        assertThat(gateway.path("name").asText())
                .isEqualTo(hubIngress
                        .path("properties")
                        .path("gatewayName")
                        .path("default")
                        .asText());
        assertThat(gateway.path("namespace").asText())
                .isEqualTo(hubIngress
                        .path("properties")
                        .path("gatewayNamespace")
                        .path("default")
                        .asText());
    }

    private static List<String> parameterProblems(InstallApis api, JsonNode claim) {
        assertThat(claim.path("kind").asText())
                .isEqualTo(api.definition()
                        .path("spec")
                        .path("claimNames")
                        .path("kind")
                        .asText());
        JsonNode parametersSchema = XrdSchemas.openApi(api.definition())
                .path("properties")
                .path("spec")
                .path("properties")
                .path("parameters");
        JsonNode parameters = claim.path("spec").path("parameters").deepCopy();
        SchemaDefaults.apply(parametersSchema, parameters);
        return StrictSchema.of(parametersSchema, true).validate(parameters);
    }

    private static boolean isRequiredSomewhere(JsonNode schema, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = schema;
        for (String part : parts) {
            if (node.path("required").toString().contains("\"" + part + "\"")) {
                return true;
            }
            node = node.path("properties").path(part);
        }
        return false;
    }

    /** Collects values under credential-like keys that are literals rather than references. */
    private static void secrets(String path, JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
                JsonNode v = e.getValue();
                boolean credentialKey = key.equals("token")
                        || key.endsWith("password")
                        || key.equals("apikey")
                        || key.equals("clientsecret")
                        || key.equals("roottoken")
                        || key.equals("devroottoken");
                if (credentialKey && v.isTextual() && !v.asText().matches("\\$\\{[A-Z_]+}")) {
                    found.add(path + "." + e.getKey() + "=" + v.asText());
                }
                secrets(path + "." + e.getKey(), v, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                secrets(path + "[" + i + "]", node.get(i), found);
            }
        }
    }

    private static String text(String relative) {
        try (InputStream in = ApisSchemaTest.class.getResourceAsStream(Yamls.INSTALL + relative)) {
            if (in == null) {
                throw new IllegalStateException("missing " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
