package dev.backstack.panel.model.lineage;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.rules.ArgoRules;
import dev.backstack.panel.model.rules.SpokeDetector;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The links after the kubeconfig: Argo CD cluster secret, Applications, the spoke's compliance. */
final class ArgoLinks {

    private ArgoLinks() {}

    static LineageNode clusterSecret(
            String spoke, Optional<KubeObject> claim, Optional<KubeObject> secret, List<LineageNode> children) {
        if (secret.isEmpty()) {
            String source = claim.map(c -> c.namespace() + "/"
                            + Optional.ofNullable(Fields.str(c.spec(), "writeConnectionSecretToRef", "name"))
                                    .orElse(spoke + "-kubeconfig"))
                    .orElse(spoke + "-kubeconfig");
            return LineageNode.missing(
                    LineageStage.CLUSTER_SECRET,
                    "Secret",
                    "argocd",
                    spoke,
                    "no Argo CD cluster secret: the registration policy did not run (the Kyverno generate "
                            + "policy on the hub turns " + source + " into a secret labelled clusterType: spoke); "
                            + "without it Argo CD cannot deploy to the spoke",
                    children);
        }
        KubeObject s = secret.get();
        Assessment a = "spoke".equals(s.label(SpokeDetector.CLUSTER_TYPE_LABEL))
                ? Assessment.healthy("registered, clusterType: spoke")
                : Assessment.of(
                        Health.DEGRADED,
                        "not labelled spoke",
                        s.displayName(),
                        "registered with Argo CD, "
                                + "but not labelled clusterType: spoke, so the ApplicationSets' cluster generators skip it");
        return SpokeLineage.node(LineageStage.CLUSTER_SECRET, s, a, children);
    }

    static List<LineageNode> applications(String spoke, Optional<KubeObject> secret, ObjectSet hub) {
        String server =
                secret.map(s -> Fields.str(s.body(), "cluster", "server")).orElse(null);
        String argoName =
                secret.map(s -> Fields.str(s.body(), "cluster", "name")).orElse(spoke);
        List<LineageNode> out = hub.all(Kinds.APPLICATION).stream()
                .sorted(Comparator.comparing(KubeObject::name))
                .flatMap(app -> {
                    ApplicationStatus st = ArgoRules.application(app);
                    return st.targets(server, argoName) || st.targets(null, spoke)
                            ? Stream.of(SpokeLineage.node(LineageStage.APPLICATIONS, app, st.assessment(), List.of()))
                            : Stream.empty();
                })
                .toList();
        if (!out.isEmpty()) {
            return out;
        }
        String why = secret.isEmpty()
                ? "no Argo CD Application targets " + spoke + ": there is no cluster secret to generate them from"
                : "no Argo CD Application targets " + spoke + ": the ApplicationSets selecting clusterType: spoke "
                        + "have not generated any yet, so no add-on (Kyverno, its policies) reaches the spoke";
        return List.of(LineageNode.missing(LineageStage.APPLICATIONS, "Application", "argocd", "", why, List.of()));
    }

    static LineageNode compliance(String spoke, Optional<Cluster> cluster) {
        String kind = "PolicyReports";
        Reachability reach = cluster.map(Cluster::reachability).orElse(null);
        if (reach == null || reach.state() == Reachability.State.NOT_CONNECTED) {
            return LineageNode.missing(
                    LineageStage.COMPLIANCE,
                    kind,
                    "",
                    spoke,
                    "not connected to the spoke: assign "
                            + "a kubeconfig context to it to read its Kyverno policy reports",
                    List.of());
        }
        if (reach.state() == Reachability.State.UNREACHABLE || reach.state() == Reachability.State.CONNECTING) {
            Health h = reach.state() == Reachability.State.UNREACHABLE ? Health.UNKNOWN : Health.PROGRESSING;
            return new LineageNode(
                    LineageStage.COMPLIANCE,
                    kind,
                    "",
                    spoke,
                    Assessment.of(
                            h, reach.label(), "cluster " + spoke, "cannot read policy reports: " + reach.message()),
                    Optional.empty(),
                    List.of());
        }
        ComplianceSummary c = cluster.get().compliance();
        if (c == null || c.reports() == 0) {
            return LineageNode.missing(
                    LineageStage.COMPLIANCE,
                    kind,
                    "",
                    spoke,
                    "no policy reports on the spoke: "
                            + "Kyverno is not running there or has not scanned yet (it arrives through the kyverno "
                            + "Application)",
                    List.of());
        }
        ReportCounts t = c.total();
        Assessment a = t.health() == Health.HEALTHY
                ? Assessment.healthy(t.toString())
                : Assessment.of(
                        t.health(),
                        t.toString(),
                        kind + " " + spoke,
                        t.fail() + " failing and " + t.error() + " erroring results in " + c.reports() + " reports"
                                + worst(spoke, c));
        return new LineageNode(LineageStage.COMPLIANCE, kind, "", spoke, a, Optional.empty(), List.of());
    }

    /** {@code ; the worst: fail policy: Pod/web-1 in web: message}, when the summary kept a failing result. */
    private static String worst(String spoke, ComplianceSummary c) {
        if (c.worst().isEmpty() || !c.worst().get(0).verdict().failing()) {
            return "";
        }
        return "; the worst: " + FailingResource.of(spoke, c.worst().get(0)).oneLine(false)
                + (c.findings() > 1 ? " (and " + (c.findings() - 1) + " more in the Compliance tab)" : "");
    }
}
