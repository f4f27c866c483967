package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.SpokeRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a {@link SpokeRequest} as the claim the panel's cluster API serves, in the reference
 * Backstage template's shape: {@code metadata.name} and {@code spec.parameters.id} are the spoke's
 * id, and {@code writeConnectionSecretToRef} names {@code <id>-kubeconfig}, the secret the hub's
 * registration policy turns into the Argo CD cluster secret. Pure.
 */
public final class ClaimRenderer {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private ClaimRenderer() {}

    /** The claim; call {@link #problems} first (an invalid request renders an invalid claim). */
    public static GenericKubernetesResource claim(SpokeRequest r) {
        return Manifests.of(ClusterKind.API_VERSION, r.kind().claimKind(), r.namespace(), r.id())
                .label(MANAGED_BY, "backstack-panel")
                .spec(Manifests.map(
                        "parameters",
                        parameters(r),
                        "writeConnectionSecretToRef",
                        Manifests.map("name", connectionSecret(r))))
                .build();
    }

    /** {@code spec.parameters} of the claim. */
    public static Map<String, Object> parameters(SpokeRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("region", r.region());
        if (!r.version().isEmpty()) {
            p.put("version", r.version());
        }
        if (!r.iamRoleArn().isEmpty()) {
            p.put("iam", Manifests.map("roleArn", r.iamRoleArn()));
        }
        p.put("nodes", Manifests.map("count", r.nodeCount(), "instanceType", r.nodeSize()));
        return p;
    }

    public static String connectionSecret(SpokeRequest r) {
        return r.id() + "-kubeconfig";
    }

    public static String yaml(SpokeRequest r) {
        return Serialization.asYaml(claim(r));
    }

    /**
     * Every problem of the request against the API's schema, plus what the schema cannot say: the
     * id becomes object names, so it must be a DNS label; a cluster has at least one node.
     */
    public static List<String> problems(SpokeRequest r, ClaimSchema schema) {
        List<String> out = new ArrayList<>();
        if (r.id().isEmpty()) {
            out.add("spec.parameters.id: required: the spoke's id (it also names the claim)");
        } else if (r.id().length() > 52 || !DNS_LABEL.matcher(r.id()).matches()) {
            out.add("spec.parameters.id: " + r.id() + " must be lower-case letters, digits and '-', at most 52 "
                    + "characters (it names the claim and its " + r.id() + "-kubeconfig secret)");
        }
        if (r.region().isEmpty()) {
            out.add("spec.parameters.region: required: the cloud region, such as "
                    + (r.kind() == ClusterKind.AKS ? "westeurope" : "eu-central-1"));
        }
        if (r.nodeCount() < 1) {
            out.add("spec.parameters.nodes.count: a cluster needs at least 1 node, not " + r.nodeCount());
        }
        if (r.nodeSize().isEmpty()) {
            out.add("spec.parameters.nodes.instanceType: required"
                    + schema.defaultOf("nodes.instanceType")
                            .map(d -> " (the API's default is " + d + ")")
                            .orElse(""));
        }
        if (!r.iamRoleArn().isEmpty() && !schema.declares("iam.roleArn")) {
            out.add("spec.parameters.iam.roleArn: the " + r.kind().claimKind() + " API has no IAM role");
        }
        for (String p : schema.problems(parameters(r))) {
            if (out.stream().noneMatch(o -> o.startsWith(p.split(":")[0] + ":"))) {
                out.add(p);
            }
        }
        out.addAll(r.deliveryProblems());
        return out;
    }
}
