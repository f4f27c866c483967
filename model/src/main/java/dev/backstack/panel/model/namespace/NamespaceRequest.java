package dev.backstack.panel.model.namespace;

import dev.backstack.panel.model.policy.PolicyRequest.GitOpsChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A namespace a team asks for on one spoke (namespace-as-a-service): its quota, the container
 * defaults, the team group that may edit in it, network isolation, and the catalog policies the
 * team's workloads must pass. Delivered directly to the spoke, or (when {@code gitops} is set)
 * committed to a new branch of the GitOps repository. Immutable; validate with {@link #problems()}.
 *
 * @param team             the identity provider's group bound to the ClusterRole {@code edit}
 * @param isolate          default-deny ingress, except from the namespace itself and {@code ingressNamespace}
 * @param ingressNamespace the namespace of the ingress controller allowed in when isolated
 * @param gitops           where to commit, or null to apply directly
 */
public record NamespaceRequest(
        String spoke,
        String name,
        String team,
        NamespaceQuota quota,
        ContainerDefaults defaults,
        boolean isolate,
        String ingressNamespace,
        List<TeamPolicy> policies,
        GitOpsChoice gitops) {

    /** The ingress controller's namespace in the BACK Stack (ingress-nginx). */
    public static final String DEFAULT_INGRESS_NAMESPACE = "ingress-nginx";

    private static final Set<String> RESERVED = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    public NamespaceRequest {
        spoke = Objects.requireNonNullElse(spoke, "").strip();
        name = Objects.requireNonNullElse(name, "").strip();
        team = Objects.requireNonNullElse(team, "").strip();
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(defaults, "defaults");
        ingressNamespace = Objects.requireNonNullElse(ingressNamespace, "").strip();
        policies = List.copyOf(policies);
    }

    /** A request with the default quota, container defaults and ingress namespace, not isolated, no policies. */
    public static NamespaceRequest of(String spoke, String name, String team) {
        return new NamespaceRequest(
                spoke,
                name,
                team,
                NamespaceQuota.DEFAULT,
                ContainerDefaults.DEFAULT,
                false,
                DEFAULT_INGRESS_NAMESPACE,
                List.of(),
                null);
    }

    public NamespaceRequest withQuota(NamespaceQuota q, ContainerDefaults d) {
        return new NamespaceRequest(spoke, name, team, q, d, isolate, ingressNamespace, policies, gitops);
    }

    public NamespaceRequest withIsolation(boolean on, String ingress) {
        return new NamespaceRequest(spoke, name, team, quota, defaults, on, ingress, policies, gitops);
    }

    public NamespaceRequest withPolicies(List<TeamPolicy> p) {
        return new NamespaceRequest(spoke, name, team, quota, defaults, isolate, ingressNamespace, p, gitops);
    }

    public NamespaceRequest withGitOps(GitOpsChoice g) {
        return new NamespaceRequest(spoke, name, team, quota, defaults, isolate, ingressNamespace, policies, g);
    }

    /** True when the request is committed to the GitOps repository rather than applied. */
    public boolean viaGitOps() {
        return gitops != null;
    }

    /** What is wrong with the namespace's name, or empty. */
    public static Optional<String> nameProblem(String name) {
        Optional<String> p = Names.dnsLabelProblem("Namespace name", name);
        if (p.isPresent()) {
            return p;
        }
        return RESERVED.contains(name) || name.startsWith("kube-")
                ? Optional.of("Namespace name: " + name + " is reserved for Kubernetes itself; choose another name")
                : Optional.empty();
    }

    /** What is wrong with the team group, or empty. It becomes a label value, so it follows their rules. */
    public static Optional<String> teamProblem(String team) {
        return Names.labelValueProblem("Team group", team);
    }

    /** Every problem, one line each, in the order of the wizard's pages; empty when the request can be rendered. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (spoke.isEmpty()) {
            out.add("Spoke: choose the spoke the namespace goes to");
        }
        nameProblem(name).ifPresent(out::add);
        teamProblem(team).ifPresent(out::add);
        out.addAll(quota.problems());
        out.addAll(defaults.problems(quota));
        if (isolate) {
            Names.dnsLabelProblem("Ingress namespace", ingressNamespace).ifPresent(out::add);
        }
        for (TeamPolicy p : policies) {
            Names.dnsLabelProblem("Policy", p.id()).ifPresent(out::add);
        }
        if (policies.stream().map(TeamPolicy::id).distinct().count() != policies.size()) {
            out.add("Policies: each policy can be chosen once");
        }
        if (gitops != null && (blank(gitops.repository()) || blank(gitops.baseBranch()) || blank(gitops.branch()))) {
            out.add("GitOps delivery needs the repository, its base branch and a new branch name");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
