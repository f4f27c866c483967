package dev.backstack.panel.model.addon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the add-on wizard and {@code addons apply} deliver: the chosen add-ons (each with its
 * values and spokes), and how: applied directly to the hub's {@code argocd} namespace, or
 * committed to the GitOps repository on a new branch. Pure and immutable.
 *
 * @param repository the GitOps repository: where a GitOps delivery commits, and the source of add-ons
 *                   that sync a folder of it ({@code backstack-policies}); may be empty for a direct
 *                   delivery of chart add-ons only
 * @param baseBranch the branch those add-ons follow and the commit starts from
 * @param branch     the new branch of a GitOps delivery
 */
public record AddonRequest(
        List<AddonSelection> selections, Delivery delivery, String repository, String baseBranch, String branch) {

    public enum Delivery {
        /** Server-side apply of the ApplicationSets on the hub, through the plan engine. */
        APPLY,
        /** One commit of the ApplicationSets' files on a new branch of the GitOps repository. */
        GITOPS
    }

    public AddonRequest {
        selections = List.copyOf(selections);
        Objects.requireNonNull(delivery, "delivery");
        repository = repository == null ? "" : repository.trim();
        baseBranch = baseBranch == null || baseBranch.isBlank() ? "main" : baseBranch.trim();
        branch = branch == null ? "" : branch.trim();
    }

    /** Every reason the request cannot be delivered as it is (empty when it can). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (selections.isEmpty()) {
            out.add("choose at least one add-on");
        }
        selections.forEach(s -> out.addAll(s.problems()));
        for (AddonSelection s : selections) {
            if (s.entry().source() instanceof AddonSource.Git && repository.isEmpty()) {
                out.add(s.entry().id() + ": syncs a folder of the GitOps repository; give its URL");
            }
            if (s.spokes().isEmpty() && s.selector().isEmpty()) {
                out.add(s.entry().id() + ": choose the spokes by a label selector or by name");
            }
        }
        if (delivery == Delivery.GITOPS) {
            if (repository.isEmpty()) {
                out.add("GitOps delivery: give the repository URL");
            }
            if (branch.isEmpty()) {
                out.add("GitOps delivery: give the new branch's name");
            } else if (branch.equals(baseBranch)) {
                out.add("GitOps delivery: the new branch must differ from the base branch " + baseBranch);
            }
        }
        return out;
    }

    /** A default branch name for a GitOps delivery of these add-ons. */
    public static String defaultBranch(List<AddonSelection> selections) {
        return "backstack-panel/addons-"
                + String.join(
                        "-",
                        selections.stream().map(s -> s.entry().id()).limit(3).toList());
    }
}
