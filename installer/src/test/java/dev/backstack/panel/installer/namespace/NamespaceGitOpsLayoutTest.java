package dev.backstack.panel.installer.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.resources.CrdCatalog;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamespaceGitOpsLayoutTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Map<String, String> files() {
        NamespaceRequestFixture f = new NamespaceRequestFixture();
        return NamespaceGitOpsLayout.files(
                f.request(),
                f.bundle(KyvernoGeneration.VALIDATING_POLICY),
                "https://github.com/acme/platform-gitops",
                "main");
    }

    @Test
    @DisplayName("one file per object under namespaces/<spoke>/<name>/, and the Application in demo/applications")
    void layout() {
        assertThat(files().keySet())
                .containsExactly(
                        "namespaces/spoke-1/team-a-dev/namespace-team-a-dev.yaml",
                        "namespaces/spoke-1/team-a-dev/resourcequota-team-quota.yaml",
                        "namespaces/spoke-1/team-a-dev/limitrange-container-defaults.yaml",
                        "namespaces/spoke-1/team-a-dev/rolebinding-team-edit.yaml",
                        "namespaces/spoke-1/team-a-dev/networkpolicy-default-deny-ingress.yaml",
                        "namespaces/spoke-1/team-a-dev/policy-team-a-dev-require-probes.yaml",
                        "namespaces/spoke-1/team-a-dev/policy-team-a-dev-disallow-latest-tag.yaml",
                        "demo/applications/namespace-spoke-1-team-a-dev.yaml");
    }

    @Test
    @DisplayName(
            "the Application syncs the folder to the spoke by name, never prunes, and validates against Argo CD's CRD")
    void applicationValidates() throws Exception {
        JsonNode app = YAML.readTree(files().get("demo/applications/namespace-spoke-1-team-a-dev.yaml"));
        assertThat(CrdCatalog.load().validate(app)).isEmpty();
        assertThat(app.at("/spec/source/path").asText()).isEqualTo("namespaces/spoke-1/team-a-dev");
        assertThat(app.at("/spec/source/targetRevision").asText()).isEqualTo("main");
        assertThat(app.at("/spec/destination/name").asText()).isEqualTo("spoke-1");
        assertThat(app.at("/spec/syncPolicy/automated/prune").asBoolean()).isFalse();
        assertThat(app.at("/metadata/namespace").asText()).isEqualTo("argocd");
    }

    /** The renderer test's request and bundle. */
    static final class NamespaceRequestFixture {
        dev.backstack.panel.model.namespace.NamespaceRequest request() {
            return NamespaceRendererTest.REQUEST;
        }

        NamespaceBundle bundle(KyvernoGeneration g) {
            return NamespaceRenderer.render(request(), NamespaceRendererTest.selections(request()), g);
        }
    }
}
