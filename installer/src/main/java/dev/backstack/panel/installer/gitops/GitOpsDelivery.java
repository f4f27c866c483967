package dev.backstack.panel.installer.gitops;

import dev.backstack.panel.installer.gitops.GitOpsException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers rendered files "through the GitOps repository": commits exactly the given files
 * (byte for byte, UTF-8) under the target's folder, on a new branch made from the base branch,
 * and pushes that branch; for GitHub remotes the result carries the link that opens the pull
 * request. Wizards use it instead of applying objects to a cluster (see {@code GitCommitStep}).
 *
 * <ul>
 *   <li>Each call works in its own bare clone in an owner-only temporary folder, deleted
 *       afterwards, also on failure. Nothing is checked out and no user config changes the files.</li>
 *   <li>Nothing changed against the base branch: nothing is pushed ({@code NOTHING_TO_CHANGE}).
 *       The branch already holds exactly these files: nothing is pushed ({@code ALREADY_DELIVERED}),
 *       so a re-run is safe. The branch exists with other content: {@code BRANCH_EXISTS_DIVERGED};
 *       nothing is ever force-pushed.</li>
 *   <li>A push is one branch update, all or nothing: after a failure the message says whether the
 *       remote holds the complete commit on the new branch or nothing new (checked with the remote).</li>
 *   <li>Credentials go to Git only through an in-memory provider, and only over https (or http to
 *       this machine); see {@link GitCredentials}.</li>
 * </ul>
 *
 * <p>Every method blocks on network I/O: call it from a background thread, never the FX thread.
 * A call stops with {@code CANCELLED} when its thread is interrupted or its listener says
 * cancelled, checked between phases (read branches, fetch, commit, push) and during the fetch.
 * A push that has started (one small pack) is let finish, so a cancel never leaves it in doubt.
 * Stateless apart from its settings; calls may run on several threads at once.
 */
public final class GitOpsDelivery {

    /** How long one network operation may stall before it fails as unreachable. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(GitOpsDelivery.class);

    private final Path workRoot;
    private final Duration timeout;

    /** Temporary clones in the system's temporary folder; {@link #DEFAULT_TIMEOUT}. */
    public GitOpsDelivery() {
        this(null, DEFAULT_TIMEOUT);
    }

    /**
     * @param workRoot where the temporary clones go (null: the system's temporary folder)
     * @param timeout  how long one network operation may stall (at least a second)
     */
    public GitOpsDelivery(Path workRoot, Duration timeout) {
        this.workRoot = workRoot;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** {@link #preview(GitOpsTarget, Map, GitCredentials, ProgressListener)} without progress or cancel. */
    public DeliveryPreview preview(GitOpsTarget target, Map<String, String> files, GitCredentials credentials)
            throws GitOpsException {
        return preview(target, files, credentials, ProgressListener.none());
    }

    /**
     * Which files a delivery would add, change or leave unchanged against the base branch, and
     * the state of the new branch. Reads from the remote, writes nothing there. Blocking.
     *
     * @param files file name (relative to the target's folder, may hold sub-folders) to content
     */
    public DeliveryPreview preview(
            GitOpsTarget target, Map<String, String> files, GitCredentials credentials, ProgressListener listener)
            throws GitOpsException {
        DeliveryCall call = call(target, files, credentials, listener);
        try (WorkRepo work = workRepo(target)) {
            return call.inspect(work).preview();
        }
    }

    /**
     * Commits the files on the new branch and pushes it, unless the base branch or the branch
     * already holds them. Blocking.
     *
     * @param files         file name (relative to the target's folder) to content, committed as UTF-8
     * @param commitMessage the commit's message (not blank)
     * @param credentials   for the remote; {@link GitCredentials#none()} or null when it needs none
     * @param listener      status lines and cancel; {@link ProgressListener#none()} for neither
     */
    public DeliveryResult deliver(
            GitOpsTarget target,
            Map<String, String> files,
            String commitMessage,
            GitCredentials credentials,
            ProgressListener listener)
            throws GitOpsException {
        if (commitMessage == null || commitMessage.isBlank()) {
            throw new GitOpsException(
                    Reason.OTHER,
                    "The commit for " + target.displayRemote() + " has no message.",
                    "Give the delivery a commit message.");
        }
        DeliveryCall call = call(target, files, credentials, listener);
        try (WorkRepo work = workRepo(target)) {
            DeliveryResult result = call.deliver(work, call.inspect(work), commitMessage);
            LOG.info(
                    "GitOps delivery to branch {} of {}: {} ({} files written)",
                    target.branch(),
                    target.displayRemote(),
                    result.outcome(),
                    result.filesWritten().size());
            return result;
        }
    }

    private DeliveryCall call(
            GitOpsTarget target, Map<String, String> files, GitCredentials credentials, ProgressListener listener)
            throws GitOpsException {
        Objects.requireNonNull(target, "target");
        GitCredentials creds = GitCredentials.orNone(credentials);
        if (!creds.isEmpty() && RemoteUrls.isPlainHttpToOtherHost(target.remoteUrl())) {
            throw new GitOpsException(
                    Reason.OTHER,
                    "The GitOps remote " + target.displayRemote() + " is plain "
                            + "http://: the panel does not send a token unencrypted; nothing was pushed.",
                    "Use the repository's https:// URL.");
        }
        try {
            return new DeliveryCall(
                    target,
                    FileSet.of(target, files),
                    creds,
                    listener == null ? ProgressListener.none() : listener,
                    timeout);
        } catch (IllegalArgumentException e) {
            throw new GitOpsException(
                    Reason.OTHER,
                    e.getMessage() + " Nothing was pushed to " + target.displayRemote() + ".",
                    "Fix the files the wizard rendered, then retry.");
        }
    }

    private WorkRepo workRepo(GitOpsTarget target) throws GitOpsException {
        try {
            return WorkRepo.create(workRoot);
        } catch (IOException e) {
            throw new GitOpsException(
                    Reason.OTHER,
                    "Cannot create a temporary clone for " + target.displayRemote() + " (" + GitFailures.detail(e)
                            + "); nothing was pushed.",
                    "Check the free space and permissions of the temporary folder, then retry.",
                    e);
        }
    }
}
