package dev.backstack.panel.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The RBAC preflight against the mock server's SelfSubjectAccessReview endpoint. */
class PermissionCheckTest {

    static final String SSAR = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    static final KubernetesSerialization JSON = new KubernetesSerialization();

    static final Permission CREATE_NAMESPACES = Permission.cluster("create", "", "namespaces");
    static final Permission CREATE_CRDS =
            Permission.cluster("create", "apiextensions.k8s.io", "customresourcedefinitions");
    static final Permission CREATE_CRBS =
            Permission.cluster("create", "rbac.authorization.k8s.io", "clusterrolebindings");
    static final Permission LIST_CONFIGMAPS = Permission.namespaced("list", "", "configmaps", "team-a");
    static final Permission CREATE_DEPLOYMENTS = Permission.namespaced("create", "apps", "deployments", "team-a");
    static final List<Permission> PLAN =
            List.of(CREATE_NAMESPACES, CREATE_CRDS, CREATE_CRBS, LIST_CONFIGMAPS, CREATE_DEPLOYMENTS);

    /** Answers each review as the API server would, from the attributes in its body. */
    static final class Reviewer implements ResponseProvider<Object> {
        final List<ResourceAttributes> asked = new CopyOnWriteArrayList<>();
        private final Predicate<Permission> allowed;
        private final Predicate<Permission> broken;
        private Headers headers = new Headers.Builder().build();

        Reviewer(Predicate<Permission> allowed, Predicate<Permission> broken) {
            this.allowed = allowed;
            this.broken = broken;
        }

        static Permission of(ResourceAttributes a) {
            String resource = a.getSubresource() == null ? a.getResource() : a.getResource() + "/" + a.getSubresource();
            return new Permission(a.getVerb(), a.getGroup(), resource, a.getNamespace(), a.getName());
        }

        private SelfSubjectAccessReview review(RecordedRequest request) {
            // getBytes() leaves the body in place for the next call (status code, then body).
            return JSON.unmarshal(
                    new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    SelfSubjectAccessReview.class);
        }

        @Override
        public int getStatusCode(RecordedRequest request) {
            return broken.test(of(review(request).getSpec().getResourceAttributes())) ? 500 : 201;
        }

        @Override
        public Object getBody(RecordedRequest request) {
            SelfSubjectAccessReview r = review(request);
            ResourceAttributes a = r.getSpec().getResourceAttributes();
            if (broken.test(of(a))) {
                return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"etcd timeout\","
                        + "\"reason\":\"InternalError\",\"code\":500}";
            }
            asked.add(a);
            r.setStatus(new SubjectAccessReviewStatusBuilder()
                    .withAllowed(allowed.test(of(a)))
                    .build());
            return r;
        }

        @Override
        public Headers getHeaders() {
            return headers;
        }

        @Override
        public void setHeaders(Headers headers) {
            this.headers = headers;
        }
    }

    @Test
    @DisplayName("reports every missing permission at once, in the plan's order, one review per permission")
    void reportsEveryMissingPermissionBeforeWriting() throws Exception {
        try (MockApi api = new MockApi()) {
            Reviewer reviewer = new Reviewer(Set.of(LIST_CONFIGMAPS)::contains, p -> false);
            api.server.expect().post().withPath(SSAR).andReply(reviewer).always();

            PermissionReport report = new PermissionCheck(api.client).check(PLAN);

            assertThat(report.missing())
                    .containsExactly(CREATE_NAMESPACES, CREATE_CRDS, CREATE_CRBS, CREATE_DEPLOYMENTS);
            assertThat(report.granted()).containsExactly(LIST_CONFIGMAPS);
            assertThat(report.unchecked()).isEmpty();
            assertThat(report.clean()).isFalse();
            assertThat(reviewer.asked).hasSize(5);
            assertThat(reviewer.asked).anySatisfy(a -> {
                assertThat(a.getVerb()).isEqualTo("create");
                assertThat(a.getGroup()).isEqualTo("apiextensions.k8s.io");
                assertThat(a.getResource()).isEqualTo("customresourcedefinitions");
                assertThat(a.getNamespace()).isNull();
            });
            assertThat(report.summary())
                    .isEqualTo("missing 4 permissions: create namespaces (cluster), "
                            + "create customresourcedefinitions.apiextensions.k8s.io (cluster), "
                            + "create clusterrolebindings.rbac.authorization.k8s.io (cluster), "
                            + "create deployments.apps (namespace team-a)");
        }
    }

    @Test
    @DisplayName("a review that fails is 'could not check', never taken as allowed")
    void failedReviewIsNotAllowed() throws Exception {
        try (MockApi api = new MockApi()) {
            api.server
                    .expect()
                    .post()
                    .withPath(SSAR)
                    .andReply(new Reviewer(p -> true, CREATE_CRDS::equals))
                    .always();

            PermissionReport report = new PermissionCheck(api.client).check(PLAN);

            assertThat(report.missing()).isEmpty();
            assertThat(report.granted()).hasSize(4).doesNotContain(CREATE_CRDS);
            assertThat(report.unchecked()).singleElement().satisfies(u -> {
                assertThat(u.permission()).isEqualTo(CREATE_CRDS);
                assertThat(u.problem()).contains("HTTP 500").contains("etcd timeout");
            });
            assertThat(report.clean()).isFalse();
            assertThat(report.summary())
                    .startsWith(
                            "could not check 1 permission: "
                                    + "create customresourcedefinitions.apiextensions.k8s.io (cluster): the review failed with HTTP 500");
        }
    }

    @Test
    @DisplayName("a user who holds everything gets a clean report; duplicates are asked once")
    void allGrantedIsClean() throws Exception {
        try (MockApi api = new MockApi()) {
            Reviewer reviewer = new Reviewer(p -> true, p -> false);
            api.server.expect().post().withPath(SSAR).andReply(reviewer).always();

            PermissionReport report = new PermissionCheck(api.client)
                    .check(List.of(
                            CREATE_CRDS,
                            CREATE_CRDS,
                            new Permission("update", "apps", "deployments/scale", "team-a", "web")));

            assertThat(report.clean()).isTrue();
            assertThat(report.summary()).isEqualTo("all 2 needed permissions are granted");
            assertThat(reviewer.asked).hasSize(2).anySatisfy(a -> {
                assertThat(a.getResource()).isEqualTo("deployments");
                assertThat(a.getSubresource()).isEqualTo("scale");
                assertThat(a.getName()).isEqualTo("web");
            });
        }
    }

    @Test
    @DisplayName("reviews that never answer time out as 'could not check' within the budget")
    void unansweredReviewsTimeOut() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(
                    () -> {
                        while (!blackHole.isClosed()) {
                            try {
                                held.add(blackHole.accept());
                            } catch (IOException e) {
                                return;
                            }
                        }
                    },
                    "black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
            try (KubernetesClient client = MockApi.client("https://127.0.0.1:" + blackHole.getLocalPort())) {
                long start = System.nanoTime();
                PermissionReport report = new PermissionCheck(client, Duration.ofMillis(500), 8).check(PLAN);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(report.granted()).isEmpty();
                assertThat(report.missing()).isEmpty();
                assertThat(report.unchecked())
                        .extracting(PermissionReport.Unchecked::permission)
                        .containsExactlyElementsOf(PLAN);
                assertThat(report.unchecked())
                        .allSatisfy(u -> assertThat(u.problem()).isEqualTo("no answer within 500ms"));
                assertThat(took)
                        .as("bounded by the timeout plus grace, not the client default")
                        .isLessThan(Duration.ofSeconds(6));
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
