package dev.backstack.panel.app.it.policy;

import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The truth test's own rules, each with samples it admits and refuses, until the catalog's join them. */
final class HandWrittenRules {

    static final ResourceMatch PODS = new ResourceMatch("", "v1", "Pod", "pods", true);
    static final ResourceMatch EKS = new ResourceMatch("backstack.dev", "v1alpha1", "EKSCluster", "eksclusters", true);
    static final String EXCLUDED = "truth-excluded";
    /** A namespace labelled {@code tier: prod}, created by the test. */
    static final String PROD = "truth-prod";

    static final String NO_PRIVILEGED = "object.spec.containers.all(c, !has(c.securityContext)"
            + " || !has(c.securityContext.privileged) || c.securityContext.privileged == false)";

    private HandWrittenRules() {}

    /** (title, TruthPolicy, List of TruthSample) for a parameterized test. */
    static Stream<Arguments> all() {
        return Stream.of(noPrivileged(), noLatest(), eksNodes(), evaluationError(), defaulted(), namespaceLabels());
    }

    static Arguments noPrivileged() {
        return Arguments.of(
                "no privileged containers",
                new TruthPolicy(
                        "no-privileged",
                        List.of(PODS),
                        List.of(),
                        List.of(new CelValidation(NO_PRIVILEGED, "privileged containers are not allowed")),
                        List.of(EXCLUDED)),
                List.of(
                        TruthSample.passing(pod(null, "plain", "nginx:1.27", null)),
                        TruthSample.passing(pod(null, "unprivileged", "nginx:1.27", false)),
                        TruthSample.failing(pod(null, "privileged", "nginx:1.27", true)),
                        TruthSample.failing(object(
                                "v1",
                                "Pod",
                                null,
                                "sidecar-privileged",
                                Map.of(
                                        "containers",
                                        List.of(
                                                Map.of("name", "app", "image", "nginx:1.27"),
                                                Map.of(
                                                        "name",
                                                        "sidecar",
                                                        "image",
                                                        "envoy:1.31",
                                                        "securityContext",
                                                        Map.of("privileged", true)))))),
                        TruthSample.passing(pod(EXCLUDED, "privileged", "nginx:1.27", true))));
    }

    static Arguments noLatest() {
        return Arguments.of(
                "no :latest images (variables)",
                new TruthPolicy(
                        "no-latest",
                        List.of(PODS),
                        List.of(
                                new CelVariable("containers", "object.spec.containers"),
                                new CelVariable("images", "variables.containers.map(c, c.image)")),
                        List.of(new CelValidation(
                                "variables.images.all(i, !i.endsWith(':latest'))",
                                "images must not use the :latest tag")),
                        List.of()),
                List.of(
                        TruthSample.passing(pod(null, "pinned", "nginx:1.27", null)),
                        TruthSample.failing(pod(null, "latest", "nginx:latest", null))));
    }

    static Arguments eksNodes() {
        return Arguments.of(
                "EKS claim: at most 3 nodes of an allowed type",
                new TruthPolicy(
                        "eks-nodes",
                        List.of(EKS),
                        List.of(),
                        List.of(
                                new CelValidation("object.spec.parameters.nodes.count <= 3", "at most 3 nodes"),
                                new CelValidation(
                                        "object.spec.parameters.nodes.instanceType in ['t3.small', 't3.medium']",
                                        "instance type must be t3.small or t3.medium")),
                        List.of()),
                List.of(
                        TruthSample.passing(claim("small", 2, "t3.small")),
                        TruthSample.passing(claim("three", 3, "t3.medium")),
                        TruthSample.failing(claim("big", 5, "t3.small")),
                        TruthSample.failing(claim("wide", 1, "m5.24xlarge")),
                        TruthSample.failing(claim("both", 9, "m5.large"))));
    }

    static Arguments evaluationError() {
        return Arguments.of(
                "an evaluation error refuses under failurePolicy Fail",
                new TruthPolicy(
                        "no-has",
                        List.of(PODS),
                        List.of(),
                        List.of(new CelValidation(
                                "object.spec.containers.all(c, c.securityContext.privileged" + " == false)",
                                "containers must say privileged: false")),
                        List.of()),
                List.of(
                        TruthSample.passing(pod(null, "said", "nginx:1.27", false)),
                        TruthSample.failing(pod(null, "unsaid", "nginx:1.27", null))));
    }

    static Arguments defaulted() {
        return Arguments.of(
                "fields the API server defaults (imagePullPolicy)",
                new TruthPolicy(
                        "pull-always",
                        List.of(PODS),
                        List.of(),
                        List.of(new CelValidation(
                                "object.spec.containers.all(c," + " c.imagePullPolicy == 'Always')",
                                "images must be pulled always")),
                        List.of()),
                List.of(
                        TruthSample.passing(pod(null, "latest", "nginx:latest", null)),
                        TruthSample.failing(pod(null, "pinned", "nginx:1.27", null)),
                        TruthSample.passing(object(
                                "v1",
                                "Pod",
                                null,
                                "explicit",
                                Map.of(
                                        "containers",
                                        List.of(Map.of(
                                                "name",
                                                "app",
                                                "image",
                                                "nginx:1.27",
                                                "imagePullPolicy",
                                                "Always")))))));
    }

    static Arguments namespaceLabels() {
        return Arguments.of(
                "the namespace's labels (namespaceObject)",
                new TruthPolicy(
                        "prod-registry",
                        List.of(PODS),
                        List.of(),
                        List.of(new CelValidation(
                                "!has(namespaceObject.metadata.labels)"
                                        + " || namespaceObject.metadata.labels.?tier.orValue('') != 'prod'"
                                        + " || object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
                                "prod namespaces take images from registry.example.com only")),
                        List.of()),
                List.of(
                        TruthSample.passing(pod(null, "anywhere", "nginx:1.27", null)),
                        TruthSample.passing(pod(PROD, "ours", "registry.example.com/web:1", null)),
                        TruthSample.failing(pod(PROD, "theirs", "nginx:1.27", null))));
    }

    /** A one-container pod; {@code privileged} null leaves out the securityContext. */
    static Map<String, Object> pod(String ns, String name, String image, Boolean privileged) {
        Map<String, Object> container = privileged == null
                ? Map.of("name", "app", "image", image)
                : Map.of("name", "app", "image", image, "securityContext", Map.of("privileged", privileged));
        return object("v1", "Pod", ns, name, Map.of("containers", List.of(container)));
    }

    static Map<String, Object> claim(String name, int count, String instanceType) {
        return object(
                "backstack.dev/v1alpha1",
                "EKSCluster",
                null,
                name,
                Map.of(
                        "parameters",
                        Map.of(
                                "id",
                                name,
                                "region",
                                "eu-west-1",
                                "nodes",
                                Map.of("count", count, "instanceType", instanceType))));
    }

    static Map<String, Object> object(
            String apiVersion, String kind, String ns, String name, Map<String, Object> spec) {
        Map<String, Object> metadata = ns == null ? Map.of("name", name) : Map.of("name", name, "namespace", ns);
        return Map.of("apiVersion", apiVersion, "kind", kind, "metadata", metadata, "spec", spec);
    }
}
