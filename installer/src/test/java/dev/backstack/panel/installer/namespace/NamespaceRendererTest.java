package dev.backstack.panel.installer.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.Selections;
import dev.backstack.panel.model.namespace.ContainerDefaults;
import dev.backstack.panel.model.namespace.NamespaceQuota;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.TeamPolicy;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.resources.CrdCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NamespaceRendererTest {

    static final PolicyCatalog CATALOG = PolicyCatalog.load();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final CrdCatalog CRDS = CrdCatalog.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request of the golden files: team-a's dev namespace on spoke-1, isolated, two policies. */
    static final NamespaceRequest REQUEST = new NamespaceRequest(
            "spoke-1",
            "team-a-dev",
            "team-a",
            new NamespaceQuota("4", "8Gi", "20"),
            new ContainerDefaults("100m", "128Mi", "500m", "512Mi"),
            true,
            "ingress-nginx",
            List.of(
                    new TeamPolicy("require-probes", PolicyMode.AUDIT),
                    new TeamPolicy("disallow-latest-tag", PolicyMode.ENFORCE)),
            null);

    static List<PolicySelection> selections(NamespaceRequest r) {
        return Selections.of(
                CATALOG,
                r.policies().stream().map(TeamPolicy::id).toList(),
                Map.of("require-probes", "AUDIT", "disallow-latest-tag", "ENFORCE"),
                Map.of(),
                List.of());
    }

    private static NamespaceBundle bundle(KyvernoGeneration g) {
        return NamespaceRenderer.render(REQUEST, selections(REQUEST), g);
    }

    @ParameterizedTest
    @EnumSource(KyvernoGeneration.class)
    @DisplayName("the bundle matches its golden file per Kyverno generation (-Dgolden.update=true to regenerate)")
    void matchesGolden(KyvernoGeneration g) throws IOException {
        String rendered = bundle(g).yaml();
        Path file = GOLDEN.resolve("namespace-" + g.kind().toLowerCase(Locale.ROOT) + ".yaml");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, rendered);
        }
        assertThat(file)
                .as("golden file; create it with -Dgolden.update=true and review it")
                .exists();
        assertThat(rendered).isEqualTo(Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(KyvernoGeneration.class)
    @DisplayName("the scoped policies validate against the upstream Kyverno CRDs")
    void policiesValidateAgainstTheUpstreamCrds(KyvernoGeneration g) {
        List<GenericKubernetesResource> policies = bundle(g).policies();
        assertThat(policies).hasSize(2);
        for (GenericKubernetesResource p : policies) {
            JsonNode json = JSON.valueToTree(p);
            assertThat(CRDS.knows(json))
                    .as(p.getKind() + " known to the CRD catalog")
                    .isTrue();
            assertThat(CRDS.validate(json)).as(p.getMetadata().getName()).isEmpty();
        }
    }

    @Test
    @DisplayName("the built-in objects read back as their typed Kubernetes models without losing a field")
    void builtInObjectsAreWellFormed() {
        NamespaceBundle b = bundle(KyvernoGeneration.VALIDATING_POLICY);
        assertThat(b.objects())
                .extracting(GenericKubernetesResource::getKind)
                .containsExactly(
                        "Namespace",
                        "ResourceQuota",
                        "LimitRange",
                        "RoleBinding",
                        "NetworkPolicy",
                        "ValidatingPolicy",
                        "ValidatingPolicy");
        assertRoundTrip(b.namespace(), Namespace.class);
        assertRoundTrip(b.guardrails().get(0), ResourceQuota.class);
        assertRoundTrip(b.guardrails().get(1), LimitRange.class);
        assertRoundTrip(b.guardrails().get(2), RoleBinding.class);
        assertRoundTrip(b.guardrails().get(3), NetworkPolicy.class);
    }

    private static <T extends HasMetadata> void assertRoundTrip(GenericKubernetesResource o, Class<T> type) {
        T typed = Serialization.unmarshal(Serialization.asJson(o), type);
        JsonNode expected = JSON.valueToTree(o);
        JsonNode actual = JSON.valueToTree(typed);
        assertThat(actual).as(o.getKind()).isEqualTo(expected);
    }

    @Test
    @DisplayName("the namespace carries the team and the panel as its manager; every object the team")
    void labels() {
        NamespaceBundle b = bundle(KyvernoGeneration.VALIDATING_POLICY);
        assertThat(b.namespace().getMetadata().getLabels())
                .containsEntry("backstack.dev/team", "team-a")
                .containsEntry("app.kubernetes.io/managed-by", "backstack-panel");
        assertThat(b.guardrails()).allSatisfy(o -> {
            assertThat(o.getMetadata().getNamespace()).isEqualTo("team-a-dev");
            assertThat(o.getMetadata().getLabels()).containsEntry("backstack.dev/team", "team-a");
        });
    }

    @Test
    @DisplayName("quota, defaults, binding and isolation hold what was asked")
    void objectsHoldTheRequest() {
        NamespaceBundle b = bundle(KyvernoGeneration.VALIDATING_POLICY);
        ResourceQuota q =
                Serialization.unmarshal(Serialization.asJson(b.guardrails().get(0)), ResourceQuota.class);
        assertThat(q.getSpec().getHard())
                .containsOnlyKeys("requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "pods");
        assertThat(q.getSpec().getHard().get("pods").toString()).isEqualTo("20");
        LimitRange l =
                Serialization.unmarshal(Serialization.asJson(b.guardrails().get(1)), LimitRange.class);
        assertThat(l.getSpec().getLimits().get(0).getDefaultRequest().get("cpu").toString())
                .isEqualTo("100m");
        assertThat(l.getSpec().getLimits().get(0).getDefault().get("memory").toString())
                .isEqualTo("512Mi");
        RoleBinding rb =
                Serialization.unmarshal(Serialization.asJson(b.guardrails().get(2)), RoleBinding.class);
        assertThat(rb.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(rb.getRoleRef().getName()).isEqualTo("edit");
        assertThat(rb.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("Group");
            assertThat(s.getName()).isEqualTo("team-a");
        });
        NetworkPolicy np =
                Serialization.unmarshal(Serialization.asJson(b.guardrails().get(3)), NetworkPolicy.class);
        assertThat(np.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(np.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(np.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).hasSize(2);
            assertThat(rule.getFrom().get(0).getPodSelector()).isNotNull();
            assertThat(rule.getFrom().get(0).getNamespaceSelector()).isNull();
            assertThat(rule.getFrom().get(1).getNamespaceSelector().getMatchLabels())
                    .containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx"));
        });
    }

    @Test
    @DisplayName("quantities are rendered as the API server stores them, so a re-run finds them unchanged")
    void quantitiesAreCanonical() {
        NamespaceRequest longWay = REQUEST.withQuota(
                new NamespaceQuota("1000m", "8192Mi", "20"),
                new ContainerDefaults("0.1", "0.125Gi", "0.5", "524288Ki"));
        NamespaceBundle b = NamespaceRenderer.render(longWay, selections(longWay), KyvernoGeneration.VALIDATING_POLICY);
        assertThat(Serialization.asYaml(b.guardrails().get(0)))
                .contains("requests.cpu: \"1\"", "limits.memory: \"8Gi\"");
        assertThat(Serialization.asYaml(b.guardrails().get(1)))
                .contains("cpu: \"500m\"", "memory: \"512Mi\"", "cpu: \"100m\"", "memory: \"128Mi\"");
    }

    @Test
    @DisplayName("without isolation there is no NetworkPolicy")
    void noIsolation() {
        NamespaceRequest open = REQUEST.withIsolation(false, "");
        assertThat(NamespaceRenderer.render(open, selections(open), KyvernoGeneration.VALIDATING_POLICY)
                        .objects())
                .extracting(GenericKubernetesResource::getKind)
                .doesNotContain("NetworkPolicy");
    }

    @Test
    @DisplayName("a policy is scoped to the namespace: named after it and matching only it, in both generations")
    void policiesAreScoped() {
        GenericKubernetesResource vpol =
                bundle(KyvernoGeneration.VALIDATING_POLICY).policies().get(0);
        assertThat(vpol.getMetadata().getName()).isEqualTo("team-a-dev-require-probes");
        assertThat(vpol.getMetadata().getLabels())
                .containsEntry("backstack.dev/namespace", "team-a-dev")
                .containsEntry("backstack.dev/policy-catalog", "require-probes");
        assertThat(Serialization.asYaml(vpol))
                .contains(
                        "namespaceSelector:",
                        "matchLabels:",
                        "kubernetes.io/metadata.name: \"team-a-dev\"",
                        "- \"Audit\"")
                .doesNotContain("NotIn");
        GenericKubernetesResource cpol =
                bundle(KyvernoGeneration.CLUSTER_POLICY).policies().get(1);
        assertThat(cpol.getMetadata().getName()).isEqualTo("team-a-dev-disallow-latest-tag");
        assertThat(Serialization.asYaml(cpol))
                .contains("namespaces:\n          - \"team-a-dev\"", "validationFailureAction: \"Enforce\"")
                .doesNotContain("exclude:");
    }

    @Test
    @DisplayName("an invalid request is refused with every problem")
    void invalidRequestRefused() {
        NamespaceRequest bad = NamespaceRequest.of("spoke-1", "Team A", "team a");
        assertThatThrownBy(() -> NamespaceRenderer.render(bad, List.of(), KyvernoGeneration.VALIDATING_POLICY))
                .hasMessageContaining("Namespace name: \"Team A\" is not a valid name")
                .hasMessageContaining("Team group: \"team a\" cannot be a label value");
    }
}
