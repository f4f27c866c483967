package dev.backstack.panel.installer.demo;

import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.installer.apply.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Kyverno's reports in the demo fleet. Every spoke has aggregated {@code wgpolicyk8s.io}
 * PolicyReports whose failures drift over time; a spoke with {@code openReports} also has what
 * Kyverno writes with {@code openreports.enabled}: one {@code openreports.io} Report per Pod
 * (named by the Pod's uid, scoped to it) for the {@value #OPEN_NAMESPACE} namespace, holding the
 * same results as the PolicyReport (so the panel must not count them twice) plus a warning of its
 * own, and a ClusterReport about that Namespace.
 */
final class DemoReports {

    static final String WG = "wgpolicyk8s.io/v1alpha2";
    static final String OPEN = "openreports.io/v1alpha1";
    static final String OPEN_NAMESPACE = "payments";
    static final List<String> NAMESPACES = List.of("default", "payments", "web");

    private DemoReports() {}

    /** The reports a spoke starts with; their results are written by {@link #tick}. */
    static List<GenericKubernetesResource> seed(DemoFleetSpec.Spoke spoke) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (String ns : NAMESPACES) {
            out.add(Manifests.of(WG, "PolicyReport", ns, "polr-" + ns).build());
        }
        if (spoke.openReports()) {
            for (int i = 0; i < DemoSeed.SPOKE_POLICIES.size(); i++) {
                String pod = pod(OPEN_NAMESPACE, i);
                out.add(Manifests.of(OPEN, "Report", OPEN_NAMESPACE, uid(OPEN_NAMESPACE, pod))
                        .label("app.kubernetes.io/managed-by", "kyverno")
                        .set("scope", map("apiVersion", "v1", "kind", "Pod", "namespace", OPEN_NAMESPACE, "name", pod))
                        .build());
            }
            out.add(Manifests.of(OPEN, "ClusterReport", null, uid("", OPEN_NAMESPACE))
                    .label("app.kubernetes.io/managed-by", "kyverno")
                    .set("scope", map("apiVersion", "v1", "kind", "Namespace", "name", OPEN_NAMESPACE))
                    .set("summary", map("pass", 1, "fail", 0, "warn", 0, "error", 0, "skip", 0))
                    .set(
                            "results",
                            list(map(
                                    "source",
                                    "kyverno",
                                    "policy",
                                    "disallow-host-namespaces",
                                    "rule",
                                    "host-namespaces",
                                    "result",
                                    "pass",
                                    "message",
                                    "validation rule 'host-namespaces' passed.")))
                    .build());
        }
        return out;
    }

    /** One pass at {@code t} seconds: the reports of a spoke (weight 3 fails more) or of the hub. */
    static void tick(DemoWriter w, DemoFleetSpec.Spoke spoke, int t, int weight) {
        for (String ns : NAMESPACES) {
            policyReport(w, ns, "polr-" + ns, DemoSeed.SPOKE_POLICIES, t, weight);
        }
        if (spoke.openReports()) {
            for (int i = 0; i < DemoSeed.SPOKE_POLICIES.size(); i++) {
                openReport(w, i, t, weight);
            }
        }
    }

    /** Whether policy {@code i}'s result in namespace {@code ns} fails at {@code t}: drifts every ten seconds. */
    static boolean failing(int i, String ns, int t, int weight) {
        return (i + t / 10) % (4 + ns.length() % 3) < weight;
    }

    static String pod(String ns, int i) {
        return ns + "-app-" + i;
    }

    /** A PolicyReport whose failures drift over time, so compliance visibly changes. */
    static void policyReport(DemoWriter w, String ns, String name, List<String> policies, int t, int weight) {
        List<Object> results = new ArrayList<>();
        long fail = 0;
        for (int i = 0; i < policies.size(); i++) {
            boolean failing = failing(i, ns, t, weight);
            results.add(
                    result(policies.get(i), failing, list(map("kind", "Pod", "namespace", ns, "name", pod(ns, i)))));
            fail += failing ? 1 : 0;
        }
        update(w, WG, "PolicyReport", ns, name, summary(policies.size() - fail, fail, 0), results);
    }

    private static void openReport(DemoWriter w, int i, int t, int weight) {
        String policy = DemoSeed.SPOKE_POLICIES.get(i);
        boolean failing = failing(i, OPEN_NAMESPACE, t, weight);
        List<Object> results = new ArrayList<>();
        results.add(result(policy, failing, null));
        if (i == 0) {
            results.add(map(
                    "source",
                    "kyverno",
                    "policy",
                    "require-requests-limits",
                    "rule",
                    "memory-limit",
                    "result",
                    "warn",
                    "severity",
                    "medium",
                    "message",
                    "validation warning: a memory limit is recommended for container app"));
        }
        update(
                w,
                OPEN,
                "Report",
                OPEN_NAMESPACE,
                uid(OPEN_NAMESPACE, pod(OPEN_NAMESPACE, i)),
                summary(failing ? 0 : 1, failing ? 1 : 0, i == 0 ? 1 : 0),
                results);
    }

    private static Map<String, Object> result(String policy, boolean failing, List<Object> resources) {
        Map<String, Object> r = map(
                "source",
                "kyverno",
                "policy",
                policy,
                "rule",
                policy,
                "result",
                failing ? "fail" : "pass",
                "message",
                failing ? "validation error: rule " + policy + " failed" : "rule passed");
        if (resources != null) {
            r.put("resources", resources);
        }
        return r;
    }

    private static Map<String, Object> summary(long pass, long fail, long warn) {
        return map("pass", pass, "fail", fail, "warn", warn, "error", 0, "skip", 0);
    }

    private static void update(
            DemoWriter w,
            String apiVersion,
            String kind,
            String ns,
            String name,
            Map<String, Object> summary,
            List<Object> results) {
        GenericKubernetesResource current =
                w.op(apiVersion, kind, ns).withName(name).get();
        // Compared as JSON, summary and results: read back, the counts are Integers where the
        // summary holds Longs (Map.equals never matched, so every pass rewrote every report).
        if (current == null
                || (w.sameJson(summary, current.getAdditionalProperties().get("summary"))
                        && w.sameJson(results, current.getAdditionalProperties().get("results")))) {
            return;
        }
        current.setAdditionalProperty("summary", summary);
        current.setAdditionalProperty("results", results);
        w.op(apiVersion, kind, ns).resource(current).update();
    }

    /** A stable uid-like name, as Kyverno names a per-resource report after its resource's uid. */
    static String uid(String ns, String name) {
        return UUID.nameUUIDFromBytes((ns + "/" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
