package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;

import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A hub cluster laid out as the reference implementation leaves it: a {@code Hub} claim whose
 * {@code spec.resourceRef} names an {@code XHub}, whose {@code spec.resourceRefs} list the
 * provider-helm Releases of the charts, plus the workloads those charts run.
 */
final class HubFixture {

    static final String CLAIM = "hub";
    static final String XR = "hub-x7k2";
    static final String READY = "{type: Ready, status: 'True', reason: Available}";

    private final List<KubeObject> objects = new ArrayList<>();
    private final List<String> refs = new ArrayList<>();
    private boolean withHub;
    private String hubReady = READY;

    /** The claim and composite, both Ready, referencing every Release added afterwards. */
    static HubFixture hub() {
        HubFixture f = new HubFixture();
        f.withHub = true;
        return f;
    }

    /** The Ready condition of the claim and composite (Crossplane: not Ready while a Release is not). */
    HubFixture hubReady(String readyCondition) {
        hubReady = readyCondition;
        return this;
    }

    static HubFixture plain() {
        return new HubFixture();
    }

    /** A Release {@code hub-x7k2-<suffix>} of a chart, Synced, with the given Ready condition. */
    HubFixture release(String suffix, String chart, String namespace, String readyCondition) {
        return release(suffix, chart, namespace, readyCondition, "{}");
    }

    HubFixture release(String suffix, String chart, String namespace, String readyCondition, String values) {
        String name = XR + "-" + suffix;
        refs.add(name);
        objects.add(yaml("""
                apiVersion: helm.crossplane.io/v1beta1
                kind: Release
                metadata:
                  name: %s
                  generation: 1
                  labels: {crossplane.io/composite: %s, crossplane.io/claim-name: %s}
                spec:
                  forProvider:
                    namespace: %s
                    chart: {name: %s, repository: 'https://charts.example.com', version: 1.2.3}
                    values: %s
                status:
                  conditions:
                  - {type: Synced, status: 'True', reason: ReconcileSuccess}
                  - %s
                """.formatted(name, XR, CLAIM, namespace, chart, values, readyCondition)));
        return this;
    }

    /** A reference from the composite to a Release that does not exist. */
    HubFixture missingRelease(String suffix) {
        refs.add(XR + "-" + suffix);
        return this;
    }

    /** A healthy Deployment with one available replica. */
    HubFixture deployment(String namespace, String name, String image, Map<String, String> labels) {
        objects.add(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s, generation: 2, labels: %s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app.kubernetes.io/name: %s}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: %s}}
                    spec: {containers: [{name: main, image: '%s'}]}
                status: {observedGeneration: 2, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1}
                """.formatted(name, namespace, flow(labels), name, name, image)));
        return this;
    }

    HubFixture deployment(String namespace, String name) {
        return deployment(namespace, name, "registry.example.com/" + name + ":1.0.0", Map.of());
    }

    /** A pod of the deployment {@code owner} (matched by its selector), with the given status. */
    HubFixture pod(String namespace, String owner, String podName, String status) {
        objects.add(yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: %s, labels: {app.kubernetes.io/name: %s, pod-template-hash: 5d9f}}
                status: %s
                """.formatted(podName, namespace, owner, status)));
        return this;
    }

    HubFixture add(KubeObject object) {
        objects.add(object);
        return this;
    }

    /** Everything a complete, healthy BACK stack hub runs, installed through the Hub composition. */
    HubFixture healthyBackStack() {
        release("cert-manager", "cert-manager", "cert-manager", READY);
        release("argocd", "argo-cd", "argocd", READY);
        release("backstage", "backstage", "backstage", READY);
        release("kyverno", "kyverno", "kyverno", READY);
        release("kyverno-policies", "kyverno-policies", "kyverno", READY);
        release("vault", "vault", "vault", READY);
        for (String d : List.of("argocd-server", "argocd-repo-server", "argocd-applicationset-controller")) {
            deployment("argocd", d);
        }
        deployment("backstage", "backstage");
        for (String d : List.of("kyverno-admission-controller", "kyverno-background-controller")) {
            deployment("kyverno", d);
        }
        deployment("crossplane-system", "crossplane");
        deployment("crossplane-system", "crossplane-rbac-manager");
        deployment("cert-manager", "cert-manager");
        deployment("vault", "vault-agent-injector");
        return this;
    }

    List<KubeObject> objects() {
        List<KubeObject> all = new ArrayList<>(objects);
        if (withHub) {
            String resourceRefs = refs.stream()
                    .map(n -> "{apiVersion: helm.crossplane.io/v1beta1, kind: Release, name: " + n + "}")
                    .collect(Collectors.joining(", ", "[", "]"));
            all.add(yaml("""
                    apiVersion: backstack.dev/v1alpha1
                    kind: Hub
                    metadata: {name: %s, namespace: default, generation: 1}
                    spec:
                      parameters: {clusterId: local}
                      resourceRef: {apiVersion: backstack.dev/v1alpha1, kind: XHub, name: %s}
                    status:
                      conditions:
                      - {type: Synced, status: 'True'}
                      - %s
                    """.formatted(CLAIM, XR, hubReady)));
            all.add(yaml("""
                    apiVersion: backstack.dev/v1alpha1
                    kind: XHub
                    metadata: {name: %s, generation: 1, labels: {crossplane.io/claim-name: %s}}
                    spec:
                      claimRef: {apiVersion: backstack.dev/v1alpha1, kind: Hub, name: %s, namespace: default}
                      resourceRefs: %s
                    status:
                      conditions:
                      - {type: Synced, status: 'True'}
                      - %s
                    """.formatted(XR, CLAIM, CLAIM, resourceRefs, hubReady)));
        }
        return all;
    }

    ObjectSet build() {
        return ObjectSet.of(objects());
    }

    static String flow(Map<String, String> map) {
        Map<String, String> sorted = new LinkedHashMap<>(map);
        return sorted.entrySet().stream()
                .map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
