package dev.backstack.panel.model.lineage;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.rules.CrossplaneRules;
import dev.backstack.panel.model.rules.HubTree;
import dev.backstack.panel.model.rules.SpokeDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Lineage} of one spoke from the hub's objects and, when the panel is
 * connected to it, the spoke's {@link Cluster} (for compliance). The claim is the
 * {@code AKSCluster}/{@code EKSCluster} whose {@code spec.parameters.id} (or name) is the spoke's
 * name; its composite is found through {@code spec.resourceRef} or the
 * {@code crossplane.io/claim-name} label, and the managed resources as {@link HubTree} finds them.
 * Pure: never throws on partial data; whatever is missing becomes a Missing node saying what is
 * expected and why it matters. Callable on any thread.
 */
public final class SpokeLineage {

    /** Annotation on a claim naming the GitOps commit that requested it (optional). */
    public static final String COMMIT_ANNOTATION = "backstack.dev/gitops-commit";

    private static final List<KindRef> CLAIMS = List.of(Kinds.AKS_CLUSTER, Kinds.EKS_CLUSTER);
    private static final List<KindRef> COMPOSITES = List.of(Kinds.XAKS_CLUSTER, Kinds.XEKS_CLUSTER);

    private SpokeLineage() {}

    public static Lineage of(String spokeName, ObjectSet hub, Optional<Cluster> spoke) {
        String name = spokeName == null ? "" : spokeName;
        ObjectSet objects = hub == null ? ObjectSet.EMPTY : hub;
        Optional<Cluster> cluster = spoke == null ? Optional.empty() : spoke;
        Optional<KubeObject> claim = claim(name, objects);
        Optional<KubeObject> xr = claim.flatMap(c -> composite(c, objects));
        Optional<KubeObject> clusterSecret = clusterSecret(name, objects);

        List<LineageNode> afterSecret = new ArrayList<>(ArgoLinks.applications(name, clusterSecret, objects));
        afterSecret.add(ArgoLinks.compliance(name, cluster));
        LineageNode clusterSecretNode = ArgoLinks.clusterSecret(name, claim, clusterSecret, afterSecret);
        LineageNode connection = connectionSecret(name, claim, xr, clusterSecret, objects, clusterSecretNode);

        List<LineageNode> underXr = new ArrayList<>(managed(xr, objects));
        underXr.add(connection);
        LineageNode composite = xr.map(x -> node(LineageStage.COMPOSITE, x, CrossplaneRules.assess(x), underXr))
                .orElseGet(() -> missingComposite(claim, underXr));
        List<LineageNode> underClaim = new ArrayList<>();
        claim.flatMap(SpokeLineage::commit).ifPresent(underClaim::add);
        underClaim.add(composite);
        LineageNode root = claim.map(c -> node(LineageStage.REQUEST, c, CrossplaneRules.assess(c), underClaim))
                .orElseGet(() -> LineageNode.missing(
                        LineageStage.REQUEST,
                        "AKSCluster/EKSCluster",
                        "",
                        name,
                        "no AKSCluster or EKSCluster claim with id " + name + " on the hub: the spoke was not "
                                + "requested through Crossplane (or the claim was deleted), so how it was "
                                + "provisioned cannot be traced",
                        underClaim));
        boolean ownFailure = xr.flatMap(x -> Condition.find(Condition.listOf(x), "Synced"))
                .map(Condition::isFalse)
                .orElse(false);
        return new Lineage(name, root, BrokenLinks.first(root, ownFailure));
    }

    static LineageNode node(LineageStage stage, KubeObject o, Assessment a, List<LineageNode> children) {
        return new LineageNode(stage, o.kind(), o.namespace(), o.name(), a, LastChanged.of(o), children);
    }

    private static Optional<KubeObject> claim(String name, ObjectSet hub) {
        List<KubeObject> claims = CLAIMS.stream()
                .flatMap(k -> hub.all(k).stream())
                .sorted(Comparator.comparing(KubeObject::key))
                .toList();
        return claims.stream()
                .filter(c -> name.equals(Fields.str(c.spec(), "parameters", "id")))
                .findFirst()
                .or(() -> claims.stream().filter(c -> name.equals(c.name())).findFirst());
    }

    private static Optional<KubeObject> composite(KubeObject claim, ObjectSet hub) {
        Map<?, ?> ref = Fields.map(claim.spec(), "resourceRef");
        String refName = Fields.str(ref, "name");
        if (refName != null) {
            Optional<KubeObject> byRef = hub.get(
                    KindRef.of(
                            Fields.str(ref, "apiVersion"),
                            Optional.ofNullable(Fields.str(ref, "kind")).orElse("X" + claim.kind())),
                    refName);
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        return COMPOSITES.stream()
                .flatMap(k -> hub.all(k).stream())
                .filter(x -> claim.name().equals(x.label("crossplane.io/claim-name"))
                        && claim.namespace()
                                .equals(Optional.ofNullable(x.label("crossplane.io/claim-namespace"))
                                        .orElse(claim.namespace())))
                .min(Comparator.comparing(KubeObject::name));
    }

    private static LineageNode missingComposite(Optional<KubeObject> claim, List<LineageNode> children) {
        if (claim.isEmpty()) {
            return LineageNode.missing(
                    LineageStage.COMPOSITE,
                    "XAKSCluster/XEKSCluster",
                    "",
                    "",
                    "no composite: there is no claim to compose",
                    children);
        }
        KubeObject c = claim.get();
        String refName =
                Optional.ofNullable(Fields.str(c.spec(), "resourceRef", "name")).orElse("");
        return LineageNode.missing(
                LineageStage.COMPOSITE,
                "X" + c.kind(),
                "",
                refName,
                "no composite X" + c.kind() + " for claim " + c.name() + " yet: Crossplane has not composed "
                        + "the claim (is the X" + c.kind() + " definition offered and its Composition installed?)",
                children);
    }

    private static List<LineageNode> managed(Optional<KubeObject> xr, ObjectSet hub) {
        if (xr.isEmpty()) {
            return List.of(LineageNode.missing(
                    LineageStage.MANAGED,
                    "managed resources",
                    "",
                    "",
                    "no managed resources: there is no composite to compose the cloud cluster",
                    List.of()));
        }
        boolean xrReady = CrossplaneRules.assess(xr.get()).health() == Health.HEALTHY;
        List<LineageNode> out = new ArrayList<>();
        for (Map.Entry<String, KubeObject> e : HubTree.composed(xr.get(), hub).entrySet()) {
            KubeObject o = e.getValue();
            if (o != null) {
                out.add(node(LineageStage.MANAGED, o, CrossplaneRules.assess(o), List.of()));
                continue;
            }
            String[] kindName = e.getKey().split(" ", 2);
            String refName = kindName.length > 1 ? kindName[1] : "";
            out.add(
                    xrReady
                            ? new LineageNode(
                                    LineageStage.MANAGED,
                                    kindName[0],
                                    "",
                                    refName,
                                    Assessment.healthy("Ready per its composite (the panel does not read this kind)"),
                                    Optional.empty(),
                                    List.of())
                            : LineageNode.missing(
                                    LineageStage.MANAGED,
                                    kindName[0],
                                    "",
                                    refName,
                                    "referenced by the "
                                            + "composite but not found on the hub: not created yet, or its kind is not read by "
                                            + "the panel",
                                    List.of()));
        }
        if (out.isEmpty()) {
            out.add(
                    xrReady
                            ? new LineageNode(
                                    LineageStage.MANAGED,
                                    "managed resources",
                                    "",
                                    "",
                                    Assessment.healthy("none listed by the Ready composite"),
                                    Optional.empty(),
                                    List.of())
                            : LineageNode.missing(
                                    LineageStage.MANAGED,
                                    "managed resources",
                                    "",
                                    "",
                                    "the composite lists "
                                            + "no composed resources yet: the cloud cluster is not being created",
                                    List.of()));
        }
        return out;
    }

    private static LineageNode connectionSecret(
            String spoke,
            Optional<KubeObject> claim,
            Optional<KubeObject> xr,
            Optional<KubeObject> clusterSecret,
            ObjectSet hub,
            LineageNode next) {
        String ns = claim.map(KubeObject::namespace).orElse("");
        String secretName = claim.map(c -> Fields.str(c.spec(), "writeConnectionSecretToRef", "name"))
                .orElse(null);
        String expected = secretName == null ? spoke + "-kubeconfig" : secretName;
        Optional<KubeObject> secret = hub.get(Kinds.SECRET, ns.isEmpty() ? expected : ns + "/" + expected);
        if (secret.isPresent()) {
            return node(
                    LineageStage.CONNECTION_SECRET,
                    secret.get(),
                    Assessment.healthy("kubeconfig present"),
                    List.of(next));
        }
        Optional<String> published = claim.map(c -> Fields.str(c.status(), "connectionDetails", "lastPublishedTime"))
                .or(() -> xr.map(x -> Fields.str(x.status(), "connectionDetails", "lastPublishedTime")));
        if (published.isPresent() && published.get() != null) {
            return new LineageNode(
                    LineageStage.CONNECTION_SECRET,
                    "Secret",
                    ns,
                    expected,
                    Assessment.healthy("kubeconfig published " + published.get()),
                    LastChanged.parse(published.get()),
                    List.of(next));
        }
        if (clusterSecret.isPresent()) {
            return new LineageNode(
                    LineageStage.CONNECTION_SECRET,
                    "Secret",
                    ns,
                    expected,
                    Assessment.healthy("not read by the panel; the Argo CD cluster secret made from it exists"),
                    Optional.empty(),
                    List.of(next));
        }
        String why = claim.isPresent() && secretName == null
                ? "the claim does not set spec.writeConnectionSecretToRef, so no kubeconfig reaches the hub and "
                        + "the spoke cannot be registered with Argo CD"
                : "no kubeconfig published to " + (ns.isEmpty() ? "" : ns + "/") + expected + " yet: Crossplane "
                        + "writes it once the cloud cluster is ready, and the registration policy needs it to "
                        + "create the Argo CD cluster secret";
        return LineageNode.missing(LineageStage.CONNECTION_SECRET, "Secret", ns, expected, why, List.of(next));
    }

    private static Optional<KubeObject> clusterSecret(String name, ObjectSet hub) {
        return hub.all(Kinds.SECRET).stream()
                .filter(s -> "cluster".equals(s.label(SpokeDetector.SECRET_TYPE_LABEL)))
                .filter(s -> name.equals(Fields.str(s.body(), "cluster", "name")) || name.equals(s.name()))
                .min(Comparator.comparing((KubeObject s) -> !"spoke".equals(s.label(SpokeDetector.CLUSTER_TYPE_LABEL)))
                        .thenComparing(KubeObject::key));
    }

    private static Optional<LineageNode> commit(KubeObject claim) {
        String sha = claim.annotations().get(COMMIT_ANNOTATION);
        if (sha == null || sha.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LineageNode(
                LineageStage.REQUEST,
                "GitOps commit",
                "",
                sha.trim(),
                Assessment.healthy("committed to the GitOps repository"),
                Optional.empty(),
                List.of()));
    }
}
