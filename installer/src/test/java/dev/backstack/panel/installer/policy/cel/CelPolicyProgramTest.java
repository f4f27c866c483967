package dev.backstack.panel.installer.policy.cel;

import static dev.backstack.panel.installer.policy.cel.CelSamples.NO_PRIVILEGED;
import static dev.backstack.panel.installer.policy.cel.CelSamples.claim;
import static dev.backstack.panel.installer.policy.cel.CelSamples.json;
import static dev.backstack.panel.installer.policy.cel.CelSamples.pod;
import static dev.backstack.panel.installer.policy.cel.CelSamples.program;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.policy.cel.CelVerdict.Outcome;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CelPolicyProgramTest {

    private static final Map<String, Object> NS = json(
            "{'apiVersion': 'v1', 'kind': 'Namespace'," + " 'metadata': {'name': 'team-a', 'labels': {'team': 'a'}}}");

    @ParameterizedTest(name = "container privileged={0} -> {1}")
    @CsvSource(
            nullValues = "none",
            value = {"true, FAIL", "false, PASS", "none, PASS"})
    @DisplayName("the no-privileged rule refuses a pod with a privileged container")
    void refusesPrivilegedContainers(Boolean privileged, Outcome expected) {
        CelVerdict verdict = program(NO_PRIVILEGED).evaluate(pod("team-a", "p", "nginx:1.27", privileged), NS);

        assertThat(verdict.outcome()).isEqualTo(expected);
        assertThat(verdict.messages()).hasSize(expected == Outcome.FAIL ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "has(object.spec.hostNetwork)                    ; {'spec': {}}                        ; false",
                "has(object.spec.hostNetwork)                    ; {'spec': {'hostNetwork': false}}    ; true",
                "!has(object.spec.a) || !has(object.spec.a.b)    ; {'spec': {}}                        ; true",
                "has(object.spec.a) && object.spec.a.b == 1      ; {'spec': {}}                        ; false",
                "has(object.metadata.labels) && 'x' in object.metadata.labels ; {'metadata': {}}       ; false",
                "object.?spec.?a.?b.orValue(0) == 0              ; {'spec': {}}                        ; true",
                "object.?spec.?a.hasValue()                      ; {'spec': {'a': 1}}                  ; true",
            })
    @DisplayName("has() and optional selection answer for missing fields instead of failing")
    void hasOnMissingFields(String expression, String object, boolean holds) {
        assertThat(program(expression).evaluate(json(object), null).outcome())
                .isEqualTo(holds ? Outcome.PASS : Outcome.FAIL);
    }

    @ParameterizedTest(name = "nodes {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{'count': 1, 'instanceType': 't3.small'}    | PASS",
                "{'count': 3, 'instanceType': 't3.small'}    | PASS",
                "{'count': 3.0, 'instanceType': 't3.small'}  | PASS",
                "{'count': 4, 'instanceType': 't3.small'}    | FAIL",
                "{'count': 2.5, 'instanceType': 't3.small'}  | PASS",
                "{'count': 3.5, 'instanceType': 't3.small'}  | FAIL",
            })
    @DisplayName("whole JSON numbers compare as CEL int: a claim's node count limit")
    void comparesIntegersOnClaims(String nodes, Outcome expected) {
        CelVerdict verdict =
                program("object.spec.parameters.nodes.count <= 3").evaluate(claim("team-a", "c", nodes), NS);

        assertThat(verdict.outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"t3.small, PASS", "t3.medium, PASS", "m5.24xlarge, FAIL", "T3.SMALL, FAIL"})
    @DisplayName("list membership: the claim's instance type is one of the allowed ones")
    void listMembership(String instanceType, Outcome expected) {
        CelPolicyProgram p = program("object.spec.parameters.nodes.instanceType in ['t3.small', 't3.medium']");

        assertThat(p.evaluate(claim("team-a", "c", "{'count': 1, 'instanceType': '" + instanceType + "'}"), NS)
                        .outcome())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "registry.example.com/app:1.0, PASS",
        "docker.io/library/nginx:1.27, FAIL",
        "registry.example.com.evil.io/app:1, FAIL"
    })
    @DisplayName("string prefix: images come from the allowed registry")
    void stringPrefix(String image, Outcome expected) {
        CelPolicyProgram p = program("object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))");

        assertThat(p.evaluate(pod("team-a", "p", image, null), NS).outcome()).isEqualTo(expected);
    }

    @Test
    @DisplayName("a validation that cannot be evaluated is an ERROR, told apart from a FAIL")
    void errorIsNotFail() {
        CelPolicyProgram p = program("object.spec.containers.all(c, c.securityContext.privileged == false)");

        CelVerdict verdict = p.evaluate(pod("team-a", "p", "nginx:1.27", null), NS);

        assertThat(verdict.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.error()).contains("no such key: securityContext");
        assertThat(verdict.messages()).isEmpty();
        assertThat(verdict.denied()).isTrue();
        assertThat(verdict.deniedIgnoringErrors()).isFalse();
        assertThat(verdict.firstViolation().orElseThrow().admissionText())
                .isEqualTo("expression '" + p.validations().get(0).expression()
                        + "' resulted in error: no such key: securityContext");
    }

    @Test
    @DisplayName("every validation is evaluated: a false one makes it FAIL even when another errors, messages in order")
    void failWinsOverErrorAndKeepsOrder() {
        CelPolicyProgram p = program("object.spec.missing == 1", "1 == 2", "object.spec.containers.size() == 0");

        CelVerdict verdict = p.evaluate(pod("team-a", "p", "nginx:1.27", null), NS);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.messages()).containsExactly("denied: 1 == 2", "denied: object.spec.containers.size() == 0");
        assertThat(verdict.error()).contains("no such key: missing");
        assertThat(verdict.firstViolation().orElseThrow().index()).isZero();
    }

    @Test
    @DisplayName("a validation without a message fails with the expression, as Kubernetes says")
    void defaultMessage() throws Exception {
        CelPolicyProgram p = CelPolicyProgram.compile(List.of(), List.of(new CelValidation("1 > 2", "")));

        assertThat(p.evaluate(Map.of(), null).messages()).containsExactly("failed expression: 1 > 2");
    }

    @Test
    @DisplayName("variables are read in order, each from the ones before it")
    void variablesInOrder() {
        CelPolicyProgram p = program(
                List.of(
                        new CelVariable("containers", "object.spec.containers"),
                        new CelVariable("images", "variables.containers.map(c, c.image)"),
                        new CelVariable("latest", "variables.images.filter(i, i.endsWith(':latest'))")),
                "size(variables.latest) == 0");

        assertThat(p.evaluate(pod("team-a", "p", "nginx:1.27", null), NS).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(p.evaluate(pod("team-a", "p", "nginx:latest", null), NS).outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    @DisplayName("a variable cannot read a later one")
    void variableCannotReadLaterOne() {
        assertThatThrownBy(() -> CelPolicyProgram.compile(
                        List.of(new CelVariable("a", "variables.b + 1"), new CelVariable("b", "1")),
                        List.of(new CelValidation("variables.a > 0", "m"))))
                .isInstanceOf(CelCompileException.class)
                .hasMessageContaining("variable a")
                .hasMessageContaining("variables.b + 1");
    }

    @Test
    @DisplayName("a failing variable fails only the validations that read it, lazily as in Kubernetes")
    void variablesAreLazy() {
        CelPolicyProgram p = program(
                List.of(new CelVariable("sc", "object.spec.securityContext.runAsNonRoot")),
                "!has(object.spec.securityContext) || variables.sc",
                "object.metadata.name != ''");

        assertThat(p.evaluate(pod("team-a", "p", "nginx:1.27", null), NS).outcome())
                .isEqualTo(Outcome.PASS);

        CelPolicyProgram reads = program(
                List.of(new CelVariable("sc", "object.spec.securityContext.runAsNonRoot")), "variables.sc == true");
        assertThat(reads.evaluate(pod("team-a", "p", "nginx:1.27", null), NS).error())
                .contains("no such key: securityContext");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "object.metadata.name.lowerAscii() == 'web'",
                "object.metadata.name.upperAscii() == 'WEB'",
                "object.spec.containers[0].image.split(':')[1] == '1.27'",
                "object.spec.containers.map(c, c.name).join(',') == 'app'",
                "object.spec.containers[0].image.indexOf(':') == 5",
                "object.spec.containers[0].image.replace('nginx', 'httpd') == 'httpd:1.27'",
                "object.spec.containers[0].image.substring(0, 5) == 'nginx'",
                "'  x '.trim() == 'x'",
                "object.metadata.name.matches('^[a-z]+$')",
                "object.spec.containers[0].image.endsWith(':1.27')",
                "object.spec.containers[0].image.contains('gin')",
                "size(object.spec.containers) == 1 && object.spec.containers.size() == 1",
                "object.spec.containers.exists_one(c, c.name == 'app')",
                "object.spec.containers.exists(c, c.name == 'app')",
                "sets.contains(['a', 'b'], ['a'])",
                "object.metadata.namespace in ['team-a']",
                "namespaceObject.metadata.labels.team == 'a'",
                "request.operation == 'CREATE' && request.kind.kind == 'Pod' && request.namespace == 'team-a'",
                "oldObject == null",
                "object.spec.containers.all(i, c, i == 0 && c.name == 'app')",
                "1 < 1.5 && 2u > 1 && dyn(3) == 3.0",
            })
    @DisplayName("the Kubernetes CEL that cel-java has")
    void kubernetesCelAvailable(String expression) {
        CelVerdict verdict = program(expression).evaluate(pod("team-a", "web", "nginx:1.27", null), NS);

        assertThat(verdict.outcome()).as("%s", verdict).isEqualTo(Outcome.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[1, 2].isSorted()",
                "[1, 2].sum() == 3",
                "'abc'.find('b') == 'b'",
                "quantity('1Gi').isGreaterThan(quantity('1Mi'))",
                "url('https://x').getHost() == 'x'",
                "ip('10.0.0.1').family() == 4",
                "'%s'.format(['x']) == 'x'",
                "'abc'.reverse() == 'cba'",
                "cel.bind(x, 1, x == 1)",
            })
    @DisplayName("Kubernetes CEL that cel-java lacks (or Kubernetes lacks) is a compile error, not a wrong answer")
    void unavailableFunctionsDoNotCompile(String expression) {
        assertThatThrownBy(() -> CelPolicyProgram.compile(List.of(), List.of(new CelValidation(expression, "m"))))
                .isInstanceOf(CelCompileException.class);
    }

    @Test
    @DisplayName("a compile error names the expression, where it is in the policy and the position")
    void compileErrorNamesExpression() {
        String bad = "object.spec.containers.all(c, c.image.startsWith('a') &&)";

        assertThatThrownBy(() -> CelPolicyProgram.compile(
                        List.of(new CelVariable("ok", "1")),
                        List.of(new CelValidation("true", "m"), new CelValidation(bad, "m"))))
                .isInstanceOfSatisfying(CelCompileException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("validation 2")
                            .contains(bad)
                            .contains("line 1, column 57");
                    assertThat(e.expression()).isEqualTo(bad);
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(57);
                    assertThat(e.display()).contains("^");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "object.metadata.name.matches('[')    | Regex validation failed",
                "2.0 == 2                             | found no matching overload",
                "object.spec + 1 == 'x' && [1, 'a'] == []   | ",
                "'a' + 1                              | found no matching overload",
                "object.metadata.name                 | must evaluate to bool",
            })
    @DisplayName("compile-time checks: regex literals, literal lists of one type, types of constants, bool results")
    void compileTimeChecks(String expression, String reason) {
        assertThatThrownBy(() -> CelPolicyProgram.compile(List.of(), List.of(new CelValidation(expression, "m"))))
                .isInstanceOf(CelCompileException.class)
                .hasMessageContaining(reason == null ? "" : reason);
    }

    @Test
    @DisplayName("one compiled program is evaluated by several threads at once")
    void threadSafe() throws Exception {
        CelPolicyProgram p = program(
                List.of(new CelVariable("images", "object.spec.containers.map(c, c.image)")),
                "variables.images.all(i, !i.endsWith(':latest'))");
        List<Map<String, Object>> pods = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> pod("team-a", "p" + i, i % 2 == 0 ? "nginx:latest" : "nginx:1.27", null))
                .toList();

        long refused =
                pods.parallelStream().filter(o -> p.evaluate(o, NS).denied()).count();

        assertThat(refused).isEqualTo(1000);
    }
}
