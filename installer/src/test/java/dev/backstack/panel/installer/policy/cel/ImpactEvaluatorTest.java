package dev.backstack.panel.installer.policy.cel;

import static dev.backstack.panel.installer.policy.cel.CelSamples.CLAIMS;
import static dev.backstack.panel.installer.policy.cel.CelSamples.NO_PRIVILEGED;
import static dev.backstack.panel.installer.policy.cel.CelSamples.PODS;
import static dev.backstack.panel.installer.policy.cel.CelSamples.claim;
import static dev.backstack.panel.installer.policy.cel.CelSamples.json;
import static dev.backstack.panel.installer.policy.cel.CelSamples.pod;
import static dev.backstack.panel.installer.policy.cel.CelSamples.program;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpactEvaluatorTest {

    private static final List<Map<String, Object>> FLEET = List.of(
            pod("team-a", "web", "nginx:1.27", null),
            pod("team-a", "root", "nginx:1.27", true),
            pod("team-b", "debug", "busybox:1.36", true),
            pod("kube-system", "proxy", "kube-proxy:1.37", true),
            json("{'apiVersion': 'apps/v1', 'kind': 'Deployment', 'metadata': {'name': 'web', 'namespace': 'team-a'},"
                    + " 'spec': {'template': {'spec': {'containers': [{'name': 'a', 'image': 'x',"
                    + " 'securityContext': {'privileged': true}}]}}}}"),
            claim("team-a", "big", "{'count': 9, 'instanceType': 't3.small'}"));

    @Test
    @DisplayName("says for each pod whether it would be refused and why, skipping other kinds and excluded namespaces")
    void assessesMatchingObjects() {
        ImpactEvaluator impact = new ImpactEvaluator(program(NO_PRIVILEGED), List.of(PODS), List.of("kube-system"));

        ImpactReport report = impact.assess(FLEET);

        assertThat(report.objects())
                .extracting(ObjectImpact::namespace, ObjectImpact::name, ObjectImpact::blocked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("team-a", "web", false),
                        org.assertj.core.groups.Tuple.tuple("team-a", "root", true),
                        org.assertj.core.groups.Tuple.tuple("team-b", "debug", true));
        assertThat(report.blockedObjects()).extracting(ObjectImpact::message).containsOnly("denied: " + NO_PRIVILEGED);
        assertThat(report.blockedCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("aggregates by namespace: objects matched, and the names of those it would refuse")
    void aggregatesByNamespace() {
        ImpactEvaluator impact = new ImpactEvaluator(program(NO_PRIVILEGED), List.of(PODS), List.of());

        assertThat(impact.assess(FLEET).byNamespace())
                .containsExactly(
                        new NamespaceImpact("kube-system", 1, List.of("Pod/proxy")),
                        new NamespaceImpact("team-a", 2, List.of("Pod/root")),
                        new NamespaceImpact("team-b", 1, List.of("Pod/debug")));
    }

    @ParameterizedTest(name = "{0}/{1} matched: {2}")
    @CsvSource({"backstack.dev, v1alpha1, true", "backstack.dev, v1beta1, true", "example.com, v1alpha1, false"})
    @DisplayName("kinds match on group and kind whatever the version (matchPolicy Equivalent)")
    void matchesGroupAndKind(String group, String version, boolean matched) {
        ResourceMatch match = new ResourceMatch(group, version, "EKSCluster", "eksclusters", true);
        ImpactEvaluator impact =
                new ImpactEvaluator(program("object.spec.parameters.nodes.count <= 3"), List.of(match), List.of());

        ImpactReport report = impact.assess(FLEET);

        assertThat(report.objects()).hasSize(matched ? 1 : 0);
        assertThat(report.blockedCount()).isEqualTo(matched ? 1 : 0);
    }

    @Test
    @DisplayName("the namespace object comes from the objects given, or is a bare one with its name label")
    void namespaceObject() {
        Map<String, Object> teamA = json("{'apiVersion': 'v1', 'kind': 'Namespace', 'metadata': {'name': 'team-a',"
                + " 'labels': {'kubernetes.io/metadata.name': 'team-a', 'tier': 'prod'}}}");
        CelPolicyProgram p = program(
                "!has(namespaceObject.metadata.labels.tier)"
                        + " || namespaceObject.metadata.labels.tier != 'prod' || object.metadata.name != 'web'",
                "namespaceObject.metadata.labels['kubernetes.io/metadata.name'] == object.metadata.namespace");
        List<Map<String, Object>> objects =
                List.of(teamA, pod("team-a", "web", "x", null), pod("team-b", "web", "x", null));

        ImpactReport report = new ImpactEvaluator(p, List.of(PODS), List.of()).assess(objects);

        assertThat(report.objects())
                .extracting(ObjectImpact::namespace, ObjectImpact::blocked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("team-a", true),
                        org.assertj.core.groups.Tuple.tuple("team-b", false));
    }

    @Test
    @DisplayName("exclusions skip a Namespace object by its own name and never other cluster-scoped objects")
    void exclusionsOnClusterScopedObjects() {
        ResourceMatch namespaces = new ResourceMatch("", "v1", "Namespace", "namespaces", false);
        ResourceMatch nodes = new ResourceMatch("", "v1", "Node", "nodes", false);
        CelPolicyProgram p = program("has(object.metadata.labels)");
        List<Map<String, Object>> objects = List.of(
                json("{'apiVersion': 'v1', 'kind': 'Namespace', 'metadata': {'name': 'kube-system'}}"),
                json("{'apiVersion': 'v1', 'kind': 'Namespace', 'metadata': {'name': 'team-a'}}"),
                json("{'apiVersion': 'v1', 'kind': 'Node', 'metadata': {'name': 'kube-system'}}"));

        ImpactReport report =
                new ImpactEvaluator(p, List.of(namespaces, nodes), List.of("kube-system")).assess(objects);

        assertThat(report.objects())
                .extracting(ObjectImpact::label, ObjectImpact::namespace)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Namespace/team-a", ""),
                        org.assertj.core.groups.Tuple.tuple("Node/kube-system", ""));
        assertThat(report.byNamespace())
                .containsExactly(new NamespaceImpact("", 2, List.of("Namespace/team-a", "Node/kube-system")));
    }

    @Test
    @DisplayName(
            "an object the policy cannot evaluate counts as refused (failurePolicy Fail), with the API server's words")
    void errorsBlock() {
        CelPolicyProgram p = program("object.spec.containers.all(c, c.securityContext.privileged == false)");

        ImpactReport report =
                new ImpactEvaluator(p, List.of(PODS), List.of()).assess(List.of(pod("team-a", "web", "x", null)));

        ObjectImpact only = report.objects().get(0);
        assertThat(only.blocked()).isTrue();
        assertThat(only.verdict().deniedIgnoringErrors()).isFalse();
        assertThat(only.message()).endsWith("resulted in error: no such key: securityContext");
    }

    @Test
    @DisplayName("request carries the matched resource, name and namespace")
    void requestCarriesResource() {
        CelPolicyProgram p = program("request.resource.resource == 'eksclusters' && request.name == 'big'"
                + " && request.namespace == 'team-a' && request.kind.group == 'backstack.dev'");

        ImpactReport report = new ImpactEvaluator(p, List.of(CLAIMS), List.of()).assess(FLEET);

        assertThat(report.objects())
                .singleElement()
                .extracting(ObjectImpact::blocked)
                .isEqualTo(false);
    }

    @Test
    @DisplayName("objects prepared once serve several policies with the same answers as unprepared ones")
    void preparedObjectsServeSeveralPolicies() {
        PreparedObjects prepared = PreparedObjects.of(FLEET);
        ImpactEvaluator privileged = new ImpactEvaluator(program(NO_PRIVILEGED), List.of(PODS), List.of());
        ImpactEvaluator nodes =
                new ImpactEvaluator(program("object.spec.parameters.nodes.count <= 3"), List.of(CLAIMS), List.of());

        assertThat(privileged.assess(prepared)).isEqualTo(privileged.assess(FLEET));
        assertThat(nodes.assess(prepared)).isEqualTo(nodes.assess(FLEET));
        assertThat(prepared.size()).isEqualTo(FLEET.size());
    }
}
