package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.apply.Permission;
import dev.backstack.panel.installer.apply.PermissionCheck;
import dev.backstack.panel.installer.apply.PermissionReport;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The RBAC preflight on a real API server (FAULTS T29): alice holds only get and list on
 * ConfigMaps in one namespace; the check must list every other needed permission at once.
 */
class PermissionCheckIT {

    private static final String NS = "rbac-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Permission CREATE_NAMESPACES = Permission.cluster("create", "", "namespaces");
    private static final Permission CREATE_CRDS =
            Permission.cluster("create", "apiextensions.k8s.io", "customresourcedefinitions");
    private static final Permission CREATE_CRBS =
            Permission.cluster("create", "rbac.authorization.k8s.io", "clusterrolebindings");
    private static final Permission LIST_CONFIGMAPS = Permission.namespaced("list", "", "configmaps", NS);
    private static final Permission CREATE_DEPLOYMENTS = Permission.namespaced("create", "apps", "deployments", NS);
    private static final List<Permission> PLAN =
            List.of(CREATE_NAMESPACES, CREATE_CRDS, CREATE_CRBS, LIST_CONFIGMAPS, CREATE_DEPLOYMENTS);

    private static KubernetesClient admin;
    private static KubernetesClient alice;

    @BeforeAll
    static void aliceMayReadConfigMaps() throws Exception {
        RealApiServer server = RealApiServer.shared();
        admin = server.admin();
        alice = server.limited();
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .endMetadata()
                        .build())
                .create();
        admin.rbac()
                .roles()
                .inNamespace(NS)
                .resource(new RoleBuilder()
                        .withNewMetadata()
                        .withName("configmap-reader")
                        .endMetadata()
                        .addNewRule()
                        .withApiGroups("")
                        .withResources("configmaps")
                        .withVerbs("get", "list")
                        .endRule()
                        .build())
                .create();
        admin.rbac()
                .roleBindings()
                .inNamespace(NS)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("alice-reads-configmaps")
                        .endMetadata()
                        .withNewRoleRef()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Role")
                        .withName("configmap-reader")
                        .endRoleRef()
                        .addNewSubject()
                        .withKind("User")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withName(RealApiServer.LIMITED_USER)
                        .endSubject()
                        .build())
                .create();
        // The RBAC authorizer learns of new bindings through a watch: wait until it has.
        Awaitility.await("alice's new binding in effect")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> new PermissionCheck(alice)
                        .check(List.of(LIST_CONFIGMAPS))
                        .clean());
    }

    @AfterAll
    static void cleanUp() {
        if (admin == null) {
            return;
        }
        admin.rbac().roleBindings().inNamespace(NS).delete();
        admin.rbac().roles().inNamespace(NS).delete();
        admin.namespaces().withName(NS).delete();
        // No namespace controller runs on this server: release the namespace ourselves.
        Namespace ns = admin.namespaces().withName(NS).get();
        if (ns != null && ns.getSpec() != null) {
            ns.getSpec().setFinalizers(List.of());
            admin.namespaces().resource(ns).subresource("finalize").update();
        }
    }

    @Test
    @DisplayName("alice is told every missing permission at once, each by name; the one she holds is not among them")
    void reportsEveryMissingPermissionBeforeWriting() throws Exception {
        PermissionReport report = new PermissionCheck(alice).check(PLAN);

        assertThat(report.missing()).containsExactly(CREATE_NAMESPACES, CREATE_CRDS, CREATE_CRBS, CREATE_DEPLOYMENTS);
        assertThat(report.granted()).containsExactly(LIST_CONFIGMAPS);
        assertThat(report.unchecked()).isEmpty();
        assertThat(report.clean()).isFalse();
        assertThat(report.summary())
                .isEqualTo("missing 4 permissions: create namespaces (cluster), "
                        + "create customresourcedefinitions.apiextensions.k8s.io (cluster), "
                        + "create clusterrolebindings.rbac.authorization.k8s.io (cluster), "
                        + "create deployments.apps (namespace " + NS + ")");
    }

    @Test
    @DisplayName("the cluster administrator misses nothing")
    void adminMissesNothing() throws Exception {
        PermissionReport report = new PermissionCheck(admin).check(PLAN);

        assertThat(report.clean()).as(report.summary()).isTrue();
        assertThat(report.granted()).containsExactlyElementsOf(PLAN);
        assertThat(report.summary()).isEqualTo("all 5 needed permissions are granted");
    }

    @Test
    @DisplayName("a permission on one named object and a subresource are checked as such")
    void namedObjectsAndSubresources() throws Exception {
        Permission getOne = new Permission("get", "", "configmaps", NS, "settings");
        Permission scale = new Permission("update", "apps", "deployments/scale", NS, "web");

        PermissionReport report = new PermissionCheck(alice).check(List.of(getOne, scale));

        assertThat(report.granted()).containsExactly(getOne);
        assertThat(report.missing()).containsExactly(scale);
        assertThat(report.summary())
                .isEqualTo("missing 1 permission: update deployments.apps/scale \"web\" (namespace " + NS + ")");
    }
}
