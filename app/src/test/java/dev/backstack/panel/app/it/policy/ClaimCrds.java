package dev.backstack.panel.app.it.policy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The claim CRD Crossplane would derive from one of the panel's XRDs, with the XRD's own schema
 * (so the API server checks and prunes claims as a real hub does, and a ValidatingAdmissionPolicy
 * is type-checked against it). For example {@code apis/cluster/eks/definition.yaml}:
 * {@code backstack.dev/v1alpha1 EKSCluster}, plural {@code eksclusters}, namespaced.
 */
public final class ClaimCrds {

    private static final String INSTALL = "/dev/backstack/panel/resources/install/";

    private ClaimCrds() {}

    /** @param xrd a path under the resources' {@code install/} folder */
    @SuppressWarnings("unchecked")
    public static CustomResourceDefinition claimOf(KubernetesClient client, String xrd) {
        GenericKubernetesResource definition;
        try (InputStream in = ClaimCrds.class.getResourceAsStream(INSTALL + xrd)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + INSTALL + xrd + " on the class path");
            }
            definition = client.getKubernetesSerialization().unmarshal(in, GenericKubernetesResource.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> spec =
                (Map<String, Object>) definition.getAdditionalProperties().get("spec");
        Map<String, Object> names = (Map<String, Object>) spec.get("claimNames");
        Map<String, Object> version = ((List<Map<String, Object>>) spec.get("versions")).get(0);
        Object schema = ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
        String kind = (String) names.get("kind");
        String plural = (String) names.get("plural");
        String group = (String) spec.get("group");
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase(java.util.Locale.ROOT))
                .endNames()
                .addNewVersion()
                .withName((String) version.get("name"))
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withOpenAPIV3Schema(client.getKubernetesSerialization().convertValue(schema, JSONSchemaProps.class))
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
    }
}
