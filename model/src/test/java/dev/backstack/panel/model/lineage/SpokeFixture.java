package dev.backstack.panel.model.lineage;

import static dev.backstack.panel.model.TestObjects.yaml;

import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's objects for one AKS spoke {@code aks-1} as the panel's cluster composition leaves
 * them: an {@code AKSCluster} claim, its {@code XAKSCluster}, the composed Azure resources, the
 * Argo CD cluster secret and the Applications the ApplicationSets generate for it.
 */
final class SpokeFixture {

    static final String SPOKE = "aks-1";
    static final String XR = "aks-1-c8v4d";
    static final String SERVER = "https://aks-1.hcp.eastus.azmk8s.io:443";
    static final String READY =
            "{type: Ready, status: 'True', reason: Available, lastTransitionTime: '2026-11-20T10:05:00Z'}";
    static final String SYNCED =
            "{type: Synced, status: 'True', reason: ReconcileSuccess, lastTransitionTime: '2026-11-20T10:00:00Z'}";

    private final List<KubeObject> objects = new ArrayList<>();
    private final List<String> refs = new ArrayList<>();
    private String claimReady = READY;
    private String claimExtra = "";
    private String claimStatusExtra = "";
    private String writeRef = "writeConnectionSecretToRef: {name: aks-1-kubeconfig}";
    private String xrConditions;
    private boolean withClaim = true;
    private boolean withXr = true;

    static SpokeFixture spoke() {
        return new SpokeFixture();
    }

    /** Claim, composite and the three composed resources Ready, kubeconfig published, registered. */
    static SpokeFixture healthy() {
        return spoke().published()
                .managed("ResourceGroup", "aks-1-rg", READY)
                .managed("KubernetesCluster", "aks-1-cluster", READY)
                .clusterSecret(true)
                .app("aks-1-kyverno", "Healthy", null)
                .app("aks-1-kyverno-policies", "Healthy", null);
    }

    SpokeFixture claimReady(String condition) {
        claimReady = condition;
        return this;
    }

    SpokeFixture noClaim() {
        withClaim = false;
        return this;
    }

    SpokeFixture noComposite() {
        withXr = false;
        return this;
    }

    SpokeFixture commit(String sha) {
        claimExtra = "annotations: {backstack.dev/gitops-commit: " + sha + "}";
        return this;
    }

    SpokeFixture noWriteRef() {
        writeRef = "";
        return this;
    }

    SpokeFixture published() {
        claimStatusExtra = "connectionDetails: {lastPublishedTime: '2026-11-20T10:06:00Z'}";
        return this;
    }

    /** The composite's conditions (by default the claim's Synced and Ready). */
    SpokeFixture composite(String conditions) {
        xrConditions = conditions;
        return this;
    }

    SpokeFixture managed(String kind, String name, String readyCondition) {
        return managed(kind, name, SYNCED, readyCondition);
    }

    SpokeFixture managed(String kind, String name, String syncedCondition, String readyCondition) {
        refs.add("{apiVersion: containerservice.azure.upbound.io/v1beta2, kind: " + kind + ", name: " + name + "}");
        objects.add(yaml("""
                apiVersion: containerservice.azure.upbound.io/v1beta2
                kind: %s
                metadata:
                  name: %s
                  creationTimestamp: '2026-11-20T10:00:30Z'
                  labels: {crossplane.io/composite: %s, crossplane.io/claim-name: %s}
                status:
                  conditions: [%s, %s]
                """.formatted(kind, name, XR, SPOKE, syncedCondition, readyCondition)));
        return this;
    }

    /** A reference from the composite to a resource the hub's objects do not contain. */
    SpokeFixture unreadManaged(String kind, String name) {
        refs.add("{apiVersion: containerservice.azure.upbound.io/v1beta2, kind: " + kind + ", name: " + name + "}");
        return this;
    }

    /** The kubeconfig secret itself, as a store that watched every secret would hold it. */
    SpokeFixture kubeconfigSecret() {
        objects.add(yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: aks-1-kubeconfig, namespace: default, creationTimestamp: '2026-11-20T10:06:30Z'}
                """));
        return this;
    }

    SpokeFixture clusterSecret(boolean labelledSpoke) {
        objects.add(yaml("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: argocd
                  creationTimestamp: '2026-11-20T10:07:00Z'
                  labels: {argocd.argoproj.io/secret-type: cluster%s}
                cluster: {name: %s, server: '%s'}
                """.formatted(SPOKE, labelledSpoke ? ", clusterType: spoke" : "", SPOKE, SERVER)));
        return this;
    }

    SpokeFixture app(String name, String health, String message) {
        objects.add(yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd, creationTimestamp: '2026-11-20T10:08:00Z'}
                spec:
                  project: default
                  destination: {server: '%s', namespace: kyverno}
                status:
                  health: {status: %s, message: %s, lastTransitionTime: '2026-11-20T10:12:00Z'}
                  sync: {status: Synced}
                  operationState: {phase: Succeeded, finishedAt: '2026-11-20T10:10:00Z'}
                """.formatted(name, SERVER, health, message == null ? "null" : "'" + message + "'")));
        return this;
    }

    /** An Application of another cluster, which must not appear in this spoke's lineage. */
    SpokeFixture otherApp(String name) {
        objects.add(yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd}
                spec: {destination: {server: 'https://kubernetes.default.svc'}}
                status: {health: {status: Degraded}, sync: {status: Synced}}
                """.formatted(name)));
        return this;
    }

    ObjectSet build() {
        List<KubeObject> out = new ArrayList<>(objects);
        if (withClaim) {
            out.add(yaml("""
                    apiVersion: backstack.dev/v1alpha1
                    kind: AKSCluster
                    metadata:
                      name: team-a-spoke
                      namespace: default
                      creationTimestamp: '2026-11-20T09:59:00Z'
                      %s
                    spec:
                      parameters: {id: %s, region: eastus, version: '1.31', nodes: {count: 2, instanceType: Standard_D2s_v3}}
                      resourceRef: {apiVersion: backstack.dev/v1alpha1, kind: XAKSCluster, name: %s}
                      %s
                    status:
                      conditions: [%s, %s]
                      %s
                    """.formatted(claimExtra, SPOKE, XR, writeRef, SYNCED, claimReady, claimStatusExtra)));
        }
        if (withXr) {
            out.add(yaml("""
                    apiVersion: backstack.dev/v1alpha1
                    kind: XAKSCluster
                    metadata:
                      name: %s
                      creationTimestamp: '2026-11-20T09:59:05Z'
                      labels: {crossplane.io/claim-name: team-a-spoke, crossplane.io/claim-namespace: default}
                    spec:
                      resourceRefs: [%s]
                    status:
                      conditions: [%s]
                    """.formatted(
                    XR, String.join(", ", refs), xrConditions == null ? SYNCED + ", " + claimReady : xrConditions)));
        }
        return ObjectSet.of(out);
    }
}
