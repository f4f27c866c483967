package dev.backstack.panel.installer.gitops;

import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Where a delivery goes: a new branch, made from a base branch of a remote repository, with the
 * files under a folder. Checked when built ({@link IllegalArgumentException} otherwise): the
 * remote is an {@code https://} URL without credentials in it, a {@code file://} URL or an
 * absolute local path (ssh is not supported); both branch names are valid Git branch names and
 * differ; the folder is a relative path (empty for the repository's root). Immutable.
 *
 * @param remoteUrl   {@code https://github.com/acme/gitops.git}, or a local path in tests
 * @param baseBranch  the branch the new one starts from and a pull request targets, such as {@code main}
 * @param branch      the new branch, such as {@code backstack/policies-hub}
 * @param folder      where the files go inside the repository, such as {@code policies/hub}
 * @param authorName  the commit's author and committer name
 * @param authorEmail the commit's author and committer email
 */
public record GitOpsTarget(
        String remoteUrl, String baseBranch, String branch, String folder, String authorName, String authorEmail) {

    public GitOpsTarget {
        RemoteUrls.check(remoteUrl);
        remoteUrl = remoteUrl.strip();
        baseBranch = branchName(baseBranch, "base branch");
        branch = branchName(branch, "new branch");
        if (baseBranch.equals(branch)) {
            throw new IllegalArgumentException("The new branch must differ from the base branch '" + baseBranch
                    + "': a delivery never commits to the base branch directly.");
        }
        folder = RepoPaths.folder(folder);
        if (authorName == null || authorName.isBlank()) {
            throw new IllegalArgumentException("The commit needs an author name.");
        }
        authorEmail = Objects.requireNonNullElse(authorEmail, "").strip();
    }

    /** The remote as messages show it. */
    public String displayRemote() {
        return RemoteUrls.display(remoteUrl);
    }

    /** {@code refs/heads/<branch>}. */
    public String branchRef() {
        return Constants.R_HEADS + branch;
    }

    /** {@code refs/heads/<baseBranch>}. */
    public String baseRef() {
        return Constants.R_HEADS + baseBranch;
    }

    /** The repository path of a file of the delivery: {@code <folder>/<file>}. */
    public String pathOf(String file) {
        return RepoPaths.inFolder(folder, file);
    }

    private static String branchName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is empty.");
        }
        String n = name.strip();
        if (n.startsWith(Constants.R_HEADS)) {
            n = n.substring(Constants.R_HEADS.length());
        }
        if (n.startsWith("-") || !Repository.isValidRefName(Constants.R_HEADS + n)) {
            throw new IllegalArgumentException("'" + n + "' is not a valid Git branch name for the " + what + ".");
        }
        return n;
    }
}
