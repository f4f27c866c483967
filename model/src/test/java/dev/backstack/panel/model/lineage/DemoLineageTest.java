package dev.backstack.panel.model.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.TestObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo's hub objects (demo-hub.yaml, copied in shape from installer/demo): one lineage a spoke. */
class DemoLineageTest {

    static ObjectSet demoHub() {
        try (InputStream in = DemoLineageTest.class.getResourceAsStream("demo-hub.yaml")) {
            return ObjectSet.of(TestObjects.yamlAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> spokes() {
        return Stream.of(
                Arguments.of("spoke-1", null, null),
                Arguments.of(
                        "spoke-2",
                        LineageStage.APPLICATIONS,
                        "registered with Argo CD, but Application "
                                + "spoke-2-kyverno: Deployment kyverno/kyverno-admission-controller: container "
                                + "kyverno-admission is in CrashLoopBackOff: failed to start webhook server"),
                Arguments.of(
                        "spoke-3",
                        LineageStage.COMPOSITE,
                        "claim spoke-3 submitted, but XAKSCluster "
                                + "spoke-3-c8v4d: not ready: Creating: creating AKS cluster spoke-3 in westeurope: "
                                + "node group 2 x Standard_D2s_v3 pending"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spokes")
    void tracesEachDemoSpoke(String spoke, LineageStage stage, String message) {
        Lineage lineage =
                SpokeLineage.of(spoke, demoHub(), SpokeLineageTest.connected(new ReportCounts(12, 0, 0, 0, 0), 3));

        assertThat(lineage.brokenLink().map(Lineage.BrokenLink::stage)).isEqualTo(Optional.ofNullable(stage));
        lineage.brokenLink().ifPresent(b -> assertThat(b.message()).isEqualTo(message));
        assertThat(lineage.stage(LineageStage.APPLICATIONS))
                .extracting(LineageNode::name)
                .containsExactly(spoke + "-kyverno", spoke + "-kyverno-policies");
        assertThat(lineage.stage(LineageStage.CONNECTION_SECRET))
                .extracting(LineageNode::label)
                .containsExactly("Secret " + spoke + "-kubeconfig");
    }
}
