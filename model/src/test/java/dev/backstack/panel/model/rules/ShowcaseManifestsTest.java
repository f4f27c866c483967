package dev.backstack.panel.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.Showcase;
import dev.backstack.panel.model.TestObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules on the reference implementation's own manifests (../shared/backstack-showcase). */
class ShowcaseManifestsTest {

    /** The showcase's Crossplane guardrails enforce; its pod-security set audits (read from the files). */
    static final Set<String> ENFORCING =
            Set.of("limit-node-count-policy", "restrict-node-size-policy", "validate-cluster-name-policy");

    static List<KubeObject> objectsUnder(String dir) {
        List<KubeObject> out = new ArrayList<>();
        for (Path file : Showcase.yamlFiles(dir)) {
            TestObjects.parseAll(file).stream().map(TestObjects::fromMap).forEach(out::add);
        }
        return out;
    }

    @Test
    void everyDocumentOfTheShowcaseParsesIntoAnObjectWithKindAndName() {
        List<Path> files = Showcase.yamlFiles(".");
        assertThat(files).hasSizeGreaterThanOrEqualTo(25);
        int documents = 0;
        for (Path file : files) {
            List<Map<String, Object>> docs = TestObjects.parseAll(file);
            assertThat(docs).as(file.toString()).isNotEmpty();
            for (Map<String, Object> doc : docs) {
                KubeObject o = TestObjects.fromMap(doc);
                assertThat(o.apiVersion()).as(file + " apiVersion").isNotBlank();
                assertThat(o.kind()).as(file + " kind").isNotBlank();
                assertThat(o.name()).as(file + " name").isNotBlank();
                assertThat(o.body()).as(file + " body").doesNotContainKey("metadata");
                documents++;
            }
        }
        assertThat(documents).isGreaterThan(files.size());
    }

    @Test
    @DisplayName(
            "the showcase Kyverno policies parse, their mode is what their spec says, and without status they are Unknown")
    void kyvernoPoliciesHaveTheirModeAndAreProgressingWithoutStatus() {
        List<KubeObject> policies = objectsUnder("kyverno/policies");

        assertThat(policies).hasSize(14).allSatisfy(p -> assertThat(p.kindRef()).isEqualTo(Kinds.CLUSTER_POLICY));
        List<PolicyStatus> statuses = ClusterAssembler.policies(ObjectSet.of(policies));
        assertThat(statuses).hasSize(14);
        for (PolicyStatus s : statuses) {
            assertThat(s.mode()).as(s.name()).isEqualTo(ENFORCING.contains(s.name()) ? "Enforce" : "Audit");
            assertThat(s.assessment().health()).as(s.name()).isEqualTo(Health.PROGRESSING);
            assertThat(s.namespace()).isEmpty();
        }
        assertThat(statuses).extracting(PolicyStatus::name).containsAll(ENFORCING);
    }

    @Test
    void argoApplicationSetsAndApplicationParse() {
        List<KubeObject> argo = objectsUnder("argocd");
        assertThat(argo)
                .extracting(KubeObject::kindRef)
                .containsExactlyInAnyOrder(Kinds.APPLICATION, Kinds.APPLICATION_SET, Kinds.APPLICATION_SET);
        assertThat(argo)
                .filteredOn(o -> o.kindRef().equals(Kinds.APPLICATION_SET))
                .extracting(KubeObject::name)
                .containsExactlyInAnyOrder("kyverno", "kyverno-policies");

        List<ApplicationStatus> apps = ClusterAssembler.applications(ObjectSet.of(argo));
        assertThat(apps).hasSize(1);
        ApplicationStatus clusters = apps.get(0);
        assertThat(clusters.name()).isEqualTo("clusters");
        assertThat(clusters.namespace()).isEqualTo("argocd");
        assertThat(clusters.health()).as("no status yet").isEqualTo(Health.UNKNOWN);
        assertThat(clusters.syncStatus()).isEqualTo("Unknown");
        assertThat(clusters.targets(null, "in-cluster")).isTrue();
        assertThat(clusters.assessment().health()).isEqualTo(Health.UNKNOWN);
    }

    @Test
    @DisplayName("an application generated from the kyverno ApplicationSet is attached to the spoke it targets")
    void applicationSetTemplateTargetsTheSpokeFromItsClusterSecret() throws IOException {
        String appSet = Files.readString(Showcase.file("argocd/appsets/appset_kyverno.yaml"));
        Map<?, ?> template = Fields.map(
                TestObjects.parse(appSet.replace("{{name}}", "aks-1")
                        .replace("{{server}}", "https://aks-1.hcp.eastus.azmk8s.io:443")),
                "spec",
                "template");
        String generated = """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd}
                """.formatted(Fields.str(template, "metadata", "name"));
        Map<String, Object> app = TestObjects.parse(generated);
        app.put("spec", template.get("spec"));
        app.put(
                "status",
                Map.of(
                        "health",
                        Map.of("status", "Degraded"),
                        "sync",
                        Map.of("status", "OutOfSync"),
                        "operationState",
                        Map.of("phase", "Failed", "retryCount", 30, "message", "CRD too long")));
        KubeObject secret =
                SpokeDetectorTest.clusterSecret("aks-1", "aks-1", "https://aks-1.hcp.eastus.azmk8s.io:443", "spoke");

        List<Cluster> spokes = SpokeDetector.detect(ObjectSet.of(List.of(secret, TestObjects.fromMap(app))), List.of());

        assertThat(spokes).hasSize(1);
        assertThat(spokes.get(0).applications())
                .extracting(ApplicationStatus::name)
                .containsExactly("aks-1-kyverno");
        assertThat(spokes.get(0).health()).isEqualTo(Health.DEGRADED);
        assertThat(spokes.get(0).assessment().reason().orElseThrow().message())
                .contains("retry 30")
                .contains("CRD too long");
    }

    @Test
    @DisplayName(
            "the Configuration, Function and Providers the installer applies are Progressing until they report, never Healthy")
    void crossplanePackagesWithoutStatusAreProgressing() {
        List<KubeObject> packages = new ArrayList<>(Showcase.objects("bundle/manifests/back-stack.yaml"));
        packages.addAll(Showcase.objects("bundle/manifests/providers/providers.yaml"));

        assertThat(packages).hasSize(11);
        assertThat(packages)
                .extracting(KubeObject::kindRef)
                .containsOnly(Kinds.CONFIGURATION, Kinds.FUNCTION, Kinds.PROVIDER);
        for (KubeObject p : packages) {
            assertThat(CrossplaneRules.isPackage(p)).as(p.displayName()).isTrue();
            Assessment a = CrossplaneRules.assess(p);
            assertThat(a.health()).as(p.displayName()).isEqualTo(Health.PROGRESSING);
        }

        List<KubeObject> cluster = new ArrayList<>(packages);
        cluster.addAll(
                HubFixture.plain().deployment("crossplane-system", "crossplane").objects());
        Component crossplane = ComponentDetector.detect(ObjectSet.of(cluster)).stream()
                .filter(c -> c.kind() == ComponentKind.CROSSPLANE)
                .findFirst()
                .orElseThrow();
        assertThat(crossplane.health()).isEqualTo(Health.PROGRESSING);
        assertThat(crossplane.tree()).hasSize(12);
    }

    @Test
    void runtimeConfigAndProviderConfigsAreNotPackages() {
        List<KubeObject> others = new ArrayList<>(Showcase.objects("bundle/manifests/providers/runtime-config.yaml"));
        others.addAll(Showcase.objects("bundle/manifests/providers/provider-configs.yaml"));
        assertThat(others).isNotEmpty().noneMatch(CrossplaneRules::isPackage);
    }

    static Stream<Arguments> definitions() {
        return Stream.of(
                Arguments.of("crossplane/apis/hub/definition.yaml", Kinds.XHUB, Kinds.HUB),
                Arguments.of("crossplane/apis/cluster/aks/definition.yaml", Kinds.XAKS_CLUSTER, Kinds.AKS_CLUSTER),
                Arguments.of("crossplane/apis/cluster/eks/definition.yaml", Kinds.XEKS_CLUSTER, Kinds.EKS_CLUSTER));
    }

    @ParameterizedTest(name = "{0} defines {1} and claim {2}")
    @MethodSource("definitions")
    void referenceXrdsDefineTheKindsThePanelReads(String file, KindRef composite, KindRef claim) {
        KubeObject xrd = Showcase.objects(file).get(0);
        assertThat(xrd.kindRef()).isEqualTo(Kinds.XRD);
        assertThat(Fields.str(xrd.spec(), "group")).isEqualTo(composite.group()).isEqualTo(claim.group());
        assertThat(Fields.str(xrd.spec(), "names", "kind")).isEqualTo(composite.kind());
        assertThat(Fields.str(xrd.spec(), "claimNames", "kind")).isEqualTo(claim.kind());
        assertThat(CrossplaneRules.assess(xrd).health()).as("no status yet").isEqualTo(Health.PROGRESSING);
    }

    @Test
    void compositionComposesTheHubDefinedByTheXrd() {
        KubeObject composition =
                Showcase.objects("crossplane/apis/hub/composition.yaml").get(0);
        assertThat(KindRef.of(
                        Fields.str(composition.spec(), "compositeTypeRef", "apiVersion"),
                        Fields.str(composition.spec(), "compositeTypeRef", "kind")))
                .isEqualTo(Kinds.XHUB);
    }

    @Test
    @DisplayName(
            "cluster requests rendered from the Backstage templates are spokes named by their id, Progressing (provisioning, as Argo CD says) until Crossplane reports")
    void renderedClusterClaimsAreSpokes() throws IOException {
        List<KubeObject> claims = new ArrayList<>();
        for (String[] t : new String[][] {{"aks", "aks-team-a"}, {"eks", "eks-team-b"}}) {
            String text = Files.readString(Showcase.file("backstage/catalog/templates/cluster/" + t[0]
                    + "/skeleton/example." + t[0].toUpperCase() + "Cluster.yaml"));
            String rendered = text.replace("${{ values.cluster_id }}", t[1])
                    .replace("${{ values.region }}", "eu-west-1")
                    .replace("${{ values.version }}", "1.28.5")
                    .replace("${{ values.nodes_count }}", "3")
                    .replace("${{ values.nodes_instance_type }}", "small")
                    .replace("${{ values.iam_role_arn}}", "arn:x");
            assertThat(rendered).doesNotContain("${{");
            claims.add(TestObjects.yaml(rendered));
        }
        assertThat(claims).extracting(KubeObject::kindRef).containsExactly(Kinds.AKS_CLUSTER, Kinds.EKS_CLUSTER);

        List<Cluster> spokes = SpokeDetector.detect(ObjectSet.of(claims), List.of());

        assertThat(spokes).extracting(Cluster::name).containsExactly("aks-team-a", "eks-team-b");
        assertThat(spokes.get(0).sources()).containsExactly("AKSCluster claim");
        assertThat(spokes.get(1).sources()).containsExactly("EKSCluster claim");
        assertThat(spokes).allSatisfy(s -> {
            assertThat(s.claim()).map(Assessment::health).contains(Health.PROGRESSING);
            assertThat(s.health()).isEqualTo(Health.PROGRESSING);
        });
    }
}
