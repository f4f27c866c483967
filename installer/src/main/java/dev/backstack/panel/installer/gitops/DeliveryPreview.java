package dev.backstack.panel.installer.gitops;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a delivery would do, compared with the remote at the time of the preview: each file as
 * added, changed or unchanged against the base branch, and whether the new branch already
 * exists (holding exactly these files, or other content). Immutable.
 *
 * @param target       where the delivery goes
 * @param baseCommit   the base branch's head the files were compared with
 * @param files        every file of the delivery, by repository path, in the given order
 * @param branch       the state of the new branch on the remote
 * @param branchCommit the new branch's head on the remote; empty when it does not exist
 */
public record DeliveryPreview(
        GitOpsTarget target, String baseCommit, List<FileChange> files, BranchState branch, String branchCommit) {

    /** How a file compares with the base branch. */
    public enum Change {
        ADDED,
        CHANGED,
        UNCHANGED
    }

    /** The new branch on the remote. */
    public enum BranchState {
        /** Not there yet: a delivery creates it. */
        ABSENT,
        /** There, and every file of the delivery is there with exactly this content: a re-run delivers nothing. */
        HOLDS_THESE_FILES,
        /** There with other content: a delivery fails with {@code BRANCH_EXISTS_DIVERGED}. */
        DIFFERENT
    }

    /** One file of the delivery. */
    public record FileChange(String path, Change change) {
        public FileChange {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(change, "change");
        }
    }

    public DeliveryPreview {
        Objects.requireNonNull(target, "target");
        files = List.copyOf(files);
        Objects.requireNonNull(branch, "branch");
        branchCommit = branchCommit == null ? "" : branchCommit;
    }

    /** True when the base branch already holds every file as given: a delivery would push nothing. */
    public boolean nothingToChange() {
        return files.stream().allMatch(f -> f.change() == Change.UNCHANGED);
    }

    /** The repository paths with that change. */
    public List<String> paths(Change change) {
        return files.stream()
                .filter(f -> f.change() == change)
                .map(FileChange::path)
                .toList();
    }

    /**
     * What a delivery would report without pushing anything, when it would push nothing: the
     * branch already holds these files ({@code ALREADY_DELIVERED}), or the base branch does
     * ({@code NOTHING_TO_CHANGE}); empty when a delivery would push or fail.
     */
    public Optional<DeliveryResult> withoutPush() {
        List<String> written = new java.util.ArrayList<>(paths(Change.ADDED));
        written.addAll(paths(Change.CHANGED));
        if (branch == BranchState.HOLDS_THESE_FILES) {
            return Optional.of(new DeliveryResult(
                    DeliveryResult.Outcome.ALREADY_DELIVERED,
                    target.displayRemote(),
                    target.baseBranch(),
                    target.branch(),
                    branchCommit,
                    written,
                    PullRequestLinks.compareUrl(target.remoteUrl(), target.baseBranch(), target.branch())));
        }
        if (nothingToChange()) {
            return Optional.of(new DeliveryResult(
                    DeliveryResult.Outcome.NOTHING_TO_CHANGE,
                    target.displayRemote(),
                    target.baseBranch(),
                    target.branch(),
                    baseCommit,
                    List.of(),
                    Optional.empty()));
        }
        return Optional.empty();
    }

    /** {@code 2 files to add, 1 to change, 3 unchanged against main; branch x does not exist yet}. */
    public String summary() {
        String counts = paths(Change.ADDED).size() + " files to add, "
                + paths(Change.CHANGED).size() + " to change, "
                + paths(Change.UNCHANGED).size() + " unchanged against " + target.baseBranch();
        return counts
                + switch (branch) {
                    case ABSENT -> "; branch " + target.branch() + " does not exist yet";
                    case HOLDS_THESE_FILES -> "; branch " + target.branch() + " already holds exactly these files";
                    case DIFFERENT -> "; branch " + target.branch() + " already exists with other content";
                };
    }
}
