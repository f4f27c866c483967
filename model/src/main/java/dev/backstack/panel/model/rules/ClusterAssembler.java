package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.StatusReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Turns what was read from one connected cluster into a {@link Cluster}. The roll-up is the worst
 * of: the components (every BACK component, and the supporting pieces that are installed), the
 * {@code Hub} claim trees, the Argo CD applications deploying to this cluster, and the Kyverno
 * policies. A cluster that does not answer is Unknown, and so is everything on it.
 */
public final class ClusterAssembler {

    /** The API server URL Argo CD uses for the cluster it runs in. */
    public static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

    private ClusterAssembler() {}

    /** Identity of a connected cluster, known before any object is read. */
    public record Identity(String id, String name, ClusterRole role, String server, Set<String> sources) {}

    public static Cluster assemble(Identity identity, Reachability reachability, String version, ObjectSet objects) {
        return assemble(identity, reachability, version, objects, applications(objects));
    }

    /**
     * As {@link #assemble(Identity, Reachability, String, ObjectSet)}, with the cluster's
     * Applications already derived (in {@link #APPLICATION_ORDER}): the store derives each
     * Application once, when it changes.
     */
    public static Cluster assemble(
            Identity identity,
            Reachability reachability,
            String version,
            ObjectSet objects,
            List<ApplicationStatus> applications) {
        List<Component> components = ComponentDetector.detect(objects);
        List<ApplicationStatus> apps = applications;
        List<PolicyStatus> policies = policies(objects);
        if (!reachability.isReachable()) {
            StatusReason said = switch (reachability.state()) {
                case CONNECTING ->
                    StatusReason.of(
                            "cluster " + identity.name(),
                            reachability.message().isEmpty()
                                            || reachability.message().equals("connecting")
                                    ? "connecting to the API server"
                                    : reachability.message());
                case NOT_CONNECTED ->
                    StatusReason.of("cluster " + identity.name(), "not connected: " + reachability.message());
                default ->
                    StatusReason.of(
                            "cluster " + identity.name(),
                            "cannot reach the API server" + (identity.server().isEmpty() ? "" : " " + identity.server())
                                    + ": " + reachability.message());
            };
            StatusReason why = said.withHint(Hints.forReason(said));
            components = components.stream().map(c -> c.unknownBecause(why)).toList();
            apps = apps.stream().map(a -> unknown(a, why.message())).toList();
            policies = policies.stream()
                    .map(p -> new PolicyStatus(
                            p.namespace(), p.name(), p.mode(), Assessment.of(Health.UNKNOWN, "status unknown", why)))
                    .toList();
            Assessment unknown = Assessment.of(Health.UNKNOWN, reachability.label(), why);
            return new Cluster(
                    identity.id(),
                    identity.name(),
                    identity.role(),
                    identity.server(),
                    identity.sources(),
                    reachability,
                    version,
                    components,
                    apps,
                    policies,
                    KyvernoRules.summarize(reports(objects)),
                    Optional.empty(),
                    unknown);
        }
        List<Assessment> parts = new ArrayList<>();
        for (Component c : components) {
            if (c.installed() || (c.kind().isBack() && identity.role() == ClusterRole.HUB)) {
                parts.add(c.assessment());
            }
        }
        HubTree.hubs(objects).stream().map(ObjectNode::rolledUp).forEach(parts::add);
        Set<String> localNames = localClusterNames(objects);
        worstApplication(
                        apps,
                        a -> identity.role() == ClusterRole.SPOKE
                                || a.targets(IN_CLUSTER_SERVER, null)
                                || localNames.contains(a.destinationName()))
                .ifPresent(parts::add);
        policies.stream().map(PolicyStatus::assessment).forEach(parts::add);
        Assessment rolled = Hints.apply(Assessment.worstOf(parts, "all components healthy"));
        return new Cluster(
                identity.id(),
                identity.name(),
                identity.role(),
                identity.server(),
                identity.sources(),
                reachability,
                version,
                components,
                apps,
                policies,
                KyvernoRules.summarize(reports(objects)),
                Optional.empty(),
                rolled);
    }

    /**
     * The names Argo CD knows this cluster by: {@code in-cluster}, and the name of every Argo CD
     * cluster secret whose server is the in-cluster URL (the reference registers the hub as {@code hub}).
     */
    static Set<String> localClusterNames(ObjectSet objects) {
        Set<String> names = new HashSet<>(Set.of("in-cluster"));
        for (KubeObject secret : objects.all(Kinds.SECRET)) {
            String server = Fields.str(secret.body(), "cluster", "server");
            String name = Fields.str(secret.body(), "cluster", "name");
            if ("cluster".equals(secret.label(SpokeDetector.SECRET_TYPE_LABEL))
                    && name != null
                    && server != null
                    && IN_CLUSTER_SERVER.equals(
                            server.endsWith("/") ? server.substring(0, server.length() - 1) : server)) {
                names.add(name);
            }
        }
        return names;
    }

    /** What Argo CD last said is stale when its cluster does not answer. */
    private static ApplicationStatus unknown(ApplicationStatus a, String why) {
        return new ApplicationStatus(
                a.namespace(),
                a.name(),
                a.project(),
                Health.UNKNOWN,
                why,
                "Unknown",
                a.operationPhase(),
                a.operationMessage(),
                a.retryCount(),
                a.destinationServer(),
                a.destinationName(),
                a.destinationNamespace(),
                a.deleting());
    }

    /**
     * What the given applications add to a roll-up: the assessment of the first of the worst
     * health (an application's assessment has its Argo CD health, and a roll-up keeps the first of
     * the worst), so thousands of healthy applications cost no assessment at all.
     */
    static Optional<Assessment> worstApplication(List<ApplicationStatus> apps, Predicate<ApplicationStatus> counted) {
        ApplicationStatus worst = null;
        for (ApplicationStatus a : apps) {
            if (counted.test(a) && (worst == null || a.health().isWorseThan(worst.health()))) {
                worst = a;
            }
        }
        return Optional.ofNullable(worst).map(ApplicationStatus::assessment);
    }

    /** The order of a cluster's Applications: by name, then namespace. */
    public static final Comparator<ApplicationStatus> APPLICATION_ORDER =
            Comparator.comparing(ApplicationStatus::name).thenComparing(ApplicationStatus::namespace);

    public static List<ApplicationStatus> applications(ObjectSet objects) {
        return objects.all(Kinds.APPLICATION).stream()
                .map(ArgoRules::application)
                .sorted(APPLICATION_ORDER)
                .toList();
    }

    static List<PolicyStatus> policies(ObjectSet objects) {
        return Stream.of(Kinds.CLUSTER_POLICY, Kinds.POLICY, Kinds.VALIDATING_POLICY)
                .flatMap(kind -> objects.all(kind).stream())
                .map(KyvernoRules::policy)
                .sorted(Comparator.comparing(PolicyStatus::namespace).thenComparing(PolicyStatus::name))
                .toList();
    }

    /** Kyverno's reports of both API groups: {@code wgpolicyk8s.io} and {@code openreports.io}. */
    static List<KubeObject> reports(ObjectSet objects) {
        return Stream.of(Kinds.POLICY_REPORT, Kinds.CLUSTER_POLICY_REPORT, Kinds.REPORT, Kinds.CLUSTER_REPORT)
                .flatMap(k -> objects.all(k).stream())
                .toList();
    }
}
