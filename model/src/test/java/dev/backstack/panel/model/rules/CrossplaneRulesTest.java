package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.StatusReason;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrossplaneRulesTest {

    /** A provider-helm Release (a managed resource) with the given metadata extras and conditions. */
    static KubeObject release(String metadataExtra, String status) {
        return yaml("""
                apiVersion: helm.crossplane.io/v1beta1
                kind: Release
                metadata:
                  name: hub-x7k2-backstage
                  generation: 3
                %s
                status:
                %s
                """.formatted(indent(metadataExtra), indent(status)));
    }

    static KubeObject pkg(String kind, String status) {
        return yaml("""
                apiVersion: pkg.crossplane.io/v1
                kind: %s
                metadata:
                  name: crossplane-contrib-provider-helm
                  generation: 2
                status:
                %s
                """.formatted(kind, indent(status)));
    }

    private static String indent(String text) {
        return text.isBlank() ? "" : text.indent(2).stripTrailing();
    }

    static Stream<Arguments> managedCases() {
        return Stream.of(
                Arguments.of(
                        "deleting beats Synced=False and Ready=False",
                        "deletionTimestamp: '2024-10-01T10:00:00Z'",
                        """
                    conditions:
                    - {type: Synced, status: 'False', reason: ReconcileError, message: boom}
                    - {type: Ready, status: 'False', reason: Unavailable}
                    """,
                        Health.PROGRESSING,
                        "being deleted"),
                Arguments.of(
                        "Synced=False beats Ready=True",
                        "",
                        """
                    conditions:
                    - {type: Synced, status: 'False', reason: ReconcileError, message: cannot get chart}
                    - {type: Ready, status: 'True', reason: Available}
                    """,
                        Health.DEGRADED,
                        "not synced: ReconcileError: cannot get chart"),
                Arguments.of("Synced=False beats Ready=False Creating", "", """
                    conditions:
                    - {type: Synced, status: 'False', reason: ReconcileError, message: denied}
                    - {type: Ready, status: 'False', reason: Creating}
                    """, Health.DEGRADED, "not synced"),
                Arguments.of(
                        "Ready=False Creating is Progressing",
                        "",
                        """
                    conditions:
                    - {type: Synced, status: 'True', reason: ReconcileSuccess}
                    - {type: Ready, status: 'False', reason: Creating, message: installing chart}
                    """,
                        Health.PROGRESSING,
                        "Creating: installing chart"),
                Arguments.of(
                        "Ready=False Unavailable is Degraded", "", """
                    conditions:
                    - {type: Synced, status: 'True'}
                    - {type: Ready, status: 'False', reason: Unavailable, message: release failed}
                    """, Health.DEGRADED, "Unavailable: release failed"),
                Arguments.of("Ready=False ReconcileError is Degraded", "", """
                    conditions:
                    - {type: Ready, status: 'False', reason: ReconcileError}
                    """, Health.DEGRADED, "ReconcileError"),
                Arguments.of("Ready=Unknown is Progressing", "", """
                    conditions:
                    - {type: Synced, status: 'True'}
                    - {type: Ready, status: Unknown, reason: Waiting}
                    """, Health.PROGRESSING, "Waiting"),
                Arguments.of(
                        "Synced without Ready is Progressing",
                        "",
                        """
                    conditions:
                    - {type: Synced, status: 'True'}
                    """,
                        Health.PROGRESSING,
                        "Ready condition not reported"),
                Arguments.of(
                        "no conditions is Progressing (Argo CD: Provisioning)",
                        "",
                        "conditions: []",
                        Health.PROGRESSING,
                        "no status"),
                Arguments.of(
                        "no status at all is Progressing (Argo CD: Provisioning)",
                        "",
                        "",
                        Health.PROGRESSING,
                        "no status"),
                Arguments.of(
                        "LastAsyncOperation=False is Degraded even when Ready (Argo CD)",
                        "",
                        """
                    conditions:
                    - {type: Ready, status: 'True', reason: Available}
                    - {type: Synced, status: 'True', reason: ReconcileSuccess}
                    - {type: LastAsyncOperation, status: 'False', reason: AsyncCreateFailure, message: 'quota exceeded'}
                    """,
                        Health.DEGRADED,
                        "AsyncCreateFailure: quota exceeded"),
                Arguments.of(
                        "stale status.observedGeneration is not Healthy",
                        "",
                        """
                    observedGeneration: 2
                    conditions:
                    - {type: Synced, status: 'True'}
                    - {type: Ready, status: 'True'}
                    """,
                        Health.PROGRESSING,
                        "observed generation 2 of 3"),
                Arguments.of(
                        "stale Ready condition observedGeneration is not Healthy",
                        "",
                        """
                    conditions:
                    - {type: Synced, status: 'True', observedGeneration: 3}
                    - {type: Ready, status: 'True', observedGeneration: 1}
                    """,
                        Health.PROGRESSING,
                        "observed generation 1 of 3"),
                Arguments.of("current observedGeneration, Synced and Ready is Healthy", "", """
                    observedGeneration: 3
                    conditions:
                    - {type: Synced, status: 'True', observedGeneration: 3}
                    - {type: Ready, status: 'True', observedGeneration: 3}
                    """, Health.HEALTHY, null),
                Arguments.of("Synced and Ready without generations is Healthy", "", """
                    conditions:
                    - {type: Synced, status: 'True'}
                    - {type: Ready, status: 'True'}
                    """, Health.HEALTHY, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managedCases")
    void assessesManagedResourcesWithTracePrecedence(
            String description, String metadataExtra, String status, Health expected, String messagePart) {
        Assessment a = CrossplaneRules.assess(release(metadataExtra, status));

        assertThat(a.health()).isEqualTo(expected);
        if (messagePart == null) {
            assertThat(a.reason()).isEmpty();
        } else {
            assertThat(a.reason()).map(StatusReason::subject).contains("Release hub-x7k2-backstage");
            assertThat(a.reason().orElseThrow().message()).contains(messagePart);
        }
    }

    static Stream<Arguments> packageCases() {
        return Stream.of(
                Arguments.of(
                        "Installed=False with Healthy=True is not Healthy", """
                    conditions:
                    - {type: Installed, status: 'False', reason: UnpackPackage, message: unpacking}
                    - {type: Healthy, status: 'True', reason: HealthyPackageRevision}
                    """, Health.PROGRESSING, "not installed"),
                Arguments.of(
                        "Installed=False, UnpackingPackage with a pull error is Degraded (Argo CD)",
                        """
                    conditions:
                    - {type: Installed, status: 'False', reason: UnpackingPackage, message: 'cannot unpack package: failed to fetch package digest from remote: GET https://xpkg.upbound.io: unexpected status code 401 Unauthorized'}
                    """,
                        Health.DEGRADED,
                        "cannot unpack package"),
                Arguments.of(
                        "Installed=False for a failure is Degraded even when Healthy=True",
                        """
                    conditions:
                    - {type: Installed, status: 'False', reason: InactivePackageRevision, message: rev inactive}
                    - {type: Healthy, status: 'True'}
                    """,
                        Health.DEGRADED,
                        "InactivePackageRevision: rev inactive"),
                Arguments.of(
                        "Installed=True Healthy=False is Degraded",
                        """
                    conditions:
                    - {type: Installed, status: 'True', reason: ActivePackageRevision}
                    - {type: Healthy, status: 'False', reason: UnhealthyPackageRevision, message: 'pod crashed'}
                    """,
                        Health.DEGRADED,
                        "UnhealthyPackageRevision: pod crashed"),
                Arguments.of(
                        "Installed=True without Healthy is Progressing", """
                    conditions:
                    - {type: Installed, status: 'True'}
                    """, Health.PROGRESSING, "waiting for health"),
                Arguments.of(
                        "Healthy=True without Installed is not Healthy", """
                    conditions:
                    - {type: Healthy, status: 'True'}
                    """, Health.PROGRESSING, "not yet installed"),
                Arguments.of("no status is Progressing, never Healthy", "", Health.PROGRESSING, "not yet installed"),
                Arguments.of(
                        "stale observedGeneration with Installed and Healthy True is not Healthy",
                        """
                    conditions:
                    - {type: Installed, status: 'True', observedGeneration: 1}
                    - {type: Healthy, status: 'True', observedGeneration: 1}
                    """,
                        Health.PROGRESSING,
                        "observed generation 1 of 2"),
                Arguments.of("Installed and Healthy at the current generation is Healthy", """
                    conditions:
                    - {type: Installed, status: 'True', observedGeneration: 2}
                    - {type: Healthy, status: 'True', observedGeneration: 2}
                    """, Health.HEALTHY, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packageCases")
    void assessesPackagesInstalledBeforeHealthy(
            String description, String status, Health expected, String messagePart) {
        for (String kind : new String[] {"Provider", "Function", "Configuration"}) {
            Assessment a = CrossplaneRules.assess(pkg(kind, status));
            assertThat(a.health()).as(kind).isEqualTo(expected);
            if (messagePart != null) {
                assertThat(a.reason().orElseThrow().message()).as(kind).contains(messagePart);
            }
        }
    }

    @Test
    void recognisesPackagesByGroupAndKind() {
        assertThat(CrossplaneRules.isPackage(pkg("Provider", ""))).isTrue();
        assertThat(CrossplaneRules.isPackage(pkg("Configuration", ""))).isTrue();
        assertThat(CrossplaneRules.isPackage(pkg("DeploymentRuntimeConfig", "")))
                .isFalse();
        assertThat(CrossplaneRules.isPackage(release("", ""))).isFalse();
    }

    @Test
    @DisplayName("keeps the whole condition message: a 300-character message is not truncated")
    void keepsTheFullMessage() {
        String longMessage = "failed to install release: " + "x".repeat(300 - 27);
        assertThat(longMessage).hasSize(300);
        KubeObject r = release("", """
                conditions:
                - {type: Synced, status: 'True'}
                - {type: Ready, status: 'False', reason: ReconcileError, message: '%s'}
                """.formatted(longMessage));

        Assessment a = CrossplaneRules.assess(r);

        assertThat(a.reason().orElseThrow().message()).contains(longMessage);
        assertThat(a.oneLine()).contains(longMessage);
    }

    @Test
    void missingReferenceIsMissingWithTheReferencedName() {
        Assessment a = CrossplaneRules.missingReference("Release", "hub-x7k2-vault");
        assertThat(a.health()).isEqualTo(Health.MISSING);
        assertThat(a.reason().orElseThrow().path()).containsExactly("Release hub-x7k2-vault");
        assertThat(a.reason().orElseThrow().message()).contains("not found");
    }
}
