package dev.backstack.panel.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manager names and undeclared fields in the API server's wording. */
class FailureParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            conflict with "kubectl-edit" using apps/v1                                         | kubectl-edit
            conflict with "kubectl-client-side-apply" using apps/v1 at 2026-11-24T00:35:27Z    | kubectl-client-side-apply
            conflict with "kube-controller-manager" with subresource "scale" using apps/v1     | kube-controller-manager
            conflict with "argocd-controller"                                                  | argocd-controller
            conflict with "odd \\"quoted\\" name" using v1                                      | odd "quoted" name
            something else entirely                                                            | something else entirely
            """)
    void readsTheManagerName(String causeMessage, String manager) {
        assertThat(FailureParser.manager(causeMessage)).isEqualTo(manager);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            failed to create typed patch object (ns/a; argoproj.io/v1alpha1, Kind=Application): .spec.bogus: field not declared in schema | .spec.bogus     | field not declared in schema
            failed to create typed patch object (/p; kyverno.io/v1, Kind=ClusterPolicy): errors:\\n  .spec.x: field not declared in schema\\n  .spec.y: field not declared in schema | .spec.x | field not declared in schema
            """)
    void readsUndeclaredFields(String message, String firstField, String firstMessage) {
        List<InvalidField> fields = FailureParser.undeclaredFields(message.replace("\\n", "\n"));
        assertThat(fields.get(0)).isEqualTo(new InvalidField(firstField, firstMessage));
        assertThat(fields).hasSize(message.contains("\\n") ? 2 : 1);
    }
}
