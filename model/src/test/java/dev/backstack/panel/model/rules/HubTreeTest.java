package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubTreeTest {

    @Test
    void buildsClaimCompositeAndReleasesInReferenceOrder() {
        ObjectSet objects = HubFixture.hub()
                .release("cert-manager", "cert-manager", "cert-manager", HubFixture.READY)
                .release("argocd", "argo-cd", "argocd", HubFixture.READY)
                .build();

        List<ObjectNode> hubs = HubTree.hubs(objects);

        assertThat(hubs).hasSize(1);
        ObjectNode claim = hubs.get(0);
        assertThat(claim.label()).isEqualTo("Hub hub");
        assertThat(claim.namespace()).isEqualTo("default");
        assertThat(claim.children()).extracting(ObjectNode::label).containsExactly("XHub hub-x7k2");
        assertThat(claim.children().get(0).children())
                .extracting(ObjectNode::label)
                .containsExactly("Release hub-x7k2-cert-manager", "Release hub-x7k2-argocd");
        assertThat(claim.rolledUp().health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void missingCompositeIsAMissingChildOfTheClaim() {
        KubeObject claim = yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: Hub
                metadata: {name: hub, namespace: default}
                spec: {resourceRef: {apiVersion: backstack.dev/v1alpha1, kind: XHub, name: hub-gone}}
                status: {conditions: [{type: Synced, status: 'True'}, {type: Ready, status: 'True'}]}
                """);

        ObjectNode tree = HubTree.claimTree(claim, ObjectSet.of(List.of(claim)));

        assertThat(tree.children()).extracting(ObjectNode::label).containsExactly("XHub hub-gone");
        assertThat(tree.rolledUp().health()).isEqualTo(Health.MISSING);
        assertThat(tree.rolledUp().reason().orElseThrow().path()).containsExactly("Hub hub", "XHub hub-gone");
    }

    @Test
    void claimWithoutResourceRefHasNoChildrenAndItsOwnHealth() {
        KubeObject claim = yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: Hub
                metadata: {name: hub, namespace: default}
                spec: {parameters: {clusterId: local}}
                """);
        ObjectNode tree = HubTree.claimTree(claim, ObjectSet.of(List.of(claim)));
        assertThat(tree.children()).isEmpty();
        assertThat(tree.rolledUp().health()).isEqualTo(Health.PROGRESSING);
    }

    @Test
    void readsCrossplaneV2ResourceRefs() {
        KubeObject xr = yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: XHub
                metadata: {name: hub-v2}
                spec:
                  crossplane:
                    resourceRefs: [{apiVersion: helm.crossplane.io/v1beta1, kind: Release, name: hub-v2-backstage}]
                """);
        ObjectNode tree = HubTree.compositeTree(xr, ObjectSet.of(List.of(xr)));
        assertThat(tree.children()).extracting(ObjectNode::label).containsExactly("Release hub-v2-backstage");
        assertThat(tree.children().get(0).own().health()).isEqualTo(Health.MISSING);
    }

    @Test
    void fallsBackToObjectsLabelledWithTheComposite() {
        KubeObject xr = yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: XHub
                metadata: {name: hub-x}
                spec: {}
                """);
        KubeObject mine = yaml("""
                apiVersion: kubernetes.crossplane.io/v1alpha1
                kind: Object
                metadata: {name: hub-x-secret, labels: {crossplane.io/composite: hub-x}}
                """);
        KubeObject other = yaml("""
                apiVersion: helm.crossplane.io/v1beta1
                kind: Release
                metadata: {name: other-backstage, labels: {crossplane.io/composite: other}}
                """);
        ObjectNode tree = HubTree.compositeTree(xr, ObjectSet.of(List.of(xr, mine, other)));
        assertThat(tree.children()).extracting(ObjectNode::label).containsExactly("Object hub-x-secret");
    }

    @Test
    void pathToFindsANodeAndAlongPathPutsItsReasonUnderTheAncestors() {
        String failing = "{type: Ready, status: 'False', reason: ReconcileError, message: 'chart not found'}";
        ObjectNode hub = HubTree.hubs(HubFixture.hub()
                        .release("argocd", "argo-cd", "argocd", HubFixture.READY)
                        .release("vault", "vault", "vault", failing)
                        .build())
                .get(0);

        List<ObjectNode> path =
                HubTree.pathTo(hub, n -> n.name().equals("hub-x7k2-vault")).orElseThrow();

        assertThat(path)
                .extracting(ObjectNode::label)
                .containsExactly("Hub hub", "XHub hub-x7k2", "Release hub-x7k2-vault");
        assertThat(HubTree.alongPath(path).health()).isEqualTo(Health.DEGRADED);
        assertThat(HubTree.alongPath(path).reason().orElseThrow().path())
                .containsExactly("Hub hub", "XHub hub-x7k2", "Release hub-x7k2-vault");
        assertThat(HubTree.pathTo(hub, n -> n.name().equals("nope"))).isEmpty();
    }
}
