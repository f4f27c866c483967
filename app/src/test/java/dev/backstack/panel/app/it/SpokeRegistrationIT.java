package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.spoke.Registration;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering an existing cluster as a spoke on a real API server, which plays both the spoke and
 * the hub. No kube-controller-manager runs, so the test plays the token controller: once the
 * panel has created the {@code kubernetes.io/service-account-token} Secret, it writes a real token
 * of the ServiceAccount (from the TokenRequest API) and a CA into it, as the controller would.
 * The Argo CD cluster secret must carry that token, authenticate as the ServiceAccount, and hold
 * nothing of the user's own credentials; neither token reaches a log line, a ConfigMap or a file.
 */
class SpokeRegistrationIT {

    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIBspoke-ca\n-----END CERTIFICATE-----\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RealApiServer server;
    private static KubernetesClient admin;
    private static CapturedLogs logs;

    @TempDir
    static Path journals;

    @BeforeAll
    static void start() throws Exception {
        server = RealApiServer.shared();
        admin = server.admin();
        if (admin.namespaces().withName("argocd").get() == null) {
            admin.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("argocd")
                            .endMetadata()
                            .build())
                    .create();
        }
        logs = CapturedLogs.quietly("dev.backstack", Level.DEBUG);
    }

    @AfterAll
    static void stop() {
        if (logs != null) {
            logs.close();
        }
    }

    /** The one cluster as hub and spoke, reached with the user's (admin) credentials. */
    private static PlanTarget target() {
        return new PlanTarget("edge", server.url(), admin, null, null, false);
    }

    private static SpokeService service() {
        PlanTarget hub = target();
        return new SpokeService(
                new PolicyClusters() {
                    @Override
                    public String hub() {
                        return "hub";
                    }

                    @Override
                    public List<String> spokes() {
                        return List.of();
                    }

                    @Override
                    public Optional<PlanTarget> target(String cluster) {
                        return Optional.of(new PlanTarget("hub", server.url(), hub.client(), null, null, false));
                    }
                },
                journals,
                Clock.systemUTC(),
                new GitOpsDelivery());
    }

    /** Plays the spoke's token controller for one Secret; returns the token it wrote. */
    private static Thread tokenController(Registration reg, AtomicReference<String> written) {
        Thread t = new Thread(
                () -> {
                    Secret s;
                    try {
                        s = Awaitility.await("the token Secret and its ServiceAccount")
                                .atMost(Duration.ofSeconds(60))
                                .pollInSameThread()
                                .pollDelay(Duration.ZERO)
                                .pollInterval(Duration.ofMillis(100))
                                .until(
                                        () -> admin.serviceAccounts()
                                                                .inNamespace(reg.namespace())
                                                                .withName(reg.serviceAccount())
                                                                .get()
                                                        == null
                                                ? null
                                                : admin.secrets()
                                                        .inNamespace(reg.namespace())
                                                        .withName(reg.tokenSecret())
                                                        .get(),
                                        java.util.Objects::nonNull);
                    } catch (ConditionTimeoutException e) {
                        return; // never asked for: the test's assertions on the cluster secret say so
                    }
                    String token = admin.serviceAccounts()
                            .inNamespace(reg.namespace())
                            .withName(reg.serviceAccount())
                            .tokenRequest(new TokenRequestBuilder()
                                    .withNewSpec()
                                    .withExpirationSeconds(3600L)
                                    .endSpec()
                                    .build())
                            .getStatus()
                            .getToken();
                    s.setData(Map.of("token", b64(token), "ca.crt", b64(CA_PEM), "namespace", b64(reg.namespace())));
                    admin.secrets().inNamespace(reg.namespace()).resource(s).update();
                    written.set(token);
                },
                "token-controller");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    @DisplayName(
            "the cluster secret carries the ServiceAccount's token and the spoke's CA, never the user's credentials")
    void registersWithAServiceAccountToken() throws Exception {
        Registration reg = new Registration("edge", "edge-1", "kube-system", "backstack-argocd-it", null);
        SpokeService service = service();
        PlanPreview preview = service.previewRegistration(reg, target());
        PreflightReport preflight = service.preflightRegistration(reg, target());
        assertThat(preflight.blocked()).as(preflight.summary()).isFalse();
        AtomicReference<String> written = new AtomicReference<>();
        Thread controller = tokenController(reg, written);
        List<PlanEvent> events = new ArrayList<>();

        PlanOutcome outcome = service.register(reg, target(), List.of(), events::add);
        controller.join(5_000);

        assertThat(outcome).as(events.toString()).isEqualTo(PlanOutcome.SUCCEEDED);
        String saToken = written.get();
        assertThat(saToken).isNotBlank();
        Secret secret =
                admin.secrets().inNamespace("argocd").withName("cluster-edge-1").get();
        assertThat(secret.getMetadata().getLabels())
                .containsEntry("argocd.argoproj.io/secret-type", "cluster")
                .containsEntry("clusterType", "spoke");
        assertThat(decode(secret.getData().get("name"))).isEqualTo("edge-1");
        assertThat(decode(secret.getData().get("server"))).isEqualTo(server.url());
        String configText = decode(secret.getData().get("config"));
        JsonNode config = JSON.readTree(configText);
        assertThat(config.path("bearerToken").asText()).isEqualTo(saToken);
        assertThat(config.path("tlsClientConfig").path("caData").asText()).isEqualTo(b64(CA_PEM));
        assertThat(config.path("tlsClientConfig").path("insecure").asBoolean()).isFalse();
        assertThat(configText).doesNotContain(server.adminToken());
        for (String value : secret.getData().values()) {
            assertThat(decode(value)).doesNotContain(server.adminToken());
        }

        // The token is the ServiceAccount's: it authenticates as it, with the binding's rights.
        Config asSa = Config.empty();
        asSa.setMasterUrl(server.url());
        asSa.setTrustCerts(true);
        asSa.setDisableHostnameVerification(true);
        asSa.setOauthToken(saToken);
        try (KubernetesClient sa =
                new KubernetesClientBuilder().withConfig(asSa).build()) {
            var review = sa.resource(
                            new io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewBuilder().build())
                    .create();
            assertThat(review.getStatus().getUserInfo().getUsername())
                    .isEqualTo("system:serviceaccount:kube-system:backstack-argocd-it");
            assertThat(sa.namespaces().list().getItems()).isNotEmpty();
        }

        // Neither token anywhere else: previews, log lines, ConfigMaps (journals), journal files.
        assertThat(preview.steps().toString()).doesNotContain(saToken).doesNotContain(server.adminToken());
        for (String token : List.of(saToken, server.adminToken())) {
            assertThat(logs.lines()).noneMatch(l -> l.mentions(token));
            for (ConfigMap cm : admin.configMaps().inAnyNamespace().list().getItems()) {
                assertThat(String.valueOf(cm.getData())).doesNotContain(token);
            }
            LeakScan.assertNoFileHolds(journals, token);
        }
        assertThat(events).noneMatch(e -> e.toString().contains(saToken));

        // A re-run finds everything in place.
        assertThat(service.register(reg, target(), List.of(), e -> {})).isEqualTo(PlanOutcome.UNCHANGED);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
