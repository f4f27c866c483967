package dev.backstack.panel.installer.policy.cel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.List;
import java.util.Map;

/** Objects as the panel reads them (Jackson maps: Integer, Double, nested maps and lists). */
final class CelSamples {

    static final ResourceMatch PODS = new ResourceMatch("", "v1", "Pod", "pods", true);
    static final ResourceMatch CLAIMS =
            new ResourceMatch("backstack.dev", "v1alpha1", "EKSCluster", "eksclusters", true);
    static final String NO_PRIVILEGED = "object.spec.containers.all(c, !has(c.securityContext)"
            + " || !has(c.securityContext.privileged) || c.securityContext.privileged == false)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CelSamples() {}

    static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text.replace('\'', '"'), new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A pod in {@code ns} whose containers have these images and privileged flags (null: no securityContext). */
    static Map<String, Object> pod(String ns, String name, String image, Boolean privileged) {
        String sc = privileged == null ? "" : ", 'securityContext': {'privileged': " + privileged + "}";
        return json("{'apiVersion': 'v1', 'kind': 'Pod', 'metadata': {'name': '" + name + "', 'namespace': '" + ns
                + "'}," + " 'spec': {'containers': [{'name': 'app', 'image': '" + image + "'" + sc + "}]}}");
    }

    static Map<String, Object> claim(String ns, String name, String nodes) {
        return json("{'apiVersion': 'backstack.dev/v1alpha1', 'kind': 'EKSCluster', 'metadata': {'name': '" + name
                + "', 'namespace': '" + ns + "'}, 'spec': {'parameters': {'id': '" + name
                + "', 'region': 'eu-west-1', 'nodes': " + nodes + "}}}");
    }

    static CelPolicyProgram program(String... validations) {
        return program(List.of(), validations);
    }

    static CelPolicyProgram program(List<CelVariable> variables, String... validations) {
        try {
            return CelPolicyProgram.compile(
                    variables,
                    java.util.Arrays.stream(validations)
                            .map(v -> new CelValidation(v, "denied: " + v))
                            .toList());
        } catch (CelCompileException e) {
            throw new AssertionError(e.display(), e);
        }
    }
}
