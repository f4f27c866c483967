package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds each hub component on a cluster and assesses it. A component is recognised by its
 * workloads in its namespaces (plain Helm or manifests) and by a provider-helm {@code Release}
 * of its chart (the reference implementation's Hub composition); its health is the worst of its
 * Release (with the path through the Hub claim and composite), its workloads and their pods, and
 * the objects it owns: Crossplane's packages (Providers, Functions, Configurations) and Kyverno's
 * policies, so a component is never Healthy on its card while its own objects make the hub red.
 * Its tree lists the worst object first; its reason carries a {@link Hints hint} when one is known.
 */
public final class ComponentDetector {

    private static final List<KindRef> WORKLOAD_KINDS = List.of(Kinds.DEPLOYMENT, Kinds.STATEFUL_SET, Kinds.DAEMON_SET);
    private static final List<KindRef> POLICY_KINDS =
            List.of(Kinds.CLUSTER_POLICY, Kinds.POLICY, Kinds.VALIDATING_POLICY);

    private ComponentDetector() {}

    public static List<Component> detect(ObjectSet objects) {
        List<ObjectNode> hubTrees = HubTree.hubs(objects);
        List<Component> out = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            out.add(detect(kind, objects, hubTrees));
        }
        return out;
    }

    static Component detect(ComponentKind kind, ObjectSet objects, List<ObjectNode> hubTrees) {
        List<KubeObject> workloads = workloads(kind, objects);
        Optional<KubeObject> release = release(kind, objects);
        List<ObjectNode> tree = new ArrayList<>();
        List<Assessment> parts = new ArrayList<>();
        release.ifPresent(r -> {
            Optional<List<ObjectNode>> path = hubTrees.stream()
                    .map(t -> HubTree.pathTo(
                            t, n -> n.kind().equals(r.kind()) && n.name().equals(r.name())))
                    .flatMap(Optional::stream)
                    .findFirst();
            Assessment a = path.map(HubTree::alongPath).orElseGet(() -> CrossplaneRules.assess(r));
            parts.add(a);
            tree.add(ObjectNode.leaf(r, CrossplaneRules.assess(r)));
        });
        List<String> pods = new ArrayList<>();
        for (KubeObject w : workloads) {
            List<ObjectNode> podNodes = new ArrayList<>();
            for (KubeObject pod : podsOf(w, objects)) {
                Assessment pa = WorkloadRules.assess(pod);
                podNodes.add(ObjectNode.leaf(pod, pa));
                pods.add(pod.key());
                if (pa.health() == Health.DEGRADED) {
                    parts.add(pa.under(w.displayName()));
                }
            }
            Assessment wa = WorkloadRules.assess(w);
            parts.add(wa);
            tree.add(new ObjectNode(w.kind(), w.namespace(), w.name(), wa, podNodes));
        }
        if (kind == ComponentKind.CROSSPLANE) {
            for (KindRef pkg : List.of(Kinds.CONFIGURATION, Kinds.PROVIDER, Kinds.FUNCTION)) {
                objects.all(pkg).stream()
                        .sorted(Comparator.comparing(KubeObject::name))
                        .forEach(p -> {
                            Assessment pa = CrossplaneRules.assess(p);
                            parts.add(pa);
                            tree.add(ObjectNode.leaf(p, pa));
                        });
            }
            tree.addAll(hubTrees);
        }
        if (kind == ComponentKind.KYVERNO) {
            for (KindRef policyKind : POLICY_KINDS) {
                objects.all(policyKind).stream()
                        .sorted(Comparator.comparing(KubeObject::key))
                        .forEach(p -> {
                            Assessment pa = KyvernoRules.assessPolicy(p);
                            parts.add(pa);
                            tree.add(ObjectNode.leaf(p, pa));
                        });
            }
        }
        List<ObjectNode> sortedTree = ObjectNode.worstFirst(tree);
        boolean installed = !workloads.isEmpty() || release.isPresent();
        if (!installed) {
            String where = String.join(" or ", kind.namespaces());
            return new Component(
                    kind,
                    false,
                    Assessment.of(
                            Health.MISSING,
                            kind.displayName(),
                            "not installed: no workloads in namespace " + where + " and no Helm Release of chart "
                                    + String.join("/", kind.charts())),
                    "",
                    "",
                    null,
                    List.of(),
                    sortedTree,
                    pods);
        }
        Optional<KubeObject> main = mainWorkload(kind, workloads);
        String version = main.map(ComponentDetector::version)
                .filter(v -> !v.isEmpty())
                .orElseGet(() -> release.map(r -> Fields.str(r.spec(), "forProvider", "chart", "version"))
                        .orElse(""));
        List<Condition> conditions = main.map(Condition::listOf)
                .orElseGet(() -> release.map(Condition::listOf).orElse(List.of()));
        Assessment rolled = Assessment.worstOf(parts, healthySummary(workloads));
        if (workloads.isEmpty() && rolled.health() == Health.HEALTHY) {
            rolled = Assessment.of(
                    Health.PROGRESSING,
                    kind.displayName(),
                    "Release is ready but no workloads found yet in namespace "
                            + kind.namespaces().get(0));
        }
        return new Component(
                kind,
                true,
                Hints.apply(rolled),
                version,
                installedBy(release, main),
                url(kind, objects, release),
                conditions,
                sortedTree,
                pods);
    }

    private static String healthySummary(List<KubeObject> workloads) {
        return workloads.size() == 1 ? "1 workload available" : workloads.size() + " workloads available";
    }

    static List<KubeObject> workloads(ComponentKind kind, ObjectSet objects) {
        List<KubeObject> out = new ArrayList<>();
        for (KindRef wk : WORKLOAD_KINDS) {
            for (String ns : kind.namespaces()) {
                out.addAll(objects.inNamespace(wk, ns));
            }
        }
        out.sort(Comparator.comparing(KubeObject::name));
        return out;
    }

    static Optional<KubeObject> release(ComponentKind kind, ObjectSet objects) {
        return objects.all(Kinds.RELEASE).stream()
                .filter(r -> kind.charts().contains(Fields.str(r.spec(), "forProvider", "chart", "name")))
                .min(Comparator.comparing(KubeObject::name));
    }

    /** Pods whose labels match the workload's {@code spec.selector.matchLabels}. */
    static List<KubeObject> podsOf(KubeObject workload, ObjectSet objects) {
        Map<?, ?> selector = Fields.map(workload.spec(), "selector", "matchLabels");
        if (selector.isEmpty()) {
            return List.of();
        }
        return objects.inNamespace(Kinds.POD, workload.namespace()).stream()
                .filter(p -> selector.entrySet().stream()
                        .allMatch(e ->
                                String.valueOf(e.getValue()).equals(p.labels().get(String.valueOf(e.getKey())))))
                .sorted(Comparator.comparing(KubeObject::name))
                .toList();
    }

    static Optional<KubeObject> mainWorkload(ComponentKind kind, List<KubeObject> workloads) {
        return workloads.stream()
                .filter(w -> w.name().equals(kind.mainWorkload()) || w.name().endsWith("-" + kind.mainWorkload()))
                .findFirst()
                .or(() -> workloads.stream().findFirst());
    }

    /** {@code app.kubernetes.io/version}, else the first container image's tag. */
    static String version(KubeObject workload) {
        String label = workload.label("app.kubernetes.io/version");
        if (label != null && !label.isEmpty()) {
            return label;
        }
        List<?> containers = Fields.list(workload.spec(), "template", "spec", "containers");
        if (!containers.isEmpty() && containers.get(0) instanceof Map<?, ?> c) {
            String image = Fields.str(c, "image");
            if (image != null) {
                String noDigest = image.split("@", 2)[0];
                int colon = noDigest.lastIndexOf(':');
                if (colon > noDigest.lastIndexOf('/')) {
                    return noDigest.substring(colon + 1);
                }
            }
        }
        return "";
    }

    static String installedBy(Optional<KubeObject> release, Optional<KubeObject> main) {
        if (release.isPresent()) {
            return "BACK Stack Hub (Release " + release.get().name() + ")";
        }
        if (main.isPresent() && "Helm".equals(main.get().label("app.kubernetes.io/managed-by"))) {
            String instance = main.get().label("app.kubernetes.io/instance");
            return "Helm" + (instance == null ? "" : " release " + instance);
        }
        return "manifests";
    }

    /** The component's UI: an Ingress host in its namespaces, else the host the Release was given. */
    static String url(ComponentKind kind, ObjectSet objects, Optional<KubeObject> release) {
        for (String ns : kind.namespaces()) {
            for (KubeObject ingress : objects.inNamespace(Kinds.INGRESS, ns)) {
                List<?> rules = Fields.list(ingress.spec(), "rules");
                if (!rules.isEmpty() && rules.get(0) instanceof Map<?, ?> rule && Fields.str(rule, "host") != null) {
                    boolean tls = !Fields.list(ingress.spec(), "tls").isEmpty();
                    return (tls ? "https://" : "http://") + Fields.str(rule, "host");
                }
            }
        }
        return release.map(r -> releaseHost(kind, r)).orElse(null);
    }

    private static String releaseHost(ComponentKind kind, KubeObject release) {
        Map<?, ?> values = Fields.map(release.spec(), "forProvider", "values");
        Object host = switch (kind) {
            case ARGO_CD -> first(Fields.list(values, "server", "ingress", "hosts"));
            case BACKSTAGE -> Fields.get(values, "ingress", "host");
            case VAULT -> first(Fields.list(values, "server", "ingress", "hosts"));
            default -> null;
        };
        if (host instanceof Map<?, ?> m) {
            host = m.get("host");
        }
        return host == null || "hostname".equals(host) ? null : "https://" + host;
    }

    private static Object first(List<?> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
