package dev.backstack.panel.app.it.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.app.it.Crds;
import dev.backstack.panel.app.it.RealApiServer;
import dev.backstack.panel.installer.policy.cel.CelCompileException;
import dev.backstack.panel.installer.policy.cel.CelPolicyProgram;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.backstack.panel.model.policy.ResourceMatch;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy preview against the truth: hand-written rules installed as ValidatingAdmissionPolicies
 * on a real API server of its own (Deny bindings on pods would disturb the other tests), each
 * sample tried with a dry-run create, the preview's prediction compared. The catalog's entries go
 * through {@link AdmissionTruth#score(dev.backstack.panel.model.policy.PolicyEntry, Map)} the same way.
 */
class AdmissionTruthIT {

    static final ResourceMatch PODS = new ResourceMatch("", "v1", "Pod", "pods", true);
    static final ResourceMatch EKS = new ResourceMatch("backstack.dev", "v1alpha1", "EKSCluster", "eksclusters", true);
    static final String EXCLUDED = "truth-excluded";
    static final String PROD = "truth-prod";
    static final String NO_PRIVILEGED = "object.spec.containers.all(c, !has(c.securityContext)"
            + " || !has(c.securityContext.privileged) || c.securityContext.privileged == false)";

    private static RealApiServer server;
    private static AdmissionTruth truth;

    @BeforeAll
    static void start() throws Exception {
        server = RealApiServer.fresh();
        KubernetesClient admin = server.admin();
        Crds.register(admin, ClaimCrds.claimOf(admin, "apis/cluster/eks/definition.yaml"));
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(PROD).addToLabels("tier", "prod")
                .endMetadata().build()).serverSideApply();
        truth = new AdmissionTruth(admin);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("no privileged containers", new TruthPolicy("no-privileged", List.of(PODS), List.of(),
                        List.of(new CelValidation(NO_PRIVILEGED, "privileged containers are not allowed")), List.of(EXCLUDED)),
                        List.of(TruthSample.passing(pod(null, "plain", "nginx:1.27", null)),
                                TruthSample.passing(pod(null, "unprivileged", "nginx:1.27", false)),
                                TruthSample.failing(pod(null, "privileged", "nginx:1.27", true)),
                                TruthSample.failing(twoContainers("sidecar-privileged")),
                                TruthSample.passing(pod(EXCLUDED, "privileged", "nginx:1.27", true)))),
                Arguments.of("no :latest images (variables)", new TruthPolicy("no-latest", List.of(PODS),
                        List.of(new CelVariable("containers", "object.spec.containers"),
                                new CelVariable("images", "variables.containers.map(c, c.image)")),
                        List.of(new CelValidation("variables.images.all(i, !i.endsWith(':latest'))",
                                "images must not use the :latest tag")), List.of()),
                        List.of(TruthSample.passing(pod(null, "pinned", "nginx:1.27", null)),
                                TruthSample.failing(pod(null, "latest", "nginx:latest", null)))),
                Arguments.of("EKS claim: at most 3 nodes of an allowed type", new TruthPolicy("eks-nodes", List.of(EKS),
                        List.of(), List.of(new CelValidation("object.spec.parameters.nodes.count <= 3", "at most 3 nodes"),
                                new CelValidation("object.spec.parameters.nodes.instanceType in ['t3.small', 't3.medium']",
                                        "instance type must be t3.small or t3.medium")), List.of()),
                        List.of(TruthSample.passing(claim("small", 2, "t3.small")),
                                TruthSample.passing(claim("three", 3, "t3.medium")),
                                TruthSample.failing(claim("big", 5, "t3.small")),
                                TruthSample.failing(claim("wide", 1, "m5.24xlarge")),
                                TruthSample.failing(claim("both", 9, "m5.large")))),
                Arguments.of("an evaluation error refuses under failurePolicy Fail", new TruthPolicy("no-has", List.of(PODS),
                        List.of(), List.of(new CelValidation("object.spec.containers.all(c, c.securityContext.privileged"
                                + " == false)", "containers must say privileged: false")), List.of()),
                        List.of(TruthSample.passing(pod(null, "said", "nginx:1.27", false)),
                                TruthSample.failing(pod(null, "unsaid", "nginx:1.27", null)))),
                Arguments.of("fields the API server defaults (imagePullPolicy)", new TruthPolicy("pull-always",
                        List.of(PODS), List.of(), List.of(new CelValidation("object.spec.containers.all(c,"
                                + " c.imagePullPolicy == 'Always')", "images must be pulled always")), List.of()),
                        List.of(TruthSample.passing(pod(null, "latest", "nginx:latest", null)),
                                TruthSample.failing(pod(null, "pinned", "nginx:1.27", null)),
                                TruthSample.passing(object("v1", "Pod", null, "explicit", Map.of("containers", List.of(
                                        Map.of("name", "app", "image", "nginx:1.27", "imagePullPolicy", "Always"))))))),
                Arguments.of("the namespace's labels (namespaceObject)", new TruthPolicy("prod-registry", List.of(PODS),
                        List.of(), List.of(new CelValidation("!has(namespaceObject.metadata.labels)"
                                + " || namespaceObject.metadata.labels.?tier.orValue('') != 'prod'"
                                + " || object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
                                "prod namespaces take images from registry.example.com only")), List.of()),
                        List.of(TruthSample.passing(pod(null, "anywhere", "nginx:1.27", null)),
                                TruthSample.passing(pod(PROD, "ours", "registry.example.com/web:1", null)),
                                TruthSample.failing(pod(PROD, "theirs", "nginx:1.27", null)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    @DisplayName("the preview predicts exactly the samples the API server refuses, with its message")
    void previewMatchesAdmission(String title, TruthPolicy policy, List<TruthSample> samples) throws Exception {
        TruthScore score = truth.score(policy, samples);

        assertThat(score.exact()).as("%s", score).isTrue();
        assertThat(score.unexpected()).as("%s", score).isEmpty();
        assertThat(score.predictedAndRejected()).as("%s", score).isNotEmpty();
        assertThat(score.admittedAndNotPredicted()).as("%s", score).isNotEmpty();
    }

    @Test
    @DisplayName("a wrong prediction shows in the score: the harness can fail")
    void wrongPredictionIsCaught() throws Exception {
        TruthPolicy policy = new TruthPolicy("wrong-prediction", List.of(PODS), List.of(),
                List.of(new CelValidation(NO_PRIVILEGED, "privileged containers are not allowed")), List.of());
        CelPolicyProgram lenient = CelPolicyProgram.compile(List.of(),
                List.of(new CelValidation("object.metadata.name != 'unprivileged'", "wrong")));

        TruthScore score = truth.score(policy, List.of(TruthSample.failing(pod(null, "privileged", "nginx:1.27", true)),
                TruthSample.passing(pod(null, "unprivileged", "nginx:1.27", false))), lenient);

        assertThat(score.exact()).isFalse();
        assertThat(score.rejectedNotPredicted()).extracting(SampleResult::label)
                .containsExactly("Pod " + AdmissionTruth.SAMPLE_NAMESPACE + "/privileged");
        assertThat(score.predictedNotRejected()).extracting(SampleResult::label)
                .containsExactly("Pod " + AdmissionTruth.SAMPLE_NAMESPACE + "/unprivileged");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "object.metadata.name",
        "object.metadata.name.matches('[')",
        "2.0 == 2",
        "'abc'.reverse() == 'cba'",
        "cel.bind(x, 1, x == 1)",
        "object.spec.containers.all(c, c.image.startsWith('a') &&)",
        "variables.later == 1",
    })
    @DisplayName("what the panel refuses to compile, the API server refuses to create as a policy")
    void compileErrorsAgree(String expression) {
        TruthPolicy policy = new TruthPolicy("compile", List.of(PODS), List.of(),
                List.of(new CelValidation(expression, "m")), List.of());

        assertThatThrownBy(() -> CelPolicyProgram.compile(policy.variables(), policy.validations()))
                .isInstanceOf(CelCompileException.class);
        assertThatThrownBy(() -> PolicyObjects.install(server.admin(), policy))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[1, 2].isSorted() && [1, 2].sum() == 3 && [1, 2].min() == 1 && [1, 2].indexOf(2) == 1",
        "'abc'.find('b') == 'b' && 'abc'.findAll('b').size() == 1",
        "quantity('1Gi').isGreaterThan(quantity('1Mi')) && isQuantity('1Gi')",
        "url('https://x.example').getHost() == 'x.example'",
        "ip('10.0.0.1').family() == 4 && cidr('10.0.0.0/8').containsIP(ip('10.0.0.1'))",
        "'%s'.format(['x']) == 'x'",
        "format.dns1123Label().validate('a').hasValue() == false",
        "isSemver('1.2.3')",
        "authorizer.group('').resource('pods').check('get').allowed() || true",
    })
    @DisplayName("the Kubernetes CEL the panel lacks (listed in CelPolicyProgram): the API server takes it, the panel refuses it")
    void knownGaps(String expression) {
        TruthPolicy policy = new TruthPolicy("gap", List.of(PODS), List.of(), List.of(new CelValidation(expression, "m")),
                List.of());

        assertThatThrownBy(() -> CelPolicyProgram.compile(policy.variables(), policy.validations()))
                .isInstanceOf(CelCompileException.class);
        try {
            PolicyObjects.install(server.admin(), policy);
        } finally {
            PolicyObjects.uninstall(server.admin(), policy);
        }
    }

    static Map<String, Object> pod(String ns, String name, String image, Boolean privileged) {
        Map<String, Object> container = privileged == null ? Map.of("name", "app", "image", image)
                : Map.of("name", "app", "image", image, "securityContext", Map.of("privileged", privileged));
        return object("v1", "Pod", ns, name, Map.of("containers", List.of(container)));
    }

    static Map<String, Object> twoContainers(String name) {
        return object("v1", "Pod", null, name, Map.of("containers", List.of(Map.of("name", "app", "image", "nginx:1.27"),
                Map.of("name", "sidecar", "image", "envoy:1.31", "securityContext", Map.of("privileged", true)))));
    }

    static Map<String, Object> claim(String name, int count, String instanceType) {
        return object("backstack.dev/v1alpha1", "EKSCluster", null, name, Map.of("parameters", Map.of("id", name,
                "region", "eu-west-1", "nodes", Map.of("count", count, "instanceType", instanceType))));
    }

    private static Map<String, Object> object(String apiVersion, String kind, String ns, String name, Map<String, Object> spec) {
        Map<String, Object> metadata = ns == null ? Map.of("name", name) : Map.of("name", name, "namespace", ns);
        return Map.of("apiVersion", apiVersion, "kind", kind, "metadata", metadata, "spec", spec);
    }
}
