package dev.backstack.panel.views.policy;

import static dev.backstack.panel.views.policy.ScriptedPolicyBackend.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parameters page's view-model, without a stage. */
class ParametersViewModelTest {

    private final ParametersViewModel vm = new ParametersViewModel();

    private PolicyForm form(String id) {
        return vm.chosen().stream()
                .filter(f -> f.entry().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static PolicyForm.Field field(PolicyForm form, String name) {
        return form.fields().stream()
                .filter(f -> f.parameter().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("a form per chosen policy, in the order chosen, the first selected; defaults filled in; valid")
    void formsForTheChosenPolicies() {
        vm.choose(List.of(entry("limit-cluster-node-count"), entry("restrict-image-registries")));

        assertThat(vm.chosen())
                .extracting(f -> f.entry().id())
                .containsExactly("limit-cluster-node-count", "restrict-image-registries");
        assertThat(vm.selectedProperty().get()).isSameAs(vm.chosen().get(0));
        assertThat(field(form("limit-cluster-node-count"), "maxNodes").text().get())
                .isEqualTo("3");
        assertThat(field(form("restrict-image-registries"), "registries").text().get())
                .isEqualTo("ghcr.io/, registry.k8s.io/, quay.io/");
        assertThat(form("limit-cluster-node-count").modeProperty().get()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(form("restrict-image-registries").modeProperty().get()).isEqualTo(PolicyMode.AUDIT);
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    @DisplayName(
            "going back, choosing differently and coming again keeps what was typed in each form and the selected form")
    void formsAreKeptWhenGoingBackAndForth() {
        vm.choose(List.of(entry("limit-cluster-node-count"), entry("require-labels")));
        PolicyForm nodes = form("limit-cluster-node-count");
        field(nodes, "maxNodes").text().set("12");
        nodes.modeProperty().set(PolicyMode.AUDIT);
        vm.selectedProperty().set(form("require-labels"));

        vm.choose(List.of(entry("require-labels")));
        assertThat(vm.chosen()).extracting(f -> f.entry().id()).containsExactly("require-labels");
        assertThat(vm.selectedProperty().get().entry().id()).isEqualTo("require-labels");

        vm.choose(List.of(entry("limit-cluster-node-count"), entry("require-labels")));
        assertThat(form("limit-cluster-node-count")).isSameAs(nodes);
        assertThat(field(nodes, "maxNodes").text().get()).isEqualTo("12");
        assertThat(nodes.modeProperty().get()).isEqualTo(PolicyMode.AUDIT);
        assertThat(vm.selectedProperty().get().entry().id()).isEqualTo("require-labels");
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "limit-cluster-node-count  | maxNodes   | 0             | Maximum nodes: 0 is outside 1–100",
                "limit-cluster-node-count  | maxNodes   | many          | Maximum nodes: enter a whole number",
                "restrict-image-registries | registries | ''            | Allowed registries: give at least 1 value",
                "restrict-image-registries | registries | ghcr.io, quay | Allowed registries: \"ghcr.io\" does not match [a-z0-9.-]+(:[0-9]+)?/([a-z0-9._/-]*)?",
                "require-labels            | labels     | team, -bad    | Required labels: \"-bad\" does not match ([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?",
            })
    @DisplayName(
            "an invalid parameter text makes its form and the page invalid, with the parameter's own message; fixing it restores both")
    void invalidParameterTextInvalidatesThePage(String id, String parameter, String text, String message) {
        vm.choose(List.of(entry(id), entry("disallow-latest-tag")));
        PolicyForm.Field f = field(form(id), parameter);

        f.text().set(text);

        assertThat(f.problem().get()).isEqualTo(message);
        assertThat(form(id).validProperty().get()).isFalse();
        assertThat(vm.validProperty().get()).isFalse();

        f.text().set(f.parameter().format(f.parameter().defaultValue()));
        assertThat(f.problem().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    @DisplayName("an invalid form of a policy no longer chosen does not keep the page invalid")
    void droppedPolicyDoesNotCount() {
        vm.choose(List.of(entry("limit-cluster-node-count"), entry("require-probes")));
        field(form("limit-cluster-node-count"), "maxNodes").text().set("0");
        assertThat(vm.validProperty().get()).isFalse();

        vm.choose(List.of(entry("require-probes")));

        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    @DisplayName("All Enforce and All Audit set the mode of every chosen policy")
    void allModesAtOnce() {
        vm.choose(List.of(entry("limit-cluster-node-count"), entry("require-probes"), entry("disallow-host-path")));

        vm.setAllModes(PolicyMode.ENFORCE);
        assertThat(vm.selections())
                .extracting(PolicySelection::mode)
                .containsOnly(PolicyMode.ENFORCE)
                .hasSize(3);

        vm.setAllModes(PolicyMode.AUDIT);
        assertThat(vm.chosen()).extracting(f -> f.modeProperty().get()).containsOnly(PolicyMode.AUDIT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "kube-system, kyverno                 | ''",
                "''                                   | ''",
                " kube-system ,, team-a ,             | ''",
                "kube-system, Team_A                  | \"Team_A\" is not a namespace name",
                "-lead, kube_system                   | \"-lead\" is not a namespace name",
                "a-namespace-name-that-is-far-too-long-for-kubernetes-to-accept-it | \"a-namespace-name-that-is-far-too-long-for-kubernetes-to-accept-it\" is not a namespace name",
            })
    @DisplayName("the excluded namespaces are checked as typed: the first bad name is shown and the page is invalid")
    void excludedNamespacesAreValidated(String text, String problem) {
        vm.choose(List.of(entry("require-probes")));

        vm.excludedProperty().set(text);

        assertThat(vm.excludedProblemProperty().get()).isEqualTo(problem);
        assertThat(vm.validProperty().get()).isEqualTo(problem.isEmpty());
    }

    @Test
    @DisplayName("the default exclusions are the cluster's and Kyverno's own namespaces")
    void defaultExclusions() {
        vm.choose(List.of(entry("require-probes")));

        assertThat(vm.excludedProperty().get()).isEqualTo("kube-system, kube-public, kube-node-lease, kyverno");
        assertThat(vm.selections().get(0).excludedNamespaces())
                .containsExactly("kube-system", "kube-public", "kube-node-lease", "kyverno");
    }

    @Test
    @DisplayName("the selections carry typed values (a number, a list), each form's mode and the excluded namespaces")
    void selectionsCarryTypedValues() {
        vm.choose(List.of(entry("limit-cluster-node-count"), entry("restrict-image-registries")));
        field(form("limit-cluster-node-count"), "maxNodes").text().set(" 7 ");
        field(form("restrict-image-registries"), "registries")
                .text()
                .set("ghcr.io/acme/ ,  registry.example.com:5000/");
        form("restrict-image-registries").modeProperty().set(PolicyMode.ENFORCE);
        vm.excludedProperty().set("kube-system, team-a");

        List<PolicySelection> s = vm.selections();

        assertThat(s)
                .extracting(x -> x.entry().id())
                .containsExactly("limit-cluster-node-count", "restrict-image-registries");
        assertThat(s.get(0).values()).containsExactly(java.util.Map.entry("maxNodes", 7L));
        assertThat(s.get(0).mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(s.get(1).values().get("registries"))
                .isEqualTo(List.of("ghcr.io/acme/", "registry.example.com:5000/"));
        assertThat(s.get(1).mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(s).allSatisfy(x -> {
            assertThat(x.excludedNamespaces()).containsExactly("kube-system", "team-a");
            assertThat(x.problems()).isEmpty();
        });
    }
}
