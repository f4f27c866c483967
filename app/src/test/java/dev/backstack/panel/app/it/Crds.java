package dev.backstack.panel.app.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Registers the upstream CRDs of {@code ../shared/crds} and, for the BACK Stack's own kinds
 * (which Crossplane would generate from the XRDs in {@code ../shared/backstack-showcase}), a
 * claim and a composite CRD per XRD; waits until every one is Established.
 */
public final class Crds {

    private final KubernetesClient client;

    Crds(KubernetesClient client) {
        this.client = client;
    }

    /** Only the upstream CRDs of {@code ../shared/crds}. */
    void registerUpstream() throws Exception {
        for (CustomResourceDefinition crd : upstreamCrds()) {
            register(client, crd);
        }
    }

    private List<CustomResourceDefinition> upstreamCrds() throws Exception {
        List<CustomResourceDefinition> crds = new ArrayList<>();
        for (Path file : RealApiServer.yamlFiles(RealApiServer.shared("crds"))) {
            for (HasMetadata o : RealApiServer.load(client, file)) {
                if (o instanceof CustomResourceDefinition crd) {
                    crds.add(crd);
                }
            }
        }
        return crds;
    }

    void registerAll() throws Exception {
        List<CustomResourceDefinition> crds = upstreamCrds();
        for (String xrd : List.of(
                "crossplane/apis/hub/definition.yaml",
                "crossplane/apis/cluster/aks/definition.yaml",
                "crossplane/apis/cluster/eks/definition.yaml")) {
            for (HasMetadata o : RealApiServer.load(
                    client, RealApiServer.shared("backstack-showcase").resolve(xrd))) {
                crds.addAll(fromXrd(o));
            }
        }
        for (CustomResourceDefinition crd : crds) {
            register(client, crd);
        }
    }

    /** A fresh copy of one upstream CRD from {@code ../shared/crds}, by name (for example to restore it). */
    static CustomResourceDefinition upstream(KubernetesClient client, String name) throws java.io.IOException {
        for (Path file : RealApiServer.yamlFiles(RealApiServer.shared("crds"))) {
            for (HasMetadata o : RealApiServer.load(client, file)) {
                if (o instanceof CustomResourceDefinition crd
                        && name.equals(crd.getMetadata().getName())) {
                    return crd;
                }
            }
        }
        throw new IllegalArgumentException("no CRD " + name + " in ../shared/crds");
    }

    /** Deletes a CRD and waits until the API server has removed it (with its objects). */
    static void delete(KubernetesClient client, String name) {
        var crd = client.apiextensions().v1().customResourceDefinitions().withName(name);
        crd.delete();
        crd.waitUntilCondition(java.util.Objects::isNull, 60, TimeUnit.SECONDS);
    }

    /** Creates or updates a CRD (server-side apply) and waits until it is Established. */
    public static void register(KubernetesClient client, CustomResourceDefinition crd) {
        var conversion = crd.getSpec().getConversion();
        if (conversion != null
                && conversion.getWebhook() != null
                && (conversion.getWebhook().getClientConfig() == null
                        || conversion.getWebhook().getClientConfig().getService() == null
                        || conversion
                                        .getWebhook()
                                        .getClientConfig()
                                        .getService()
                                        .getName()
                                == null)) {
            // Crossplane fills in the conversion webhook's service when it installs a provider;
            // without the provider running there is nothing to call, so serve without conversion.
            crd.getSpec()
                    .setConversion(
                            new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceConversionBuilder()
                                    .withStrategy("None")
                                    .build());
        }
        client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(crd.getMetadata().getName())
                .waitUntilCondition(RealApiServer::established, 60, TimeUnit.SECONDS);
    }

    /** The composite CRD and the claim CRD Crossplane derives from an XRD, with open schemas. */
    static List<CustomResourceDefinition> fromXrd(HasMetadata xrd) {
        Map<?, ?> spec = (Map<?, ?>) ((io.fabric8.kubernetes.api.model.GenericKubernetesResource) xrd)
                .getAdditionalProperties()
                .get("spec");
        String group = (String) spec.get("group");
        Map<?, ?> names = (Map<?, ?>) spec.get("names");
        Map<?, ?> claimNames = (Map<?, ?>) spec.get("claimNames");
        List<CustomResourceDefinition> out = new ArrayList<>();
        out.add(crd(group, (String) names.get("kind"), (String) names.get("plural"), "Cluster"));
        if (claimNames != null) {
            out.add(crd(group, (String) claimNames.get("kind"), (String) claimNames.get("plural"), "Namespaced"));
        }
        return out;
    }

    static CustomResourceDefinition crd(String group, String kind, String plural, String scope) {
        JSONSchemaProps open = new JSONSchemaPropsBuilder()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .build();
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope(scope)
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase())
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .addToProperties("spec", open)
                .addToProperties("status", open)
                .endOpenAPIV3Schema()
                .endSchema()
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .endVersion()
                .endSpec()
                .build();
    }
}
