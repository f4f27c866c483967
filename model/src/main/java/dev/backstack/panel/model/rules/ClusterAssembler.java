package dev.backstack.panel.model.rules;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.StatusReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Turns what was read from one connected cluster into a {@link Cluster}. */
public final class ClusterAssembler {

    private ClusterAssembler() {
    }

    /** Identity of a connected cluster, known before any object is read. */
    public record Identity(String id, String name, ClusterRole role, String server, Set<String> sources) {
    }

    public static Cluster assemble(Identity identity, Reachability reachability, String version, ObjectSet objects) {
        List<Component> components = ComponentDetector.detect(objects);
        List<ApplicationStatus> apps = applications(objects);
        List<PolicyStatus> policies = policies(objects);
        if (!reachability.isReachable()) {
            StatusReason why = reachability.state() == Reachability.State.CONNECTING
                    ? StatusReason.of("cluster " + identity.name(), "connecting to the API server")
                    : ComponentDetector.unreachable(identity.name(), reachability.message());
            components = components.stream().map(c -> c.unknownBecause(why)).toList();
            Assessment unknown = Assessment.of(Health.UNKNOWN, reachability.label(), why);
            return new Cluster(identity.id(), identity.name(), identity.role(), identity.server(), identity.sources(),
                    reachability, version, components, apps, policies,
                    KyvernoRules.summarize(reports(objects)), Optional.empty(), unknown);
        }
        List<Assessment> parts = new ArrayList<>();
        for (Component c : components) {
            if (c.installed() || c.kind().isBack()) {
                parts.add(c.assessment());
            }
        }
        apps.stream().filter(a -> identity.role() == ClusterRole.SPOKE || a.targets("https://kubernetes.default.svc", "in-cluster"))
                .map(ApplicationStatus::assessment).forEach(parts::add);
        policies.stream().map(PolicyStatus::assessment).forEach(parts::add);
        Assessment rolled = Assessment.worstOf(parts, "all components healthy");
        return new Cluster(identity.id(), identity.name(), identity.role(), identity.server(), identity.sources(),
                reachability, version, components, apps, policies, KyvernoRules.summarize(reports(objects)),
                Optional.empty(), rolled);
    }

    public static List<ApplicationStatus> applications(ObjectSet objects) {
        return objects.all(Kinds.APPLICATION).stream().map(ArgoRules::application)
                .sorted(Comparator.comparing(ApplicationStatus::name)).toList();
    }

    static List<PolicyStatus> policies(ObjectSet objects) {
        return Stream.concat(objects.all(Kinds.CLUSTER_POLICY).stream(), objects.all(Kinds.POLICY).stream())
                .map(KyvernoRules::policy)
                .sorted(Comparator.comparing(PolicyStatus::namespace).thenComparing(PolicyStatus::name)).toList();
    }

    static List<KubeObject> reports(ObjectSet objects) {
        return Stream.concat(objects.all(Kinds.POLICY_REPORT).stream(),
                objects.all(Kinds.CLUSTER_POLICY_REPORT).stream()).toList();
    }
}
