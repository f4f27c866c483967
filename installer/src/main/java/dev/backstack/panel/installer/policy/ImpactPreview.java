package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.policy.cel.CelCompileException;
import dev.backstack.panel.installer.policy.cel.CelPolicyProgram;
import dev.backstack.panel.installer.policy.cel.ImpactEvaluator;
import dev.backstack.panel.installer.policy.cel.PreparedObjects;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.policy.PolicySelection;
import dev.backstack.panel.model.policy.ResourceMatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact preview on one cluster: each selected policy's CEL evaluated in-process against the
 * objects of its kinds that exist now (each kind listed once, a page at a time), next to the
 * failing results Kyverno already reported for a policy of the same name (both report groups).
 * Blocking; call it off the FX thread; interrupting it cancels.
 */
final class ImpactPreview {

    static final List<ResourceMatch> REPORTS = List.of(
            new ResourceMatch("wgpolicyk8s.io", "v1alpha2", "PolicyReport", "policyreports", true),
            new ResourceMatch("wgpolicyk8s.io", "v1alpha2", "ClusterPolicyReport", "clusterpolicyreports", false),
            new ResourceMatch("openreports.io", "v1alpha1", "Report", "reports", true),
            new ResourceMatch("openreports.io", "v1alpha1", "ClusterReport", "clusterreports", false));

    private final String cluster;
    private final ObjectLister lister;
    static final ResourceMatch NAMESPACES = new ResourceMatch("", "v1", "Namespace", "namespaces", false);

    private final Map<ResourceMatch, List<Map<String, Object>>> cache = new HashMap<>();
    private final Map<List<ResourceMatch>, PreparedObjects> preparedCache = new HashMap<>();

    ImpactPreview(String cluster, KubernetesClient client) {
        this.cluster = cluster;
        this.lister = new ObjectLister(client);
    }

    List<PolicyImpact> assess(List<PolicySelection> selections) throws InterruptedException {
        List<Map<String, Object>> reports = new ArrayList<>();
        for (ResourceMatch r : REPORTS) {
            reports.addAll(objects(r));
        }
        List<PolicyImpact> out = new ArrayList<>();
        for (PolicySelection s : selections) {
            out.add(assess(s, reports));
        }
        return out;
    }

    private PolicyImpact assess(PolicySelection s, List<Map<String, Object>> reports) throws InterruptedException {
        List<PolicyImpact.ReportedResult> reported = reported(s.entry().id(), reports);
        try {
            PolicyRenderer.RenderedRules rules = PolicyRenderer.rules(s);
            CelPolicyProgram program = CelPolicyProgram.compile(rules.variables(), rules.validations());
            var report = new ImpactEvaluator(program, s.entry().matches(), s.excludedNamespaces())
                    .assess(prepared(s.entry().matches()));
            return new PolicyImpact(cluster, s, report, reported, null);
        } catch (CelCompileException e) {
            return new PolicyImpact(cluster, s, null, reported, "its CEL does not compile: " + e.getMessage());
        } catch (KubernetesClientException e) {
            return new PolicyImpact(cluster, s, null, reported, "cannot list its objects: " + reason(e));
        }
    }

    /**
     * The objects of these kinds, with the cluster's Namespaces (the rules' {@code namespaceObject}),
     * converted for CEL once and shared by every policy of the same kinds.
     */
    private PreparedObjects prepared(List<ResourceMatch> kinds) throws InterruptedException {
        PreparedObjects p = preparedCache.get(kinds);
        if (p == null) {
            List<Map<String, Object>> objects = new ArrayList<>(objects(NAMESPACES));
            for (ResourceMatch m : kinds) {
                objects.addAll(objects(m));
            }
            p = PreparedObjects.of(objects);
            preparedCache.put(kinds, p);
        }
        return p;
    }

    private List<Map<String, Object>> objects(ResourceMatch kind) throws InterruptedException {
        List<Map<String, Object>> cached = cache.get(kind);
        if (cached == null) {
            try {
                cached = lister.list(kind);
            } catch (KubernetesClientException e) {
                if (REPORTS.contains(kind) || kind.equals(NAMESPACES)) {
                    cached = List.of();
                } else {
                    throw e;
                }
            }
            cache.put(kind, cached);
        }
        return cached;
    }

    static String reason(KubernetesClientException e) {
        if (e.getCode() > 0) {
            return "HTTP " + e.getCode()
                    + (e.getStatus() == null ? "" : " " + e.getStatus().getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static List<PolicyImpact.ReportedResult> reported(String policy, List<Map<String, Object>> reports) {
        List<PolicyImpact.ReportedResult> out = new ArrayList<>();
        for (Map<String, Object> report : reports) {
            for (Object r : Fields.list(report, "results")) {
                if (!(r instanceof Map<?, ?> result)
                        || !policy.equals(result.get("policy"))
                        || !"fail".equals(result.get("result"))) {
                    continue;
                }
                List<?> resources = Fields.list(result, "resources");
                Map<?, ?> subject = resources.isEmpty()
                        ? Fields.map(report, "scope")
                        : resources.get(0) instanceof Map<?, ?> m ? m : Map.of();
                out.add(new PolicyImpact.ReportedResult(
                        String.valueOf(
                                subject.get("namespace") == null
                                        ? Fields.str(report, "metadata", "namespace")
                                        : subject.get("namespace")),
                        String.valueOf(subject.get("kind")),
                        String.valueOf(subject.get("name")),
                        String.valueOf(result.get("message"))));
            }
        }
        return out;
    }
}
