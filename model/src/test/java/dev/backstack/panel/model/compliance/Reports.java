package dev.backstack.panel.model.compliance;

import static dev.backstack.panel.model.TestObjects.yaml;

import dev.backstack.panel.model.KubeObject;
import java.util.Arrays;
import java.util.List;

/** Report objects of both API groups for the compliance tables, by short name. */
final class Reports {

    private Reports() {}

    /** wgpolicyk8s.io PolicyReport in {@code web}, aggregated style: results name their resources, with a summary. */
    static final String WG_WEB = """
            apiVersion: wgpolicyk8s.io/v1alpha2
            kind: PolicyReport
            metadata: {name: polr-web, namespace: web}
            summary: {pass: 1, fail: 2, warn: 0, error: 0, skip: 0}
            results:
            - {policy: require-ro-rootfs, rule: ro-rootfs, result: fail, message: 'root filesystem must be read-only',
               resources: [{kind: Pod, namespace: web, name: web-1}]}
            - {policy: require-ro-rootfs, rule: ro-rootfs, result: pass, message: ok,
               resources: [{kind: Pod, namespace: web, name: web-2}]}
            - {policy: disallow-host-path, rule: host-path, result: fail, message: 'hostPath volumes are forbidden',
               resources: [{kind: Pod, namespace: web, name: web-2}]}
            """;

    /** openreports.io Report, per-resource style (scope), the same result as WG_WEB's first. */
    static final String OR_WEB_1 = """
            apiVersion: openreports.io/v1alpha1
            kind: Report
            metadata: {name: 6c1d-web-1, namespace: web}
            scope: {apiVersion: v1, kind: Pod, namespace: web, name: web-1}
            summary: {pass: 0, fail: 1, warn: 0, error: 0, skip: 0}
            results:
            - {policy: require-ro-rootfs, rule: ro-rootfs, result: fail, message: 'root filesystem must be read-only',
               source: kyverno}
            """;

    /** openreports.io Report about web-2 that only has a warn for another policy. */
    static final String OR_WEB_2 = """
            apiVersion: openreports.io/v1alpha1
            kind: Report
            metadata: {name: 7a2e-web-2, namespace: web}
            scope: {apiVersion: v1, kind: Pod, namespace: web, name: web-2}
            results:
            - {policy: require-requests-limits, rule: limits, result: warn, message: 'set memory limits'}
            """;

    /** openreports.io ClusterReport about a Namespace, with an error and a skip. */
    static final String OR_CLUSTER = """
            apiVersion: openreports.io/v1alpha1
            kind: ClusterReport
            metadata: {name: 9f3b-ns-payments}
            scope: {apiVersion: v1, kind: Namespace, name: payments}
            results:
            - {policy: require-ns-owner, rule: owner-label, result: error, message: 'context lookup failed'}
            - {policy: require-ns-owner, rule: team-label, result: skip}
            """;

    /** wgpolicyk8s.io ClusterPolicyReport with an aggregated result and no resource. */
    static final String WG_CLUSTER = """
            apiVersion: wgpolicyk8s.io/v1alpha2
            kind: ClusterPolicyReport
            metadata: {name: cpol-limit-node-count}
            results:
            - {policy: limit-node-count, rule: max-nodes, result: pass}
            - {policy: limit-node-count, rule: max-nodes, result: bogus}
            """;

    static List<KubeObject> of(String... docs) {
        return Arrays.stream(docs)
                .map(d -> yaml(
                        switch (d) {
                            case "WG_WEB" -> WG_WEB;
                            case "OR_WEB_1" -> OR_WEB_1;
                            case "OR_WEB_2" -> OR_WEB_2;
                            case "OR_CLUSTER" -> OR_CLUSTER;
                            case "WG_CLUSTER" -> WG_CLUSTER;
                            default -> throw new IllegalArgumentException(d);
                        }))
                .toList();
    }
}
