package dev.backstack.panel.installer.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.spoke.Registration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationPlansTest {

    private static final Registration REG = Registration.of("edge", "edge-1");

    @Test
    void spokeObjectsAreAServiceAccountItsBindingAndItsTokenSecret() {
        Plan spoke = SpokePlans.registerOnSpoke(REG);

        assertThat(spoke.steps()).extracting(s -> s.id()).containsExactly("service-account", "token");
        assertThat(spoke.steps().get(1).info().dependsOn()).containsExactly("service-account");
        assertThat(spoke.preview().steps().get(0).objects())
                .extracting(ObjectPreview::kind, ObjectPreview::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ServiceAccount", "backstack-argocd-manager"),
                        org.assertj.core.groups.Tuple.tuple("ClusterRoleBinding", "backstack-argocd-manager"),
                        org.assertj.core.groups.Tuple.tuple("Secret", "backstack-argocd-manager-token"));
        assertThat(spoke.preview().steps().get(0).objects().get(2).yaml())
                .contains(
                        "type: kubernetes.io/service-account-token",
                        "kubernetes.io/service-account.name: backstack-argocd-manager");
        assertThat(spoke.preview().steps().get(0).objects().get(1).yaml())
                .contains("name: cluster-admin", "namespace: kube-system");
    }

    @Test
    void hubPreviewShowsTheClusterSecretWithEveryValueRedacted() {
        try (KubernetesClient unused =
                new KubernetesClientBuilder().withConfig(Config.empty()).build()) {
            Plan hub = SpokePlans.registerOnHub(REG, "https://edge.example:6443", unused);

            ObjectPreview secret = hub.preview().steps().get(0).objects().get(0);
            assertThat(secret.namespace()).isEqualTo("argocd");
            assertThat(secret.name()).isEqualTo("cluster-edge-1");
            assertThat(secret.yaml())
                    .contains(
                            "argocd.argoproj.io/secret-type: cluster",
                            "clusterType: spoke",
                            "config: <redacted>",
                            "server: <redacted>")
                    .doesNotContain("bearerToken");
        }
    }

    @Test
    void configIsArgoCdsClusterConfigWithTheTokenAndTheCa() throws Exception {
        GenericKubernetesResource s =
                RegistrationObjects.clusterSecret(REG, "https://edge.example:6443", "tok\"en", "Q0E=");

        Map<?, ?> data = ClusterSecretStep.data(s);
        String config = new String(Base64.getDecoder().decode((String) data.get("config")), StandardCharsets.UTF_8);
        Map<?, ?> parsed = new ObjectMapper().readValue(config, Map.class);

        assertThat(parsed.get("bearerToken")).isEqualTo("tok\"en");
        assertThat(parsed.get("tlsClientConfig")).isEqualTo(Map.of("insecure", false, "caData", "Q0E="));
        assertThat(new String(Base64.getDecoder().decode((String) data.get("server")), StandardCharsets.UTF_8))
                .isEqualTo("https://edge.example:6443");
    }

    @Test
    void namesMustBeDnsLabels() {
        assertThat(Registration.of("edge", "Edge_1").problems())
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("The spoke's name must be a DNS label"));
        assertThat(Registration.of("", "x").problems())
                .contains("Choose the kubeconfig context of the cluster to register.");
        assertThat(REG.problems()).isEmpty();
        assertThat(List.of(REG.tokenSecret(), REG.clusterSecret()))
                .containsExactly("backstack-argocd-manager-token", "cluster-edge-1");
    }
}
