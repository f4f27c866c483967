package dev.backstack.panel.model.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest.GitOpsChoice;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceRequestTest {

    private static final NamespaceRequest OK = NamespaceRequest.of("spoke-1", "team-a-dev", "team-a");

    @Test
    @DisplayName("the defaults make a valid request, not isolated, with no policies")
    void defaultsAreValid() {
        assertThat(OK.problems()).isEmpty();
        assertThat(OK.isolate()).isFalse();
        assertThat(OK.ingressNamespace()).isEqualTo("ingress-nginx");
        assertThat(OK.viaGitOps()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Team-A", "team_a", "-team", "team-", "a.b", "team a", ""})
    @DisplayName("a namespace name must be a DNS-1123 label")
    void refusesNamesThatAreNotDnsLabels(String name) {
        assertThat(NamespaceRequest.of("spoke-1", name, "team-a").problems())
                .singleElement()
                .asString()
                .startsWith("Namespace name: ");
    }

    @Test
    @DisplayName("a name longer than 63 characters is refused, 63 is accepted")
    void nameLength() {
        assertThat(NamespaceRequest.nameProblem("a".repeat(63))).isEmpty();
        assertThat(NamespaceRequest.nameProblem("a".repeat(64)))
                .get()
                .asString()
                .contains("at most 63");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "kube-system", "kube-public", "kube-node-lease", "kube-anything"})
    @DisplayName("Kubernetes' own namespaces are reserved")
    void reservedNames(String name) {
        assertThat(NamespaceRequest.nameProblem(name))
                .contains("Namespace name: " + name + " is reserved for Kubernetes itself; choose another name");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "team a",
                "oidc:team-a",
                "-team",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    @DisplayName("the team group becomes a label value, so it follows their rules")
    void teamMustBeALabelValue(String team) {
        assertThat(NamespaceRequest.teamProblem(team))
                .get()
                .asString()
                .startsWith("Team group: \"")
                .contains("cannot be a label value");
        assertThat(NamespaceRequest.teamProblem("")).contains("Team group: required");
        assertThat(NamespaceRequest.teamProblem("Team_A.platform")).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1}/{2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "4    | 8Gi  | 20  | ",
                "2500m| 1.5Gi| 1   | ",
                "four | 8Gi  | 20  | CPU quota: \"four\" is not a Kubernetes quantity",
                "4    | 8GB  | 20  | Memory quota: \"8GB\" is not a Kubernetes quantity",
                "0    | 8Gi  | 20  | CPU quota: must be more than zero, not 0",
                "4    | 8Gi  | 2.5 | Pods quota: must be a whole number of pods (such as 20), not 2.5",
                "4    | 8Gi  | 1k  | Pods quota: must be a whole number of pods (such as 20), not 1k",
                "4    | 8Gi  | 0   | Pods quota: must be more than zero, not 0",
            })
    @DisplayName("quota quantities are read as Kubernetes quantities")
    void quota(String cpu, String memory, String pods, String problem) {
        List<String> problems = new NamespaceQuota(cpu, memory, pods).problems();
        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().asString().startsWith(problem);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "100m | 128Mi | 500m | 512Mi | ",
                "1    | 1Gi   | 1000m| 1024Mi| ",
                "600m | 128Mi | 500m | 512Mi | Default CPU request (600m) is more than the default CPU limit (500m): a container's request cannot exceed its limit",
                "100m | 1Gi   | 500m | 512Mi | Default memory request (1Gi) is more than the default memory limit (512Mi): a container's request cannot exceed its limit",
                "100m | 128Mi | 5    | 512Mi | Default CPU limit (5) is more than the CPU quota (4): a pod with the defaults could never start",
                "100m | 128Mi | 500m | 9Gi   | Default memory limit (9Gi) is more than the memory quota (8Gi): a pod with the defaults could never start",
                "lots | 128Mi | 500m | 512Mi | Default CPU request: \"lots\" is not a Kubernetes quantity",
            })
    @DisplayName("container defaults: requests within limits, limits within the quota")
    void defaults(String reqCpu, String reqMem, String limCpu, String limMem, String problem) {
        List<String> problems = new ContainerDefaults(reqCpu, reqMem, limCpu, limMem).problems(NamespaceQuota.DEFAULT);
        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().asString().startsWith(problem);
        }
    }

    @Test
    @DisplayName("every problem is reported at once, in the order of the wizard's pages")
    void everyProblemAtOnce() {
        NamespaceRequest r = new NamespaceRequest(
                "",
                "Bad",
                "",
                new NamespaceQuota("x", "8Gi", "20"),
                ContainerDefaults.DEFAULT,
                true,
                "Ingress",
                List.of(
                        new TeamPolicy("require-probes", PolicyMode.AUDIT),
                        new TeamPolicy("require-probes", PolicyMode.ENFORCE)),
                new GitOpsChoice("", "main", "b"));
        assertThat(r.problems())
                .extracting(p -> p.contains(":") ? p.substring(0, p.indexOf(':')) : p)
                .containsExactly(
                        "Spoke",
                        "Namespace name",
                        "Team group",
                        "CPU quota",
                        "Ingress namespace",
                        "Policies",
                        "GitOps delivery needs the repository, its base branch and a new branch name");
    }

    @Test
    @DisplayName("the ingress namespace is only checked when the namespace is isolated")
    void ingressOnlyWhenIsolated() {
        assertThat(OK.withIsolation(false, "").problems()).isEmpty();
        assertThat(OK.withIsolation(true, "").problems()).containsExactly("Ingress namespace: required");
    }

    @Test
    @DisplayName("the request is immutable: changing a copy leaves the original alone")
    void immutable() {
        NamespaceRequest audited = OK.withPolicies(List.of(new TeamPolicy("require-probes", PolicyMode.AUDIT)));
        assertThat(OK.policies()).isEmpty();
        assertThat(audited.policies()).hasSize(1);
        assertThat(audited.withGitOps(new GitOpsChoice("https://x/y", "main", "b"))
                        .viaGitOps())
                .isTrue();
    }
}
