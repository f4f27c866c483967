package dev.backstack.panel.model.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the policy wizard delivers, and where.
 *
 * <ul>
 * <li>{@link Delivery#APPLY}: server-side applied now to the hub (when {@code hub}) and to each
 * spoke named in {@code spokes}.</li>
 * <li>{@link Delivery#GITOPS}: committed to a new branch of the GitOps repository: the hub's
 * policies where the hub's Argo CD syncs them, the spokes' policies with an ApplicationSet whose
 * cluster generator selects {@code spokeSelector} (default {@code clusterType: spoke}).</li>
 * </ul>
 *
 * @param spokes        spokes by name (APPLY)
 * @param spokeSelector labels of the spokes' Argo CD cluster secrets (GITOPS); empty for no spokes
 * @param gitops        the repository and branches (GITOPS); null for APPLY
 */
public record PolicyRequest(
        List<PolicySelection> selections,
        boolean hub,
        List<String> spokes,
        Map<String, String> spokeSelector,
        Delivery delivery,
        GitOpsChoice gitops) {

    /** How the policies reach the clusters. */
    public enum Delivery {
        APPLY,
        GITOPS
    }

    /** The GitOps repository a delivery commits to, on a new branch made from {@code baseBranch}. */
    public record GitOpsChoice(String repository, String baseBranch, String branch) {}

    /** The selector of the reference's ApplicationSets. */
    public static final Map<String, String> SPOKES = Map.of("clusterType", "spoke");

    public PolicyRequest {
        selections = List.copyOf(selections);
        spokes = List.copyOf(spokes);
        spokeSelector = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spokeSelector));
        Objects.requireNonNull(delivery, "delivery");
    }

    /** True when the request reaches spokes. */
    public boolean targetsSpokes() {
        return delivery == Delivery.APPLY ? !spokes.isEmpty() : !spokeSelector.isEmpty();
    }

    /** Every problem that keeps the request from being rendered; empty when it can be. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (selections.isEmpty()) {
            out.add("Choose at least one policy.");
        }
        selections.forEach(s -> out.addAll(s.problems()));
        if (!hub && !targetsSpokes()) {
            out.add("Choose where the policies go: the hub, spokes, or both.");
        }
        if (delivery == Delivery.GITOPS
                && (gitops == null
                        || blank(gitops.repository())
                        || blank(gitops.baseBranch())
                        || blank(gitops.branch()))) {
            out.add("GitOps delivery needs the repository, its base branch and a new branch name.");
        }
        long distinct = selections.stream().map(s -> s.entry().id()).distinct().count();
        if (distinct != selections.size()) {
            out.add("Each policy can be chosen once.");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
