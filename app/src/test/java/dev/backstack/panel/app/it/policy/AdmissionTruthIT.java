package dev.backstack.panel.app.it.policy;

import static dev.backstack.panel.app.it.policy.HandWrittenRules.NO_PRIVILEGED;
import static dev.backstack.panel.app.it.policy.HandWrittenRules.PODS;
import static dev.backstack.panel.app.it.policy.HandWrittenRules.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.app.it.Crds;
import dev.backstack.panel.app.it.RealApiServer;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.cel.CelCompileException;
import dev.backstack.panel.installer.policy.cel.CelPolicyProgram;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.PolicyEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy preview against the truth: hand-written rules installed as ValidatingAdmissionPolicies
 * on a real API server of its own (Deny bindings on pods would disturb the other tests), each
 * sample tried with a dry-run create, the preview's prediction compared. The catalog's entries go
 * through {@link AdmissionTruth#score(dev.backstack.panel.model.policy.PolicyEntry, Map)} the same way.
 */
class AdmissionTruthIT {

    private static RealApiServer server;
    private static AdmissionTruth truth;

    @BeforeAll
    static void start() throws Exception {
        server = RealApiServer.fresh();
        KubernetesClient admin = server.admin();
        Crds.register(admin, ClaimCrds.claimOf(admin, "apis/cluster/eks/definition.yaml"));
        Crds.register(admin, ClaimCrds.claimOf(admin, "apis/cluster/aks/definition.yaml"));
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(HandWrittenRules.PROD)
                        .addToLabels("tier", "prod")
                        .endMetadata()
                        .build())
                .serverSideApply();
        truth = new AdmissionTruth(admin);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backstack.panel.app.it.policy.HandWrittenRules#all")
    @DisplayName("the preview predicts exactly the samples the API server refuses, with its message")
    void previewMatchesAdmission(String title, TruthPolicy policy, List<TruthSample> samples) throws Exception {
        TruthScore score = truth.score(policy, samples);

        assertThat(score.exact()).as("%s", score).isTrue();
        assertThat(score.unexpected()).as("%s", score).isEmpty();
        assertThat(score.predictedAndRejected()).as("%s", score).isNotEmpty();
        assertThat(score.admittedAndNotPredicted()).as("%s", score).isNotEmpty();
    }

    static List<PolicyEntry> catalog() {
        return PolicyCatalog.load().entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    @DisplayName(
            "every catalog entry, with its defaults: the preview predicts exactly the samples the API server refuses")
    void catalogMatchesAdmission(PolicyEntry entry) throws Exception {
        TruthScore score = truth.score(entry, entry.defaults());

        assertThat(score.exact()).as("%s", score).isTrue();
        assertThat(score.unexpected()).as("%s", score).isEmpty();
        assertThat(score.predictedAndRejected())
                .as("%s", score)
                .hasSize(entry.failing().size());
        assertThat(score.admittedAndNotPredicted())
                .as("%s", score)
                .hasSize(entry.passing().size());
    }

    @Test
    @DisplayName("a wrong prediction shows in the score: the harness can fail")
    void wrongPredictionIsCaught() throws Exception {
        TruthPolicy policy = new TruthPolicy(
                "wrong-prediction",
                List.of(PODS),
                List.of(),
                List.of(new CelValidation(NO_PRIVILEGED, "privileged containers are not allowed")),
                List.of());
        CelPolicyProgram lenient = CelPolicyProgram.compile(
                List.of(), List.of(new CelValidation("object.metadata.name != 'unprivileged'", "wrong")));

        TruthScore score = truth.score(
                policy,
                List.of(
                        TruthSample.failing(pod(null, "privileged", "nginx:1.27", true)),
                        TruthSample.passing(pod(null, "unprivileged", "nginx:1.27", false))),
                lenient);

        assertThat(score.exact()).isFalse();
        assertThat(score.rejectedNotPredicted())
                .extracting(SampleResult::label)
                .containsExactly("Pod " + AdmissionTruth.SAMPLE_NAMESPACE + "/privileged");
        assertThat(score.predictedNotRejected())
                .extracting(SampleResult::label)
                .containsExactly("Pod " + AdmissionTruth.SAMPLE_NAMESPACE + "/unprivileged");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
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
        TruthPolicy policy = new TruthPolicy(
                "compile", List.of(PODS), List.of(), List.of(new CelValidation(expression, "m")), List.of());

        assertThatThrownBy(() -> CelPolicyProgram.compile(policy.variables(), policy.validations()))
                .isInstanceOf(CelCompileException.class);
        assertThatThrownBy(() -> PolicyObjects.install(server.admin(), policy))
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(422));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
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
    @DisplayName(
            "the Kubernetes CEL the panel lacks (listed in CelPolicyProgram): the API server takes it, the panel refuses it")
    void knownGaps(String expression) {
        TruthPolicy policy = new TruthPolicy(
                "gap", List.of(PODS), List.of(), List.of(new CelValidation(expression, "m")), List.of());

        assertThatThrownBy(() -> CelPolicyProgram.compile(policy.variables(), policy.validations()))
                .isInstanceOf(CelCompileException.class);
        try {
            PolicyObjects.install(server.admin(), policy);
        } finally {
            PolicyObjects.uninstall(server.admin(), policy);
        }
    }
}
